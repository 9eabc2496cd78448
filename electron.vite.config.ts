import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// One build for the three pieces: main (ESM, dependencies loaded from node_modules), the preload
// (one CommonJS file with everything bundled, as Electron's sandbox requires) and the renderer,
// which the Electron host and the browser dev host both serve from out/renderer.
// COMMONPLACE_REACT_DEV=1 builds the renderer on React's development build, whose warnings (an
// update loop among them, #12 item 8) the monkey test fails on; never the default, never in CI.
const reactDevelopment = process.env['COMMONPLACE_REACT_DEV'] === '1';

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
    ...(reactDevelopment ? { define: { 'process.env.NODE_ENV': '"development"' } } : {}),
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves every bundle unminified; the window parses the renderer's at each launch.
      minify: !reactDevelopment,
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});
