/** The attribute that names the elements holding the post's title, body and tags. */
export const SLOT_ATTRIBUTE = 'data-commonplace';

/**
 * The themed preview's one script, which runs inside its sandboxed frame so that a keystroke
 * patches the page in place instead of loading it again (a new document costs 50–200 ms: the
 * theme's styles and fonts are parsed anew each time; a patch costs a layout).
 *
 * It takes a patch only from the app (the frame's parent): the title's text and the body's HTML
 * (already sanitized by the shared renderer), and a selector to scroll into view; it puts them in
 * the slots the snapshot marked, brings the selected element into view only when none of it is in
 * view (a scroll the writer made stays), and answers with the patch's number once the frame has painted
 * it. The frame has no same origin, so the script reaches nothing of the app; the document's policy
 * lets this script run by its hash and nothing else (no other inline script, handler or
 * javascript: link). It calls the DOM through the prototypes, so that an element named after a
 * method (<img name="querySelector">) in a blog's page cannot shadow one.
 */
export const LIVE_FRAME_SCRIPT = `(function(){
var find=Document.prototype.querySelector;
function slot(name){return find.call(document,'[${SLOT_ATTRIBUTE}="'+name+'"]');}
addEventListener('message',function(event){
var patch=event.data;
if(event.source!==parent||!patch||patch.type!=='commonplace-patch')return;
var title=slot('title');
if(title&&typeof patch.title==='string')title.textContent=patch.title;
var body=slot('body');
if(body&&typeof patch.body==='string')body.innerHTML=patch.body;
var anchor=typeof patch.anchor==='string'?find.call(document,patch.anchor):null;
if(anchor){var box=anchor.getBoundingClientRect();if(box.bottom<0||box.top>innerHeight)anchor.scrollIntoView({block:'nearest'});}
requestAnimationFrame(function(){parent.postMessage({type:'commonplace-shown',seq:patch.seq},'*');});
});
})();`;

/**
 * The script's CSP hash (base64 SHA-256 of its text). A constant, so the page's policy is built
 * without async crypto; tests/shared/liveFrame.test.ts checks it against the script.
 */
export const LIVE_FRAME_SCRIPT_HASH = 'sha256-4SoYxx3uie5rhDyO85bQm9z58Ve1WnH69CTx4P9yUfA=';

/** What the app sends the frame for one keystroke. */
export interface LiveFramePatch {
  readonly type: 'commonplace-patch';
  /** Counts patches, so the frame's answer says which one it shows. */
  readonly seq: number;
  readonly title: string;
  readonly body: string;
  /** The element to bring into view (the block being written, or the title), or null. */
  readonly anchor: string | null;
}
