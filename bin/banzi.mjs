#!/usr/bin/env node
// The `banzi` command: runs the TypeScript sources through tsx (no separate server build).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
