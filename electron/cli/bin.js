#!/usr/bin/env node
// The CLI runs as JavaScript compiled into out/cli by the build (`npm install` runs it), so no
// TypeScript compiler runs at start; each command's module is loaded only when that command runs.
import { existsSync } from 'node:fs';

const built = new URL('../../out/cli/main.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('commonplace: the CLI is not built: run "npm run build" (npm install runs it too).\n');
  process.exit(1);
}
await import(built.href);
