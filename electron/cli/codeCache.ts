import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * Loads the CLI's compiled chunks (the CommonJS files of `folder`) through V8's code cache, kept
 * in `folder`/code-cache: a command then skips most of the parsing and compiling of its code,
 * about a third of what `drafts show` cost over `node -e ''` (the build empties the folder, so a
 * new build starts without a cache). Node 20 offers no code cache for ES modules, nor
 * `module.enableCompileCache()` (Node 22), hence CommonJS chunks and this loader.
 *
 * A cache is only ever a shortcut. V8 refuses one made by another V8 or with other flags, or
 * damaged, but it compares only the length of the source: so the chunk's size and time are in the
 * cache's name, and a chunk changed since (even to the same length) is compiled from its source.
 * A cache is written when the process exits (it then also holds the functions the command
 * compiled as it ran), whole or not at all (a temp file renamed into place); where the folder is
 * read-only nothing is written and every command compiles as it did without a cache.
 */
export function loadThroughCodeCache(folder: string): void {
  const cacheFolder = path.join(folder, 'code-cache');
  const made: { script: vm.Script; file: string }[] = [];
  // One table serves every require: the chunks' own requires of each other come through here.
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- on Node 20 it is the one way to compile a CommonJS file oneself.
  const extensions = createRequire(path.join(folder, 'main.cjs')).extensions;
  const compileCommonJs = extensions['.js'];
  extensions['.cjs'] = (module, filename) => {
    if (path.dirname(filename) !== folder) {
      compileCommonJs(module, filename);
      return;
    }
    const source = readFileSync(filename, 'utf8');
    const { size, mtimeMs } = statSync(filename);
    const file = path.join(
      cacheFolder,
      `${path.basename(filename)}.${size}-${mtimeMs}.v8-${process.versions.v8}-${process.arch}.cache`,
    );
    const cachedData = readIfThere(file);
    const script = new vm.Script(Module.wrap(source), { filename, ...(cachedData ? { cachedData } : {}) });
    if (!cachedData || script.cachedDataRejected === true) made.push({ script, file });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, folder);
  };
  process.once('exit', () => {
    if (made.length === 0) return;
    let writing: string | undefined;
    try {
      mkdirSync(cacheFolder, { recursive: true });
      for (const { script, file } of made) {
        writing = `${file}.${process.pid}.tmp`;
        writeFileSync(writing, script.createCachedData());
        renameSync(writing, file);
        writing = undefined;
      }
    } catch {
      // A folder the CLI may not write to (a read-only install, a full disk) only means commands
      // compile as before; what a failed write left is removed (the folder exists by then).
      if (writing !== undefined) rmSync(writing, { force: true });
    }
  });
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    // No cache yet (or none readable): the chunk is compiled from its source.
    return undefined;
  }
}
