import { Parser } from 'htmlparser2';

const activeElements = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'svg',
  'math',
  'base',
  'meta',
  'link',
  'form',
]);
const urlAttributes = new Set([
  'href',
  'src',
  'cite',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'background',
  'poster',
  'srcdoc',
]);

/**
 * Everything in the HTML that could run or load code when a browser shows it: script-capable
 * elements, event handler attributes, and URLs in javascript:, vbscript: or data: (read the way a
 * browser reads them: entities decoded, control characters and spaces ignored). Empty when inert.
 */
export function activeContent(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (activeElements.has(name)) found.push(`<${name}> element`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute.startsWith('on')) found.push(`${attribute} attribute on <${name}>`);
          // eslint-disable-next-line no-control-regex -- browsers skip control characters in URLs, so must we.
          const scheme = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (urlAttributes.has(attribute) && /^(javascript|vbscript|data):/.test(scheme)) {
            found.push(`${attribute}="${value}" on <${name}>`);
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return found;
}

/** Markdown syntax that would become active HTML: raw tags, handlers in tags, unsafe link targets. */
export function activeMarkdown(markdown: string): string[] {
  const patterns: [string, RegExp][] = [
    ['a <script> tag', /<script/i],
    ['a <style> tag', /<style/i],
    ['an event handler in a tag', /<[a-z!/?][^>]*\son[a-z]+\s*=/i],
    [
      'a javascript:, vbscript: or data: link',
      /(?<!\\)\]\(\s*<?\s*(javascript|vbscript|data):|<(javascript|vbscript|data):/i,
    ],
  ];
  return patterns.filter(([, pattern]) => pattern.test(markdown)).map(([what]) => what);
}
