// A writer who keeps editing a few drafts, each save replacing the draft's marker word with the
// next, and prints each acknowledged save, until it is killed. Used by the search index's crash test.
import { DraftLibrary } from '../../../../electron/core/library/draftLibrary';
import { emptyDraftContent } from '../../../../shared/model/draft';
import { marker, SEARCH_CRASH_DRAFTS } from './markers';

const [folder, ...known] = process.argv.slice(2);
if (!folder) throw new Error('usage: saveAndIndexForever FOLDER [DRAFT_ID…]');

const library = await DraftLibrary.open({ folder, logError: (message) => process.stderr.write(`${message}\n`) });
// As the app does a moment after open: the index is open, caught up, and takes every pause's saves.
await library.searchReady();
const ids = known.length > 0 ? known : [];
for (let draft = ids.length; draft < SEARCH_CRASH_DRAFTS; draft += 1) {
  ids.push((await library.create({ ...emptyDraftContent(), title: `Draft ${draft}` })).id);
}
const keystrokes = await Promise.all(ids.map(async (id) => Number((await library.get(id)).commentary.slice(-6)) || 0));
let keystroke = Math.max(0, ...keystrokes);
process.stdout.write(`ids ${ids.join(' ')}\n`);
for (;;) {
  keystroke += 1;
  const draft = keystroke % SEARCH_CRASH_DRAFTS;
  const content = { ...emptyDraftContent(), title: `Draft ${draft}`, commentary: `Notes ${marker(draft, keystroke)}` };
  await library.save(ids[draft] ?? '', content);
  process.stdout.write(`ack ${draft} ${keystroke}\n`);
  // Now and then a pause long enough for the index to take the saves, so that kills land in every phase.
  if (keystroke % 7 === 0) await new Promise((resolve) => setTimeout(resolve, 300));
}
