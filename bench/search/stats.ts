import v8 from 'node:v8'
import vm from 'node:vm'

export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((left, right) => left - right)
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]
}

export function mean(values: number[]): number {
  return values.length === 0 ? NaN : values.reduce((sum, value) => sum + value, 0) / values.length
}

export function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now()
  const value = work()
  return { value, ms: performance.now() - start }
}

// A full collection before reading the heap, so the number is what stays alive, not garbage.
v8.setFlagsFromString('--expose-gc')
const collect = vm.runInNewContext('gc') as () => void

export function heapUsedMb(): number {
  collect()
  collect()
  return process.memoryUsage().heapUsed / 2 ** 20
}

export function format(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '-'
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}
