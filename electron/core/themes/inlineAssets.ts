import { defaultTreeAdapter, html as htmlSpec } from 'parse5';
import {
  attribute,
  elements,
  firstElement,
  removeAttribute,
  removeNode,
  setAttribute,
  setText,
  textOf,
  type Element,
  type ParentNode,
} from './dom';
import type { AssetLoader } from './assetLoader';
import { rewriteCss, styleElementText } from './cssRewrite';

const { NS } = htmlSpec;

/** Where the page's relative addresses point: its <base href> when it has a web one, else its own address. */
export function baseUrlOf(root: ParentNode, pageUrl: string): string {
  const base = firstElement(root, 'base');
  const href = base ? attribute(base, 'href') : null;
  if (href === null) return pageUrl;
  try {
    const url = new URL(href, pageUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : pageUrl;
  } catch {
    return pageUrl;
  }
}

/**
 * Replaces each <link rel=stylesheet> with a <style> holding the sheet's text (under its media
 * query), in place, so the cascade keeps its order. Returns where each sheet came from, which
 * its relative addresses resolve against.
 */
export async function linkedSheetsToStyles(
  root: ParentNode,
  base: string,
  assets: AssetLoader,
): Promise<Map<Element, string>> {
  const origins = new Map<Element, string>();
  const links = [...elements(root)].filter(
    (element) =>
      element.tagName === 'link' &&
      element.namespaceURI === NS.HTML &&
      /(^|\s)stylesheet(\s|$)/i.test(attribute(element, 'rel') ?? '') &&
      !/(^|\s)alternate(\s|$)/i.test(attribute(element, 'rel') ?? ''),
  );
  await Promise.all(
    links.map(async (link) => {
      const href = attribute(link, 'href');
      const url = href === null ? null : webUrl(href, base);
      const text = url === null ? null : await assets.stylesheet(url);
      if (url === null || text === null || !link.parentNode) {
        removeNode(link);
        return;
      }
      const media = attribute(link, 'media')?.trim() ?? '';
      const style = defaultTreeAdapter.createElement('style', NS.HTML, []);
      setText(style, media === '' || media.toLowerCase() === 'all' ? text : `@media ${media}{${text}}`);
      defaultTreeAdapter.insertBefore(link.parentNode, style, link);
      removeNode(link);
      origins.set(style, url);
    }),
  );
  return origins;
}

/**
 * After sanitizing: every style element and attribute made self-contained (rewriteCss), and
 * every image's address replaced by its data: copy, or removed when it is not kept (the image
 * keeps its size and alt text; nothing is fetched later).
 */
export async function inlineAssets(
  root: ParentNode,
  base: string,
  sheetOrigins: ReadonlyMap<Element, string>,
  assets: AssetLoader,
): Promise<void> {
  const work: Promise<void>[] = [];
  for (const element of elements(root)) {
    if (element.tagName === 'style' && element.namespaceURI === NS.HTML) {
      work.push(
        rewriteCss(textOf(element), sheetOrigins.get(element) ?? base, assets).then((css) =>
          setText(element, styleElementText(css)),
        ),
      );
    }
    const style = attribute(element, 'style');
    if (style !== null) {
      work.push(rewriteCss(style, base, assets, 'declarationList').then((css) => setAttribute(element, 'style', css)));
    }
    if (element.tagName === 'img' && element.namespaceURI === NS.HTML) work.push(inlineImage(element, base, assets));
  }
  await Promise.all(work);
}

async function inlineImage(image: Element, base: string, assets: AssetLoader): Promise<void> {
  const src = attribute(image, 'src');
  const url = src === null ? null : src.trim().startsWith('data:') ? src.trim() : webUrl(src, base);
  const inlined = url === null ? null : await assets.dataUrl(url, 'image');
  if (inlined === null) removeAttribute(image, 'src');
  else setAttribute(image, 'src', inlined);
}

function webUrl(reference: string, base: string): string | null {
  try {
    const url = new URL(reference.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
