import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DraftLibrary } from '../../../electron/core/library/draftLibrary';
import { SEARCH_FILE } from '../../../electron/core/library/wordIndex';
import { useTempFolders } from '../../support/tempFolder';
import { marker, SEARCH_CRASH_DRAFTS } from './support/markers';

const WRITER = fileURLToPath(new URL('./support/saveAndIndexForever.ts', import.meta.url));
const ROUNDS = 12;
const newFolder = useTempFolders();

interface Round {
  readonly ids: string[];
  /** Every acknowledged save of the round, per draft number. */
  readonly acknowledged: Map<number, number[]>;
}

/** Runs the writer until a random moment after its first acknowledged save, then SIGKILLs it. */
function saveThenKill(folder: string, ids: readonly string[], killAfterMs: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, folder, ...ids], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let draftIds: string[] = [...ids];
    const acknowledged = new Map<number, number[]>();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [word, ...rest] = line.split(' ');
      if (word === 'ids') draftIds = rest;
      if (word === 'ack') {
        if (acknowledged.size === 0) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        const [draft, keystroke] = rest.map(Number);
        if (draft === undefined || keystroke === undefined) return;
        acknowledged.set(draft, [...(acknowledged.get(draft) ?? []), keystroke]);
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve({ ids: draftIds, acknowledged });
      else reject(new Error(`the writer stopped by itself: ${stderr}`));
    });
  });
}

/**
 * What search says of each draft after the crash, checked against its document: its current
 * marker finds it (nothing missed), and no marker it held before finds it (nothing it no longer holds).
 */
async function expectSearchMatchesDocuments(library: DraftLibrary, round: Round, label: string): Promise<void> {
  for (let draft = 0; draft < SEARCH_CRASH_DRAFTS; draft += 1) {
    const id = round.ids[draft] ?? '';
    const now = Number((await library.get(id)).commentary.slice(-6));
    const acknowledged = round.acknowledged.get(draft) ?? [];
    expect(now, `${label}: draft ${draft} lost an acknowledged save`).toBeGreaterThanOrEqual(
      Math.max(0, ...acknowledged),
    );
    const found = (await library.list({ search: marker(draft, now) })).map((summary) => summary.id);
    expect(found, `${label}: draft ${draft}'s words now (${marker(draft, now)})`).toEqual([id]);
    for (const before of acknowledged.filter((keystroke) => keystroke !== now)) {
      const stale = (await library.list({ search: marker(draft, before) })).map((summary) => summary.id);
      expect(stale, `${label}: draft ${draft}'s words of save ${before}, which it no longer holds`).toEqual([]);
    }
  }
}

describe('the search index under SIGKILL', () => {
  it(`never finds a draft by words it no longer holds, nor misses one, after a crash during saves (${ROUNDS} rounds)`, async () => {
    const folder = await newFolder();
    let ids: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const result = await saveThenKill(folder, ids, 50 + Math.floor(Math.random() * 900));
      ids = result.ids;
      expect(ids, `round ${round}`).toHaveLength(SEARCH_CRASH_DRAFTS);
      expect(existsSync(path.join(folder, SEARCH_FILE)), `round ${round}: the index is kept beside the library`).toBe(
        true,
      );

      // A reader (a CLI command) first: it writes nothing, so it sees the index as the crash left it.
      const reader = await DraftLibrary.open({ folder, logError: () => undefined, readOnly: true });
      await expectSearchMatchesDocuments(reader, result, `round ${round}, reading`);
      await reader.close();

      const writer = await DraftLibrary.open({ folder, logError: () => undefined });
      await expectSearchMatchesDocuments(writer, result, `round ${round}, reopened`);
      await writer.close();
    }
  }, 180_000);
});
