import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
    for (const name of ['deleteEverything', 'toString', '__proto__', 42, null]) {
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
        expect(result.error.message).toMatch(new RegExp(`^${name}: `));
      }
    }
    expect(await draftFiles()).toEqual([]);
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

  it('answers a valid call with its value', async () => {
    const { handlers } = await services();
    const created = await dispatch(handlers, 'createDraft', { content: reblogPost() }, options);
    expect(created).toMatchObject({ ok: true, value: { title: reblogPost().title, revision: 1 } });
  });
});
