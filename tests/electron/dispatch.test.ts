import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatch } from '../../electron/core/dispatch';
import { openServices } from '../../electron/core/services';
import { AppError } from '../../shared/result';
import type { Handlers } from '../../shared/contract';
import { reblogPost } from '../support/fixtures';
import { useTempFolders } from '../support/tempFolder';

const newFolder = useTempFolders();
const logged: string[] = [];
const options = { logError: (message: string) => logged.push(message) };

async function services() {
  return openServices({
    dataFolder: await newFolder(),
    access: { mode: 'write', program: { kind: 'app' } },
    logError: options.logError,
  });
}

describe('dispatch: every call is distrusted', () => {
  it('refuses an unknown call name with a typed error', async () => {
    const { handlers } = await services();
    for (const name of ['deleteEverything', 'toString', 'constructor', 'hasOwnProperty', '__proto__', 42, null]) {
      const result = await dispatch(handlers, name, {}, options);
      expect(result).toMatchObject({ ok: false, error: { kind: 'unknown-call' } });
    }
  });

  it('refuses bad payloads with a message, and writes nothing', async () => {
    const { handlers, library } = await services();
    const draftFiles = () => readdir(path.join(library.folder, 'drafts'));
    const bad: [string, unknown][] = [
      ['getDraft', { id: '../../etc/passwd' }],
      ['getDraft', { id: 'short' }],
      ['getDraft', undefined],
      ['getDraft', 'a string'],
      ['listDrafts', { includeTrashed: 'yes' }],
      ['createDraft', { content: { title: 42, commentary: '', quotes: [], hashtags: [] } }],
      ['createDraft', { content: { ...reblogPost(), unexpected: true } }],
      ['createDraft', { content: { ...reblogPost(), title: 'x'.repeat(1_001) } }],
      ['createDraft', { content: { ...reblogPost(), hashtags: ['ISIS', 'isis'] } }],
      ['createDraft', { content: { ...reblogPost(), hashtags: ['#ISIS'] } }],
      ['saveDraft', { id: 'aaaaaaaa', changes: null }],
    ];
    for (const [index, [name, input]] of bad.entries()) {
      const result = await dispatch(handlers, name, input, options);
      expect(result.ok, `bad payload #${index} for ${name}`).toBe(false);
      if (!result.ok) {
        expect(result.error.kind).toBe('invalid-input');
        // Words a writer can read: never zod's markers or its JSON-speak.
        expect(result.error.message).toMatch(/^[A-Z].*\.\)?$/);
        expect(result.error.message).not.toMatch(/✖|→|expected |Invalid input|Too big|Too small|"code"/);
      }
    }
    expect(await draftFiles()).toEqual([]);
  });

  it('names the field and its limit in words (a 2,000-character title once read "✖ Too big … → at content.title")', async () => {
    const { handlers } = await services();
    const changes = { title: 'x'.repeat(2_000) };
    expect(await dispatch(handlers, 'saveDraft', { id: 'aaaaaaaa', changes }, options)).toEqual({
      ok: false,
      error: { kind: 'invalid-input', message: 'The title is longer than 1,000 characters.' },
    });
    const quotes = [
      { ...reblogPost().quotes[0], source: { ...reblogPost().quotes[0]?.source, url: 'javascript:alert(1)' } },
    ];
    expect(await dispatch(handlers, 'createDraft', { content: { ...reblogPost(), quotes } }, options)).toMatchObject({
      ok: false,
      error: { message: 'The source address of quote 1 is not a web address (http:// or https://).' },
    });
  });

  it('tells in words when a handler builds a value its own schema refuses', async () => {
    const { handlers } = await services();
    const failing: Handlers = {
      ...handlers,
      listDrafts: () => Promise.reject(z.string().max(3).safeParse('four').error ?? new Error('parsed')),
    };
    const result = await dispatch(failing, 'listDrafts', {}, options);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'That could not be done: The request is longer than 3 characters.' },
    });
  });

  it('turns a handler’s AppError into a failed result and anything else into an internal one', async () => {
    const { handlers } = await services();
    const failing: Handlers = {
      ...handlers,
      getDraft: () => Promise.reject(new AppError('not-found', 'No such draft.')),
      listDrafts: () => Promise.reject(new TypeError('boom')),
    };
    expect(await dispatch(failing, 'getDraft', { id: 'aaaaaaaa' }, options)).toEqual({
      ok: false,
      error: { kind: 'not-found', message: 'No such draft.' },
    });
    const internal = await dispatch(failing, 'listDrafts', {}, options);
    expect(internal).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(logged).toContain('listDrafts failed unexpectedly');
  });

  it('refuses to publish a draft in the trash, whatever the page shows', async () => {
    const { handlers, outbox } = await services();
    const created = await dispatch(handlers, 'createDraft', { content: reblogPost() }, options);
    const id = created.ok ? (created.value as { id: string }).id : '';
    await dispatch(handlers, 'trashDraft', { id }, options);
    const schedule = { status: 'publish' };
    expect(
      await dispatch(handlers, 'publishDraft', { draftId: id, accountIds: ['account-1'], schedule }, options),
    ).toEqual({
      ok: false,
      error: {
        kind: 'conflict',
        message: `“${reblogPost().title}” is in the trash, so it cannot be published; restore it first.`,
      },
    });
    expect(outbox.list()).toEqual([]);
  });

  it('answers a valid call with its value', async () => {
    const { handlers } = await services();
    const created = await dispatch(handlers, 'createDraft', { content: reblogPost() }, options);
    expect(created).toMatchObject({ ok: true, value: { title: reblogPost().title, revision: 1 } });
  });
});
