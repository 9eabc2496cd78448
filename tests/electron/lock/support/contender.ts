// Another process that wants the library: takes its lock, prints what happened as one JSON line,
// and holds the lock until it is killed. Used by the library lock tests.
//   contender.ts FOLDER PROGRAM_JSON [--go-on-stdin] [--exit-after MS]
// --go-on-stdin: waits for a line on stdin before trying, so that many can start at one moment.
// --exit-after: exits that long after taking the lock, without releasing it (the exit hook must).
import { createInterface } from 'node:readline';
import { acquireLibraryLock } from '../../../../electron/core/lock/libraryLock';
import { LockProgramSchema } from '../../../../electron/core/lock/lockRecord';

const [folder, programJson, ...flags] = process.argv.slice(2);
if (!folder || !programJson) throw new Error('usage: contender FOLDER PROGRAM_JSON [--go-on-stdin] [--exit-after MS]');
const program = LockProgramSchema.parse(JSON.parse(programJson));
const exitAfter = flags.includes('--exit-after') ? Number(flags[flags.indexOf('--exit-after') + 1]) : null;

if (flags.includes('--go-on-stdin')) {
  process.stdout.write('ready\n');
  await new Promise((resolve) => createInterface({ input: process.stdin }).once('line', resolve));
}
const outcome = await acquireLibraryLock({ folder, program, patienceMs: 0 });
process.stdout.write(`${JSON.stringify(outcome.ok ? { held: true } : { refused: outcome.refusal })}\n`);
if (outcome.ok) {
  if (exitAfter === null) setInterval(() => undefined, 60_000);
  else setTimeout(() => process.exit(0), exitAfter);
}
