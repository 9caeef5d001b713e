// `node --import ./register.mjs out/main/index.js`: runs the built main bundle with the stand-in
// `electron` module of electron.mjs, since no Electron binary can run here.
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url)
