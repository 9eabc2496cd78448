import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

// electron-builder cannot run here (it downloads Electron and its tools), so its configuration
// is checked as data: the targets, the protocol, and a files list that ships build output only.
const ConfigSchema = z.looseObject({
  appId: z.string(),
  productName: z.string(),
  asar: z.literal(true),
  files: z.array(z.string()),
  protocols: z.array(z.looseObject({ schemes: z.array(z.string()) })),
  fileAssociations: z.array(z.looseObject({ ext: z.string() })),
  linux: z.looseObject({ target: z.array(z.string()) }),
  mac: z.looseObject({ target: z.array(z.string()) }),
  win: z.looseObject({ target: z.array(z.string()) }),
});

const config = ConfigSchema.parse(parse(readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8')));
const packageJson = z
  .looseObject({ main: z.string(), productName: z.string() })
  .parse(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')));

describe('the installer configuration', () => {
  it('builds AppImage and deb, dmg, and nsis', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toContain('dmg');
    expect(config.win.target).toContain('nsis');
  });

  it('names the app and registers commonplace:// and .md files', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe(packageJson.productName);
    expect(config.protocols.flatMap((protocol) => protocol.schemes)).toContain('commonplace');
    expect(config.fileAssociations.map((association) => association.ext)).toContain('md');
  });

  it('ships only build output: no sources, tests or configs', () => {
    const included = config.files.filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['out/**/*', 'package.json']);
    expect(packageJson.main.startsWith('out/')).toBe(true);
  });
});
