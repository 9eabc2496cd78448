// A writer who never stops typing: saves the draft as fast as the library acknowledges, and
// prints each acknowledged revision, until it is killed. Used by the crash test.
import { DraftLibrary } from '../../../../electron/core/library/draftLibrary';
import { reblogPost } from '../../../support/fixtures';

const [folder, existingId] = process.argv.slice(2);
if (!folder) throw new Error('usage: saveForever FOLDER [DRAFT_ID]');

const library = await DraftLibrary.open({ folder, logError: (message) => process.stderr.write(`${message}\n`) });
const id = existingId ?? (await library.create(reblogPost())).id;
let keystroke = Number((await library.get(id)).title.split(' ').at(-1)) || 0;
process.stdout.write(`id ${id}\n`);
for (;;) {
  keystroke += 1;
  const content = {
    ...reblogPost(),
    title: `Keystroke ${keystroke}`,
    commentary: `Written ${keystroke} times. `.repeat(200),
  };
  const saved = await library.save(id, content);
  process.stdout.write(`ack ${saved.revision} ${keystroke}\n`);
}
