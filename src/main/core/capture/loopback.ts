import type { LookupFunction } from 'node:net'

/**
 * A DNS lookup that answers 127.0.0.1 for every host name, for tests and benchmarks that capture
 * real pages: their images name real sites, and nothing may leave the machine. Turned on with
 * `FOLIO_NETWORK=loopback`.
 */
export const loopbackLookup: LookupFunction = (_hostname, options, callback) => {
  if (options.all) {
    ;(callback as (error: null, addresses: { address: string; family: number }[]) => void)(null, [
      { address: '127.0.0.1', family: 4 }
    ])
  } else {
    callback(null, '127.0.0.1', 4)
  }
}

export function lookupFromEnvironment(
  env: NodeJS.ProcessEnv = process.env
): LookupFunction | undefined {
  return env.FOLIO_NETWORK === 'loopback' ? loopbackLookup : undefined
}
