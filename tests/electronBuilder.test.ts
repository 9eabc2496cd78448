import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

// electron-builder cannot build here (it downloads Electron and its tools), so its configuration
// is checked as data: the targets, the protocol, and a files list that ships build output only.
const ConfigSchema = z.looseObject({
  appId: z.string(),
  productName: z.string(),
  asar: z.literal(true),
  asarUnpack: z.array(z.string()),
  files: z.array(z.string()),
  electronFuses: z.record(z.string(), z.boolean()),
  protocols: z.array(z.looseObject({ schemes: z.array(z.string()) })),
  fileAssociations: z.array(z.looseObject({ ext: z.union([z.string(), z.array(z.string())]), mimeType: z.string() })),
  linux: z.looseObject({ target: z.array(z.string()), icon: z.string() }),
  mac: z.looseObject({ target: z.array(z.string()), icon: z.string() }),
  win: z.looseObject({ target: z.array(z.string()), icon: z.string() }),
});

const root = new URL('../', import.meta.url);
const configText = readFileSync(new URL('electron-builder.yml', root), 'utf8');
const config = ConfigSchema.parse(parse(configText));
const packageJson = z
  .looseObject({
    main: z.string(),
    productName: z.string(),
    dependencies: z.record(z.string(), z.string()),
    devDependencies: z.record(z.string(), z.string()),
  })
  .parse(JSON.parse(readFileSync(new URL('package.json', root), 'utf8')));

/** Width and height from a PNG's header, or null when the file is not a PNG. */
function pngSize(file: URL): { width: number; height: number } | null {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the installer configuration', () => {
  it('is one electron-builder itself accepts', async () => {
    // electron-builder's own schema check, from the library it runs on (found beside it, however
    // npm lays out node_modules); it rejects unknown or mistyped options.
    const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
    const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (configuration: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(parse(configText), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...(parse(configText) as object), asarr: true }, new DebugLogger(false)),
    ).rejects.toThrow(/unknown property 'asarr'/);
  });

  it('builds AppImage and deb, dmg, and nsis', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toContain('dmg');
    expect(config.win.target).toContain('nsis');
  });

  it('names the app and registers commonplace:// and .md files', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe(packageJson.productName);
    expect(config.protocols.flatMap((protocol) => protocol.schemes)).toEqual(['commonplace']);
    const markdown = config.fileAssociations.find((association) => [association.ext].flat().includes('md'));
    expect(markdown?.mimeType).toBe('text/markdown');
  });

  it('gives every platform an icon: a square PNG of at least 512 pixels, in the build resources', () => {
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) {
      expect(icon.startsWith('build/')).toBe(true);
      const file = new URL(icon, root);
      expect(existsSync(fileURLToPath(file)), icon).toBe(true);
      const size = pngSize(file);
      expect(size, `${icon} is a PNG`).not.toBeNull();
      expect(size?.width).toBe(size?.height);
      expect(size?.width).toBeGreaterThanOrEqual(512);
    }
  });

  it('ships only build output in an asar: no sources, tests, configs or dev dependencies', () => {
    const included = config.files.filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['out/**/*', 'package.json']);
    expect(config.files).toContain('!**/*.map');
    // The CLI runs from the repository with Node; the installed app has no use for it.
    expect(config.files).toContain('!out/cli/**');
    expect(config.asar).toBe(true);
    // Only the native image library is unpacked beside the archive, nothing of the app's own code.
    expect(config.asarUnpack).toEqual(['**/node_modules/sharp/**/*', '**/node_modules/@img/**/*']);
    expect(packageJson.main.startsWith('out/')).toBe(true);
    // electron-builder adds the production dependencies; the build tools must not be among them.
    for (const tool of [
      'electron',
      'electron-builder',
      'electron-vite',
      'vite',
      'vitest',
      'typescript',
      'eslint',
      'tsx',
    ]) {
      expect(Object.keys(packageJson.dependencies), tool).not.toContain(tool);
      expect(Object.keys(packageJson.devDependencies), tool).toContain(tool);
    }
  });

  it('ships no TypeScript compiler: tsx and esbuild are development packages only, however they come in', () => {
    // The lock marks every package that only development needs; the rest is what an install ships.
    const lock = z
      .looseObject({ packages: z.record(z.string(), z.looseObject({ dev: z.boolean().optional() })) })
      .parse(JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')));
    const compilers = Object.entries(lock.packages).filter(([location]) =>
      /(^|\/)node_modules\/(tsx|esbuild|typescript|@esbuild\/[^/]+)$/.test(location),
    );
    expect(compilers.map(([location]) => location)).toContain('node_modules/tsx');
    for (const [location, entry] of compilers) expect(entry.dev, location).toBe(true);
  });

  it('flips the fuses that would let the installed app run as Node or load code from outside its archive', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

const BUILT_MAIN = new URL('out/main/index.js', root);
const BUILT_PRELOAD = new URL('out/preload/index.cjs', root);

/** The modules a built bundle loads at run time: ESM imports and CommonJS requires. */
function modulesLoadedBy(bundle: URL): string[] {
  if (!existsSync(bundle)) throw new Error(`${fileURLToPath(bundle)} is missing: run "npm run build" first.`);
  const code = readFileSync(bundle, 'utf8');
  const found = code.matchAll(/\bfrom\s*"([^"]+)"|\bimport\s*\(?\s*"([^"]+)"|\brequire\(\s*"([^"]+)"\s*\)/g);
  return [...new Set([...found].map((match) => match[1] ?? match[2] ?? match[3] ?? ''))].sort();
}

/** "lowdb/node" → "lowdb", "@scope/name/sub" → "@scope/name". */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

describe('the bundles the installer ships', () => {
  it('main loads only Node, Electron and production dependencies, which electron-builder packs beside it', () => {
    // Main and the chunks it loads when needed (taking a theme snapshot).
    const chunks = new URL('out/main/chunks/', root);
    const chunkFiles = existsSync(chunks) ? readdirSync(chunks).filter((name) => name.endsWith('.js')) : [];
    const loaded = [BUILT_MAIN, ...chunkFiles.map((name) => new URL(name, chunks))]
      .flatMap(modulesLoadedBy)
      .filter((specifier) => !specifier.startsWith('.'));
    expect(loaded).toContain('electron');
    const packages = loaded.filter((specifier) => !specifier.startsWith('node:') && specifier !== 'electron');
    expect(packages.length).toBeGreaterThan(0);
    for (const specifier of packages) {
      expect(Object.keys(packageJson.dependencies), `out/main loads ${specifier}`).toContain(packageOf(specifier));
    }
  });

  it('the preload loads nothing but electron: a sandboxed preload cannot require anything else', () => {
    expect(modulesLoadedBy(BUILT_PRELOAD)).toEqual(['electron']);
  });

  it('the renderer’s libraries are bundled into it, so they are not shipped again as dependencies', () => {
    for (const rendererOnly of ['react', 'react-dom', '@codemirror/view', '@dnd-kit/core', '@tanstack/react-virtual']) {
      expect(Object.keys(packageJson.dependencies), rendererOnly).not.toContain(rendererOnly);
      expect(Object.keys(packageJson.devDependencies), rendererOnly).toContain(rendererOnly);
    }
  });
});
