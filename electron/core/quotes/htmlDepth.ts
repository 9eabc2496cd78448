import { Parser } from 'htmlparser2';

/**
 * How deeply the HTML's elements nest, measured in one linear pass. Converting a DOM to markdown
 * costs time in proportion to size times depth, so hostile nesting (200,000 <div>s) must be
 * caught before the DOM is built.
 */
export function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  const parser = new Parser(
    {
      onopentag() {
        depth += 1;
        if (depth > deepest) deepest = depth;
      },
      onclosetag() {
        depth = Math.max(0, depth - 1);
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  return deepest;
}
