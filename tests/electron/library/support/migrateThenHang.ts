// A process that migrates an older library and stops dead midway: after handing over the
// publishing states of `count` drafts (before the library rewrites the last one), it says so and
// hangs, for the test to SIGKILL it there.
import { DraftLibrary } from '../../../../electron/core/library/draftLibrary';
import { OutboxRecords } from '../../../../electron/core/outbox/outboxRecords';

const [folder, countText] = process.argv.slice(2);
const count = Number(countText);
if (!folder || !Number.isInteger(count)) throw new Error('usage: migrateThenHang FOLDER COUNT');
const logError = (message: string, error: unknown): void => {
  process.stderr.write(`${message}: ${String(error)}\n`);
};
const records = await OutboxRecords.open({
  folder,
  logError,
  now: () => new Date(),
  retentionMs: 7 * 24 * 3600_000,
  readOnly: false,
});
let adopted = 0;
await DraftLibrary.open({
  folder,
  logError,
  adoptLegacy: async (draftId, legacy) => {
    if (legacy.targets !== undefined) await records.adoptLegacyTargets(draftId, legacy.targets);
    adopted += 1;
    if (adopted === count) {
      process.stdout.write(`adopted ${count}\n`);
      await new Promise(() => undefined);
    }
  },
});
process.stdout.write('finished\n');
