import { parse as parseToml, TomlError } from 'smol-toml';
import { parse as parseYaml, stringify as stringifyYaml, YAMLParseError } from 'yaml';
import { AppError } from '../../../shared/result';

/** A text file's front matter (its fields) and the body after it. */
export interface FrontMatterFile {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly body: string;
}

const yamlBlock = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const tomlBlock = /^\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n?\+\+\+[ \t]*(?:\r?\n|$)/;

/**
 * Splits a file into front matter and body: YAML between "---" lines (Jekyll, Hugo, Eleventy,
 * Obsidian) or TOML between "+++" lines (Hugo). A file without front matter is all body. YAML
 * aliases are bounded (a "billion laughs" file is refused) and duplicate keys are refused.
 * Throws AppError('invalid-input') naming what is wrong.
 */
export function parseFrontMatter(text: string, name: string): FrontMatterFile {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const yaml = yamlBlock.exec(source);
  if (yaml) return { fields: mapping(readYaml(yaml[1] ?? '', name), name), body: source.slice(yaml[0].length) };
  const toml = tomlBlock.exec(source);
  if (toml) return { fields: mapping(readToml(toml[1] ?? '', name), name), body: source.slice(toml[0].length) };
  return { fields: {}, body: source };
}

/**
 * A file with YAML front matter: "---", the fields, "---", then the body. Written as YAML 1.1
 * reads it too (Jekyll's Ruby and other generators read 1.1, where an unquoted `yes` or a date
 * is not a string): such strings come out quoted, so every reader gets the same text.
 */
export function writeFrontMatter(fields: Readonly<Record<string, unknown>>, body: string): string {
  const yaml = stringifyYaml(fields, { lineWidth: 0, aliasDuplicateObjects: false, version: '1.1' });
  return `---\n${yaml}---\n${body}`;
}

function readYaml(text: string, name: string): unknown {
  try {
    return parseYaml(text, { maxAliasCount: 50, uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    if (error instanceof YAMLParseError || (error instanceof Error && /alias/i.test(error.message))) {
      throw new AppError(
        'invalid-input',
        `${name}: its front matter is not valid YAML (${firstLine(error.message)}).`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}

function readToml(text: string, name: string): unknown {
  try {
    return parseToml(text);
  } catch (error) {
    if (error instanceof TomlError) {
      throw new AppError(
        'invalid-input',
        `${name}: its front matter is not valid TOML (${firstLine(error.message)}).`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}

function mapping(value: unknown, name: string): Readonly<Record<string, unknown>> {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new AppError('invalid-input', `${name}: its front matter is not a list of fields (name: value).`);
  }
  return value as Record<string, unknown>;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}
