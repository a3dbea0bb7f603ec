#!/usr/bin/env node
// The approdo command: runs the compiled CLI (npm run build makes it; npm start builds too).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('Approdo is not built yet: run `npm run build` (or `npm start`) first.');
  process.exit(1);
}
await import(cli.href);
