#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx commonplace` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
