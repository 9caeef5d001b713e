import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ErrorInfo, Result } from '../../shared/errors'
import { httpStatusFor } from './http-guard'

/** Reads a JSON body up to `maxBytes` (refused with a message past it, before reading all). */
export async function readBody(
  request: IncomingMessage,
  maxBytes: number
): Promise<Result<unknown>> {
  const declared = Number(request.headers['content-length'] ?? 0)
  const tooLarge: ErrorInfo = {
    code: 'payload_too_large',
    message: `The request body is larger than the ${Math.round(maxBytes / 1024)} KiB this operation accepts.`
  }
  if (declared > maxBytes) return { ok: false, error: tooLarge }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > maxBytes) return { ok: false, error: tooLarge }
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return {
      ok: false,
      error: { code: 'invalid_input', message: 'The request body is not valid JSON.' }
    }
  }
}

export function sendResult(response: ServerResponse, result: Result<unknown>): void {
  sendJson(response, result.ok ? 200 : httpStatusFor(result.error), result)
}

export function sendError(
  response: ServerResponse,
  error: ErrorInfo,
  status = httpStatusFor(error)
): void {
  sendJson(response, status, { ok: false, error })
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff'
  })
  response.end(body)
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  response.end(text)
}
