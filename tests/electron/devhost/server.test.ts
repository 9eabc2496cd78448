import { mkdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openServices } from '../../../electron/core/services';
import { startDevHost, type DevHost } from '../../../electron/devhost/server';
import {
  API_PATH,
  AppEventSchema,
  EVENTS_PATH,
  MEDIA_PATH,
  THEME_SHELL_PATH,
  TOKEN_HEADER,
} from '../../../shared/contract';
import { LIVE_FRAME_CSP, LIVE_FRAME_DOCUMENT } from '../../../shared/theme/liveFrame';
import { sampleImage } from '../media/support/images';
import { reblogPost } from '../../support/fixtures';
import { sampleEvents } from '../../support/sampleEvents';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();
const running: DevHost[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((host) => host.close()));
});

let lastServices: Awaited<ReturnType<typeof openServices>> | null = null;

async function start(): Promise<DevHost> {
  const renderer = await newFolder();
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Commonplace</title>');
  await mkdir(path.join(renderer, 'assets'));
  await writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  const services = await openServices({
    dataFolder: await newFolder(),
    access: { mode: 'write', program: { kind: 'app' } },
    logError: () => undefined,
  });
  lastServices = services;
  const host = await startDevHost({ services, rendererFolder: renderer, logError: () => undefined });
  running.push(host);
  return host;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so that tests can send the Host and Origin a hostile page would. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

function call(target: DevHost, name: string, input: unknown, headers: Record<string, string> = {}) {
  return send(`${target.origin}${API_PATH}${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: target.token, ...headers },
    body: JSON.stringify(input),
  });
}

describe('the browser dev host', () => {
  it('listens on loopback only, with a long random token', async () => {
    const target = await start();
    expect(new URL(target.origin).hostname).toBe('127.0.0.1');
    expect(target.token.length).toBeGreaterThanOrEqual(32);
    const other = await start();
    expect(other.token).not.toBe(target.token);
  });

  it('refuses a call without the token, or with a wrong one, and does nothing', async () => {
    const target = await start();
    const create = { content: reblogPost() };
    const missing = await send(`${target.origin}${API_PATH}createDraft`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(create),
    });
    expect(missing.status).toBe(401);
    expect((await call(target, 'createDraft', create, { [TOKEN_HEADER]: `${target.token}x` })).status).toBe(401);
    const list = await call(target, 'listDrafts', {});
    expect(JSON.parse(list.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses another Host (DNS rebinding) and another Origin, even with the token', async () => {
    const target = await start();
    const port = new URL(target.origin).port;
    expect((await call(target, 'listDrafts', {}, { Host: `evil.example:${port}` })).status).toBe(403);
    expect((await call(target, 'listDrafts', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await call(target, 'listDrafts', {}, { Origin: target.origin })).status).toBe(200);
  });

  it('hands the token to its page as an HttpOnly, SameSite=Strict cookie and serves the page with it', async () => {
    const target = await start();
    expect((await send(`${target.origin}/`)).status).toBe(401);
    const opened = await send(target.url);
    expect(opened.status).toBe(303);
    const cookie = String(opened.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await send(`${target.origin}/`, { headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Commonplace</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers a valid call, and bad input with a typed error instead of a crash', async () => {
    const target = await start();
    const created = JSON.parse((await call(target, 'createDraft', { content: reblogPost() })).body) as {
      ok: boolean;
      value: { id: string };
    };
    expect(created.ok).toBe(true);
    const notJson = await send(`${target.origin}${API_PATH}getDraft`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: target.token },
      body: '{"id": ',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    const wrongType = await send(`${target.origin}${API_PATH}getDraft`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', [TOKEN_HEADER]: target.token },
      body: '{}',
    });
    expect(wrongType.status).toBe(415);
    const unknown = JSON.parse((await call(target, 'dropTables', {})).body) as unknown;
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'unknown-call' } });
    const found = JSON.parse((await call(target, 'getDraft', { id: created.value.id })).body) as unknown;
    expect(found).toMatchObject({ ok: true, value: { title: reblogPost().title } });
  });

  it('sends the themed preview’s frame on to the shell, on a site of its own that serves nothing else', async () => {
    const target = await start();
    expect((await send(`${target.origin}${THEME_SHELL_PATH}`)).status).toBe(401);
    const sent = await send(`${target.origin}${THEME_SHELL_PATH}`, { headers: { [TOKEN_HEADER]: target.token } });
    expect(sent.status).toBe(302);
    const shell = new URL(String(sent.headers['location']));
    // The page is on 127.0.0.1, so the shell is on localhost: another site, on a port of its own.
    expect(shell.hostname).toBe('localhost');
    expect(shell.port).not.toBe(new URL(target.origin).port);
    // The app's page may frame its own route and the shell's one port, nothing else on loopback.
    const page = await send(`${target.origin}/`, { headers: { [TOKEN_HEADER]: target.token } });
    expect(page.headers['content-security-policy']).toContain(
      `frame-src 'self' http://localhost:${shell.port}/ http://127.0.0.1:${shell.port}/;`,
    );
    const loopback = `http://127.0.0.1:${shell.port}`;
    const served = await send(`${loopback}/`, { headers: { Host: shell.host } });
    expect(served.status).toBe(200);
    expect(served.body).toBe(LIVE_FRAME_DOCUMENT);
    expect(served.headers['content-security-policy']).toBe(LIVE_FRAME_CSP);
    expect((await send(`${loopback}/`, { headers: { Host: `evil.example:${shell.port}` } })).status).toBe(404);
    expect((await send(`${loopback}${API_PATH}listDrafts`, { headers: { Host: shell.host } })).status).toBe(404);
    // Opened as localhost, the page gets its shell on 127.0.0.1.
    const fromLocalhost = await send(`${target.origin}${THEME_SHELL_PATH}`, {
      headers: { [TOKEN_HEADER]: target.token, Host: `localhost:${new URL(target.origin).port}` },
    });
    expect(new URL(String(fromLocalhost.headers['location'])).hostname).toBe('127.0.0.1');
  });

  it('does not serve files outside the built renderer', async () => {
    const target = await start();
    const cookie = `commonplace-token=${target.token}`;
    const escape = await send(`${target.origin}/..%2f..%2fpackage.json`, { headers: { Cookie: cookie } });
    expect(escape.status).toBe(404);
    const asset = await send(`${target.origin}/assets/app.js`, { headers: { Cookie: cookie } });
    expect(asset.status).toBe(200);
  });
});

describe('the dev host’s images', () => {
  it('serves library images to its own page only, read-only, by their exact names', async () => {
    const target = await start();
    const image = await lastServices?.handlers.addImage({
      name: 'a.png',
      data: (await sampleImage('png', 20, 10)).toString('base64'),
    });
    if (!image) throw new Error('no image');
    const address = `${target.origin}${MEDIA_PATH}${image.file}`;
    const served = await send(address, { headers: { [TOKEN_HEADER]: target.token } });
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(Number(served.headers['content-length'])).toBe(image.bytes);

    expect((await send(address)).status).toBe(401);
    expect((await send(address, { headers: { [TOKEN_HEADER]: target.token, Host: 'evil.example' } })).status).toBe(403);
    expect((await send(address, { method: 'DELETE', headers: { [TOKEN_HEADER]: target.token } })).status).toBe(405);
    for (const name of [
      '..%2Findex.html',
      '..%2F..%2Faccounts.json',
      `${image.file.slice(0, -4)}.svg`,
      'x.png',
      `${'0'.repeat(64)}.png`,
    ]) {
      const answer = await send(`${target.origin}${MEDIA_PATH}${name}`, { headers: { [TOKEN_HEADER]: target.token } });
      expect(answer.status, name).toBe(404);
      expect(answer.body).not.toContain('Commonplace</title>');
    }
  });
});

describe('the dev host’s event stream', () => {
  it('streams the core’s events to its own page, and to no one without the token', async () => {
    const target = await start();
    expect((await send(`${target.origin}${EVENTS_PATH}`)).status).toBe(401);

    const received = new Promise<string>((resolve, reject) => {
      const request = httpRequest(
        `${target.origin}${EVENTS_PATH}`,
        { headers: { [TOKEN_HEADER]: target.token } },
        (response) => {
          expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
          let body = '';
          response.setEncoding('utf8').on('data', (chunk: string) => {
            body += chunk;
            if (body.includes('data: ')) {
              resolve(body);
              request.destroy();
            } else {
              lastServices?.events.publish({ type: 'command', command: 'newDraft' });
            }
          });
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(await received).toContain('data: {"type":"command","command":"newDraft"}');
  });

  it('streams every event of the contract, each as it was published', async () => {
    const target = await start();
    const events = Object.values(sampleEvents);
    const received = new Promise<unknown[]>((resolve, reject) => {
      const request = httpRequest(
        `${target.origin}${EVENTS_PATH}`,
        { headers: { [TOKEN_HEADER]: target.token } },
        (response) => {
          let body = '';
          let published = false;
          response.setEncoding('utf8').on('data', (chunk: string) => {
            body += chunk;
            if (!published) {
              published = true;
              for (const event of events) lastServices?.events.publish(event);
            }
            const messages = body.split('\n\n').filter((message) => message.startsWith('data: '));
            if (messages.length < events.length) return;
            resolve(messages.map((message) => AppEventSchema.parse(JSON.parse(message.slice('data: '.length)))));
            request.destroy();
          });
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(await received).toEqual(events);
  });
});
