import type { CliIo } from './io'

export interface Progress {
  step(label: string, ok: boolean): void
  /** Clears the bar's line so a message can be written; the next step draws it again. */
  clear(): void
  finish(): void
}

/** A one-line progress bar on a terminal (redrawn in place); silent when output is piped. */
export function createProgress(io: CliIo, total: number, verb: string): Progress {
  let done = 0
  let failed = 0
  const width = 24
  const draw = (label: string): void => {
    if (!io.isTTY || total < 2) return
    const filled = Math.round((done / total) * width)
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled)
    const tail = label.length > 50 ? `…${label.slice(-49)}` : label
    process.stderr.write(
      `\r\x1b[2K${verb} ${bar} ${done}/${total}${failed ? ` (${failed} failed)` : ''}  ${tail}`
    )
  }
  return {
    step(label, ok) {
      done += 1
      if (!ok) failed += 1
      draw(label)
    },
    clear() {
      if (io.isTTY && total >= 2) process.stderr.write('\r\x1b[2K')
    },
    finish() {
      if (io.isTTY && total >= 2) process.stderr.write('\r\x1b[2K')
    }
  }
}
