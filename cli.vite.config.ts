import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The CLI (and the dev host it serves) for Node: dependencies stay in node_modules, each command's
// module becomes a chunk of its own that is loaded only when that command runs. Everything lands
// flat in out/cli, so a module finds the built renderer at ../renderer wherever it ends up.
export default defineConfig({
  // zod is spread over a hundred files (every locale among them): bundled, only what the schemas
  // use is loaded, once, which saves a command about 30 ms of its start. commander and lowdb load
  // for every draft command: bundled, they go through the code cache with the chunks.
  // The others are packages whose default export a CommonJS chunk would get wrong: their require()
  // answers an object that holds it (ES modules required, builds flagged __esModule), where the
  // bundler follows Node and takes the whole object (compiledCli.test.ts checks every package the
  // chunks take a default from).
  ssr: {
    noExternal: [
      'zod',
      'commander',
      'lowdb',
      '@sindresorhus/slugify',
      '@sindresorhus/transliterate',
      'escape-string-regexp',
      'dom-serializer',
      'domelementtype',
      'domhandler',
      'entities',
      'fast-xml-builder',
      'path-expression-matcher',
      'xml-naming',
    ],
  },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/cli',
    emptyOutDir: true,
    minify: false,
    // Maps name each chunk's sources: tests read them to check what a command loads.
    sourcemap: true,
    reportCompressedSize: false,
    rolldownOptions: {
      input: { main: resolve('electron/cli/main.ts'), codeCache: resolve('electron/cli/codeCache.ts') },
      // CommonJS, so that electron/cli/bin.cjs can load the chunks through V8's code cache
      // (codeCache.ts); external packages' dynamic imports become requires too, since code run
      // through node:vm cannot import() on Node 20.
      output: {
        format: 'cjs',
        entryFileNames: '[name].cjs',
        chunkFileNames: '[name]-[hash].cjs',
        dynamicImportInCjs: false,
      },
    },
  },
});
