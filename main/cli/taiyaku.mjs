#!/usr/bin/env node
// The `taiyaku` command (package.json `bin`, so `npx taiyaku …` works in the project folder). The command line runs
// from its TypeScript sources: register tsx's loader, then start main.ts as `npm run cli` does.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
