import { html as htmlSpec, parse } from 'parse5';
import { elements } from '../../../electron/core/themes/dom';

const { NS } = htmlSpec;
const loading = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'link',
  'form',
  'template',
  'video',
  'audio',
  'source',
  'track',
  'portal',
  'fencedframe',
  'area',
  'map',
  'noscript',
  'textarea',
]);
const svgLoading = new Set(['script', 'image', 'feImage', 'foreignObject', 'a', 'animate', 'set', 'style']);

/**
 * Everything in a stored theme page, read as Chromium reads it (parse5, scripting off), that could
 * run, load, submit or navigate: elements, handlers, addresses that are not data: (or web and
 * mail links), and CSS that names any address but a data: one. Empty when the page is inert.
 */
export function inertnessProblems(page: string): string[] {
  const problems: string[] = [];
  const document = parse(page, { scriptingEnabled: false });
  for (const element of elements(document)) {
    const name = element.tagName;
    if (element.namespaceURI === NS.MATHML) problems.push(`<${name}> (MathML)`);
    if (element.namespaceURI === NS.HTML && loading.has(name)) problems.push(`<${name}>`);
    if (element.namespaceURI === NS.SVG && svgLoading.has(name)) problems.push(`<svg ${name}>`);
    if (name === 'meta' && element.attrs.some((each) => each.name !== 'charset'))
      problems.push('<meta> other than charset');
    for (const { name: attribute, value } of element.attrs) {
      if (/^on/i.test(attribute)) problems.push(`${attribute} on <${name}>`);
      if (['srcset', 'ping', 'action', 'formaction', 'poster', 'background', 'data', 'srcdoc'].includes(attribute)) {
        problems.push(`${attribute} on <${name}>`);
      }
      if (attribute === 'src' && !/^data:image\//.test(value))
        problems.push(`src="${value.slice(0, 60)}" on <${name}>`);
      if (/href$/.test(attribute) && !/^(https?:|mailto:|#)/.test(value))
        problems.push(`${attribute}="${value.slice(0, 60)}" on <${name}>`);
      if (attribute === 'style') problems.push(...cssProblems(value, `style on <${name}>`));
      if (attribute === 'http-equiv') problems.push(`http-equiv on <${name}>`);
    }
    if (name === 'style') {
      const text = element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
      problems.push(...cssProblems(text, '<style>'));
    }
    if (name === 'a' && element.namespaceURI === NS.HTML) {
      const href = element.attrs.find((each) => each.name === 'href')?.value ?? '';
      const target = element.attrs.find((each) => each.name === 'target')?.value;
      if (/^https?:|^mailto:/.test(href) && target !== '_blank')
        problems.push(`a web link that opens in the frame: ${href}`);
    }
  }
  const comments = [...page.matchAll(/<!--(.*?)-->/gs)].map((match) => match[1] ?? '');
  for (const comment of comments)
    if (!/^commonplace:(head|title|body|tags)$/.test(comment)) problems.push(`comment ${comment.slice(0, 40)}`);
  return problems;
}

function cssProblems(css: string, where: string): string[] {
  const problems: string[] = [];
  for (const match of css.matchAll(/url\(\s*(['"]?)([^)'"]*)/gi)) {
    if (!/^data:/i.test(match[2] ?? '')) problems.push(`url(${(match[2] ?? '').slice(0, 60)}) in ${where}`);
  }
  if (/@import/i.test(css)) problems.push(`@import in ${where}`);
  for (const match of css.matchAll(/image-set\(([^)]*)\)/gi)) {
    if (/["'](?!data:)[^"']+["']/.test(match[1] ?? '')) problems.push(`image-set address in ${where}`);
  }
  return problems;
}
