import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DraftLibrary } from '../../../electron/core/library/draftLibrary';
import { useTempFolders } from '../../support/tempFolder';

const WRITER = fileURLToPath(new URL('./support/saveForever.ts', import.meta.url));
const ROUNDS = 24;
const newFolder = useTempFolders();

interface Round {
  readonly id: string;
  readonly lastAck: { revision: number; keystroke: number } | null;
}

/** Runs the writer until a random moment after its first acknowledged save, then SIGKILLs it. */
function saveThenKill(folder: string, id: string | undefined, killAfterMs: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, folder, ...(id ? [id] : [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let draftId = id ?? '';
    let lastAck: Round['lastAck'] = null;
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [word, first, second] = line.split(' ');
      if (word === 'id' && first) draftId = first;
      if (word === 'ack') {
        if (lastAck === null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        lastAck = { revision: Number(first), keystroke: Number(second) };
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve({ id: draftId, lastAck });
      else reject(new Error(`the writer stopped by itself: ${stderr}`));
    });
  });
}

async function everyFileParses(folder: string): Promise<void> {
  for (const sub of ['drafts', 'revisions', '.']) {
    for (const name of await readdir(path.join(folder, sub))) {
      if (!name.endsWith('.json')) continue;
      const text = await readFile(path.join(folder, sub, name), 'utf8');
      expect(() => JSON.parse(text) as unknown, `${sub}/${name}`).not.toThrow();
    }
  }
}

describe('durability under SIGKILL', () => {
  it(`loses no acknowledged save when killed at random moments (${ROUNDS} rounds)`, async () => {
    const folder = await newFolder();
    let id: string | undefined;
    const report: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const killAfterMs = Math.floor(Math.random() * 150);
      const { id: draftId, lastAck } = await saveThenKill(folder, id, killAfterMs);
      id = draftId;
      expect(lastAck, `round ${round}: the writer acknowledged nothing`).not.toBeNull();
      if (!lastAck) return;

      const library = await DraftLibrary.open({ folder, logError: () => undefined });
      const draft = await library.get(draftId);
      expect(draft.revision, `round ${round}`).toBeGreaterThanOrEqual(lastAck.revision);
      expect(Number(draft.title.split(' ').at(-1)), `round ${round}`).toBeGreaterThanOrEqual(lastAck.keystroke);
      expect(library.notices(), `round ${round}`).toEqual([]);
      await library.close();
      await everyFileParses(folder);
      report.push(`${lastAck.revision}→${draft.revision}`);
    }
    console.log(`crash rounds (last acknowledged → on disk): ${report.join(' ')}`);
  }, 120_000);
});
