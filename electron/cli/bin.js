#!/usr/bin/env node
// The CLI runs as JavaScript compiled into out/cli by the build (`npm install` runs it), so no
// TypeScript compiler runs at start; each command's module is loaded only when that command runs,
// through V8's code cache (out/cli/codeCache.cjs says why and how).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../../out/cli/', import.meta.url));
const require = createRequire(built);
if (!existsSync(`${built}main.cjs`)) {
  process.stderr.write('commonplace: the CLI is not built: run "npm run build" (npm install runs it too).\n');
  process.exit(1);
}
require('./codeCache.cjs').loadThroughCodeCache(built.replace(/[\\/]$/, ''));
require('./main.cjs');
