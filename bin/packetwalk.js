#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npm ci` is all the set-up it needs.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The app's settings for the app's files: its JSX is React's automatic runtime, which `render` draws with.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.app.json', import.meta.url)) });
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
