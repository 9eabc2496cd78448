import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A clipboard payload from tests/fixtures/clipboard, as the CLI would read it from a file. */
export function clipboardFixture(name: string): unknown {
  const file = fileURLToPath(new URL(`../../fixtures/clipboard/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

/** The "HTML Format" content of a CF_HTML fixture. */
export function windowsHtmlOf(name: string): string {
  const payload = clipboardFixture(name) as { formats: Record<string, string | undefined> };
  const text = payload.formats['HTML Format'];
  if (text === undefined) throw new Error(`${name} has no "HTML Format"`);
  return text;
}
