/** The attribute that names the elements holding the post's title, body and tags. */
export const SLOT_ATTRIBUTE = 'data-commonplace';

/**
 * The comment before each block of the themed page's body (<!--b-->), so that a patch replaces
 * only the blocks that changed; comments change nothing of how the theme's styles apply.
 */
export const BLOCK_MARK = 'b';

/** A block of the body as the themed page holds it: its mark, then its HTML. */
export function markedBlock(html: string): string {
  return `<!--${BLOCK_MARK}-->${html}`;
}

/**
 * The sandbox of the frame inside the shell that shows the themed page: no scripts at all (the
 * page's policy says `script-src 'none'` too), no forms, no top navigation. Same origin with the
 * shell, which is what lets the shell's script patch the page from outside; that origin is the
 * shell's own, shared with nothing of the app (see THEME_SHELL_PATH in shared/contract.ts).
 * Popups, so that a link the writer clicks (every link opens a new window) is handed to the
 * system browser by the host's window guard.
 */
export const THEMED_PAGE_SANDBOX = 'allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/**
 * The shell's one script. The themed page (the blog's stored page with the draft in it) runs no
 * script, so that a keystroke can patch it in place instead of loading it again (a new document
 * costs 50–200 ms: the theme's styles and fonts are parsed anew; a patch costs a layout), this
 * script, in the shell around it, does the patching from outside.
 *
 * It takes messages from the app only (the shell's parent): a page to show (which it loads into
 * the inner frame, answering once loaded), and patches: the title's text and the blocks of the
 * body that changed (HTML already sanitized by the shared renderer), which it puts in the slots
 * the snapshot marked. It brings what changed into view only when none of it is in view (a scroll
 * the writer made stays), and answers with the patch's number once the frame has painted it. It
 * calls the DOM through the shell's own prototypes, so that an element of the page named after a
 * method (<img name="querySelector">) cannot shadow one.
 */
export const LIVE_FRAME_SCRIPT = `(function(){
var page=document.getElementById('page'),loading=null;
var find=Document.prototype.querySelector,make=Document.prototype.createElement;
var remove=Node.prototype.removeChild,insert=Node.prototype.insertBefore;
var box=Element.prototype.getBoundingClientRect,into=Element.prototype.scrollIntoView;
function answer(type,seq){parent.postMessage({type:type,seq:seq},'*');}
function slot(doc,name){return find.call(doc,'[${SLOT_ATTRIBUTE}="'+name+'"]');}
function marks(body){var out=[];for(var node=body.firstChild;node;node=node.nextSibling)if(node.nodeType===8&&node.data==='${BLOCK_MARK}')out.push(node);return out;}
function reveal(element){if(!element)return;var at=box.call(element);if(at.bottom<0||at.top>page.clientHeight)into.call(element,{block:'nearest'});}
page.addEventListener('load',function(){if(loading===null)return;var seq=loading;loading=null;answer('commonplace-loaded',seq);});
addEventListener('message',function(event){
var message=event.data;
if(event.source!==parent||!message)return;
if(message.type==='commonplace-page'&&typeof message.html==='string'&&typeof message.seq==='number'){loading=message.seq;page.srcdoc=message.html;return;}
if(message.type!=='commonplace-patch')return;
var doc=page.contentDocument;if(!doc)return;
var title=slot(doc,'title'),body=slot(doc,'body'),first=null;
if(title&&typeof message.title==='string'&&title.textContent!==message.title){title.textContent=message.title;first=title;}
if(body&&typeof message.html==='string'){
var all=marks(body),to=all[message.start+message.remove]||null;
for(var node=all[message.start]||null;node&&node!==to;){var next=node.nextSibling;remove.call(body,node);node=next;}
var parsed=make.call(doc,'template');parsed.innerHTML=message.html;
first=parsed.content.firstElementChild||first;insert.call(body,parsed.content,to);}
reveal(first);
requestAnimationFrame(function(){answer('commonplace-shown',message.seq);});
});
})();`;

/**
 * The script's CSP hash (base64 SHA-256 of its text). A constant, so the shell's policy is built
 * without async crypto; tests/shared/liveFrame.test.ts checks it against the script.
 */
export const LIVE_FRAME_SCRIPT_HASH = 'sha256-gQtHoJSeu1DP6rNZGbBUOsZFOS9cAZksLG619sFnmzw=';

/**
 * The shell's policy: its own script by hash and nothing else; nothing fetched. The themed page inside (a srcdoc document) inherits it on top of its own.
 */
export const LIVE_FRAME_CSP = [
  "default-src 'none'",
  `script-src '${LIVE_FRAME_SCRIPT_HASH}'`,
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The shell: the frame that shows the themed page, filling it, and the script that patches it. */
export const LIVE_FRAME_DOCUMENT =
  `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${LIVE_FRAME_CSP}">` +
  '<style>html,body{margin:0;height:100%;overflow:hidden}#page{display:block;border:0;width:100%;height:100%}</style>' +
  `</head><body><iframe id="page" title="The post in the blog's theme" sandbox="${THEMED_PAGE_SANDBOX}" referrerpolicy="no-referrer"></iframe>` +
  `<script>${LIVE_FRAME_SCRIPT}</script></body></html>`;

/**
 * The sandbox of the app's frame, which holds the shell: its script runs on the shell's own
 * origin (a different site from the app's, so the browser gives it a process of its own), no
 * forms, no top navigation; popups pass on to the page inside.
 */
export const LIVE_FRAME_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** The headers the shell is served with, by either host. */
export const LIVE_FRAME_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': LIVE_FRAME_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** What the app sends the shell to show another page (another snapshot, other tags). */
export interface LiveFramePage {
  readonly type: 'commonplace-page';
  /** Counts loads and patches alike, so that an answer says which one it is for. */
  readonly seq: number;
  readonly html: string;
}

/**
 * What the app sends the shell for one keystroke: the title, and the body's blocks from `start`
 * on, `remove` of them replaced by `html` (marked blocks: see markedBlock).
 */
export interface LiveFramePatch {
  readonly type: 'commonplace-patch';
  readonly seq: number;
  readonly title: string;
  readonly start: number;
  readonly remove: number;
  readonly html: string;
}
