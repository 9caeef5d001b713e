import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const extractWorker = resolve('src/main/core/capture/extract/worker.ts')

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // The engine runs in a utility process (DESIGN.md §1); engine-fork.ts forks this file.
          engine: resolve('src/main/electron/engine-process.ts'),
          // Extraction runs in worker threads; the pool loads this file next to index.js.
          ...(existsSync(extractWorker) ? { 'extract-worker': extractWorker } : {})
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot load other files or ES modules: one CommonJS bundle.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } }
    },
    plugins: [react()]
  }
})
