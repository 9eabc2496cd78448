#!/usr/bin/env node
'use strict';
// The CLI runs as JavaScript compiled into out/cli by the build (`npm install` runs it), so no
// TypeScript compiler runs at start; each command's module is loaded only when that command runs,
// through V8's code cache (out/cli/codeCache.cjs says why and how). This file is CommonJS, as the
// chunks are: an ES module entry would start Node's ES module loader too (~5 ms of every command).
const { existsSync } = require('node:fs');
const path = require('node:path');

const built = path.join(__dirname, '..', '..', 'out', 'cli');
if (!existsSync(path.join(built, 'main.cjs'))) {
  process.stderr.write('commonplace: the CLI is not built: run "npm run build" (npm install runs it too).\n');
  process.exit(1);
}
require(path.join(built, 'codeCache.cjs')).loadThroughCodeCache(built);
require(path.join(built, 'main.cjs'));
