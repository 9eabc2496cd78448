import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// One build for the three pieces: main (ESM, dependencies loaded from node_modules), the preload
// (one CommonJS file with everything bundled, as Electron's sandbox requires) and the renderer,
// which the Electron host and the browser dev host both serve from out/renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: resolve('electron/main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: resolve('electron/preload/index.ts'),
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves every bundle unminified; the window parses the renderer's at each launch.
      minify: true,
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});
