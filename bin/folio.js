#!/usr/bin/env node
// Runs the CLI from its TypeScript sources through tsx, so `npx folio` works right after
// `npm install` with no build step.
import { register } from 'tsx/esm/api'

register()
await import('../src/main/cli/index.ts')
