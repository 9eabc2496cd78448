import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The CLI (and the dev host it serves) for Node: dependencies stay in node_modules, each command's
// module becomes a chunk of its own that is loaded only when that command runs. Everything lands
// flat in out/cli, so a module finds the built renderer at ../renderer wherever it ends up.
export default defineConfig({
  // zod is spread over a hundred files (every locale among them): bundled, only what the schemas
  // use is loaded, once, which saves a command about 30 ms of its start.
  ssr: { noExternal: ['zod'] },
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
      input: { main: resolve('electron/cli/main.ts') },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
