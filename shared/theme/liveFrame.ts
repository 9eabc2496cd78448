/** The attribute that names the elements holding the post's title, body and tags. */
export const SLOT_ATTRIBUTE = 'data-commonplace';

/**
 * The comment before each block of the live frame's body (<!--b-->), so that a patch replaces
 * only the blocks that changed; comments change nothing of how the theme's styles apply.
 */
export const BLOCK_MARK = 'b';

/** A block of the body as the live frame holds it: its mark, then its HTML. */
export function markedBlock(html: string): string {
  return `<!--${BLOCK_MARK}-->${html}`;
}

/**
 * The themed preview's one script, which runs inside its sandboxed frame so that a keystroke
 * patches the page in place instead of loading it again (a new document costs 50–200 ms: the
 * theme's styles and fonts are parsed anew each time; a patch costs a layout).
 *
 * It takes a patch only from the app (the frame's parent): the title's text and the blocks of the
 * body that changed (HTML already sanitized by the shared renderer); it puts them in the slots
 * the snapshot marked, brings what changed into view only when none of it is in view (a scroll
 * the writer made stays), and answers with the patch's number once the frame has painted
 * it. The frame has no same origin, so the script reaches nothing of the app; the document's policy
 * lets this script run by its hash and nothing else (no other inline script, handler or
 * javascript: link). It calls the DOM through the prototypes, so that an element named after a
 * method (<img name="querySelector">) in a blog's page cannot shadow one.
 */
export const LIVE_FRAME_SCRIPT = `(function(){
var find=Document.prototype.querySelector,make=Document.prototype.createElement;
var remove=Node.prototype.removeChild,insert=Node.prototype.insertBefore;
function slot(name){return find.call(document,'[${SLOT_ATTRIBUTE}="'+name+'"]');}
function marks(body){var out=[];for(var node=body.firstChild;node;node=node.nextSibling)if(node.nodeType===8&&node.data==='${BLOCK_MARK}')out.push(node);return out;}
function reveal(element){if(!element)return;var box=element.getBoundingClientRect();if(box.bottom<0||box.top>innerHeight)element.scrollIntoView({block:'nearest'});}
addEventListener('message',function(event){
var patch=event.data;
if(event.source!==parent||!patch||patch.type!=='commonplace-patch')return;
var title=slot('title'),body=slot('body'),first=null;
if(title&&typeof patch.title==='string'&&title.textContent!==patch.title){title.textContent=patch.title;first=title;}
if(body&&typeof patch.html==='string'){
var all=marks(body),to=all[patch.start+patch.remove]||null;
for(var node=all[patch.start]||null;node&&node!==to;){var next=node.nextSibling;remove.call(body,node);node=next;}
var parsed=make.call(document,'template');parsed.innerHTML=patch.html;
first=parsed.content.firstElementChild||first;insert.call(body,parsed.content,to);}
reveal(first);
requestAnimationFrame(function(){parent.postMessage({type:'commonplace-shown',seq:patch.seq},'*');});
});
})();`;

/**
 * The script's CSP hash (base64 SHA-256 of its text). A constant, so the page's policy is built
 * without async crypto; tests/shared/liveFrame.test.ts checks it against the script.
 */
export const LIVE_FRAME_SCRIPT_HASH = 'sha256-KW+sSHCLA7FsmL6eUdkXi23sL2hOB5rH9VyKghWFHBA=';

/**
 * What the app sends the frame for one keystroke: the title, and the body's blocks from `start`
 * on, `remove` of them replaced by `html` (marked blocks: see markedBlock).
 */
export interface LiveFramePatch {
  readonly type: 'commonplace-patch';
  /** Counts patches, so the frame's answer says which one it shows. */
  readonly seq: number;
  readonly title: string;
  readonly start: number;
  readonly remove: number;
  readonly html: string;
}
