import { request } from 'node:http'

export interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw request to 127.0.0.1, so tests can send the Host and Origin headers a hostile page would. */
export function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString()
          })
        )
      }
    )
    outgoing.on('error', reject)
    outgoing.end(options.body)
  })
}
