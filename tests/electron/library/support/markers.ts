/** How many drafts the search crash test's writer edits in turn. */
export const SEARCH_CRASH_DRAFTS = 4;

/** The word that draft number `draft` holds after save number `keystroke`, and after no other save. */
export function marker(draft: number, keystroke: number): string {
  return `d${draft}k${String(keystroke).padStart(6, '0')}`;
}
