import { generate, parse, walk, type CssNode, type List, type ListItem, type WalkContext } from 'css-tree';
import type { AssetLoader } from './assetLoader';

/** What a stylesheet or a style attribute is in the page. */
export type CssContext = 'stylesheet' | 'declarationList';

/** An address that loads nothing: what every reference not kept becomes. */
const NOTHING = 'data:,';
const MAX_IMPORT_DEPTH = 4;
/** What an @import becomes while its sheet is fetched, and, when it could not be, is removed. */
const DROPPED_RULE = 'commonplace-dropped-rule';
/** Text a parser could not read may still name an address: such a piece is dropped whole. */
const mentionsAddress = /url\s*\(|image-set|\bsrc\s*\(|@import/i;

interface Pending {
  readonly url: string;
  readonly kind: 'font' | 'image';
  readonly node: { value: string };
}

interface PendingImport {
  readonly url: string;
  readonly condition: string;
  readonly item: ListItem<CssNode>;
  readonly list: List<CssNode>;
}

/**
 * A theme's CSS made self-contained: @import rules replaced by the sheets they name, fonts and
 * images turned into data: addresses (or into an address that loads nothing when they are not
 * kept), and anything else that could reach the network removed. Relative addresses resolve
 * against `base`, where the sheet came from.
 */
export async function rewriteCss(
  css: string,
  base: string,
  assets: AssetLoader,
  context: CssContext = 'stylesheet',
  depth = 0,
): Promise<string> {
  const ast = parse(css, { context, parseValue: true, parseCustomProperty: false });
  const pending: Pending[] = [];
  const imports: PendingImport[] = [];
  walk(ast, {
    enter(this: WalkContext, node: CssNode, item: ListItem<CssNode> | null, list: List<CssNode> | null) {
      if (node.type === 'Atrule' && /^import$/i.test(node.name)) {
        if (item && list && node.prelude?.type === 'AtrulePrelude' && depth < MAX_IMPORT_DEPTH) {
          const [first, ...rest] = node.prelude.children.toArray();
          const target = first?.type === 'Url' || first?.type === 'String' ? first.value : null;
          const url = target === null ? null : resolve(target, base);
          if (url !== null) imports.push({ url, condition: rest.map((part) => generate(part)).join(' '), item, list });
        }
        node.prelude = null;
        node.name = DROPPED_RULE;
        return this.skip;
      }
      if (node.type === 'Url') {
        const url = resolve(node.value, base);
        const kind = this.atrule?.name.toLowerCase() === 'font-face' ? 'font' : 'image';
        if (url === null) node.value = NOTHING;
        else pending.push({ url, kind, node });
        return undefined;
      }
      if (node.type === 'Function' && /^(-webkit-)?image-set$|^src$/i.test(node.name)) {
        // Addresses as strings, which only these functions load: images in image-set() are
        // dropped rather than inlined, src() is too new to be needed.
        walk(node, { visit: 'String', enter: (text) => (text.value = NOTHING) });
        return undefined;
      }
      if (node.type === 'Raw' && mentionsAddress.test(node.value)) node.value = '';
      return undefined;
    },
  });
  await Promise.all([
    ...pending.map(async (reference) => {
      reference.node.value = (await assets.dataUrl(reference.url, reference.kind)) ?? NOTHING;
    }),
    ...imports.map(async (reference) => {
      const text = await assets.stylesheet(reference.url);
      const inlined = text === null ? '' : await rewriteCss(text, reference.url, assets, 'stylesheet', depth + 1);
      reference.list.replace(
        reference.item,
        reference.list.createItem({ type: 'Raw', value: wrapped(inlined, reference.condition) }),
      );
    }),
  ]);
  return withoutDroppedImports(generate(ast));
}

/** An imported sheet under the media query (or layer) its @import named. */
function wrapped(css: string, condition: string): string {
  const trimmed = condition.trim();
  if (trimmed === '') return css;
  if (/^layer\b/i.test(trimmed)) return `@layer ${/^layer\(([^)]*)\)/i.exec(trimmed)?.[1] ?? ''}{${css}}`;
  if (/^supports\(/i.test(trimmed)) return css;
  return `@media ${trimmed}{${css}}`;
}

/** @import rules that could not be inlined, dropped: they would be fetched otherwise. */
function withoutDroppedImports(css: string): string {
  return css.replaceAll(`@${DROPPED_RULE};`, '').replaceAll(`@${DROPPED_RULE}`, '');
}

/** The absolute http(s) or data: address `reference` names, or null for any other scheme. */
function resolve(reference: string, base: string): string | null {
  const trimmed = reference.trim();
  if (/^data:/i.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * CSS as the content of a <style> element: a `</style` inside would end the element early and
 * turn the rest into markup, so its `<` is written as a CSS escape (the same character to CSS).
 */
export function styleElementText(css: string): string {
  return css.replace(/<(?=\/style)/gi, '\\3c ');
}
