import { RECORD_LIMITS, clip } from './fields'

const DEFAULT_CODES: Record<number, string> = {
  0: 'network_error',
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  429: 'too_many_requests',
}

const defaultCode = (status: number) => DEFAULT_CODES[status] ?? (status >= 500 ? 'server_error' : `http_${status}`)

/**
 * A failed REST call, whatever the backend's error body looked like. `status` is the HTTP status, or `0` when no
 * response came at all (network error, aborted request).
 *
 * @example
 * try {
 *   await rest.heartbeat()
 * } catch (error) {
 *   if (isPresenceApiError(error) && error.isMissingEndpoint) stopHeartbeat()
 * }
 */
export class PresenceApiError extends Error {
  override readonly name = 'PresenceApiError'
  /** The HTTP status; 0 when there was no response. */
  readonly status: number
  /** The contract's error code (`unauthorized`, `not_found`, …), or one derived from the status. */
  readonly code: string
  /** The URL that was called, when there was one. */
  readonly url: string | null

  constructor(status: number, code: string | null, message: string, options: { url?: string | null; cause?: unknown } = {}) {
    super(message || `request failed with status ${status}`, { cause: options.cause })
    this.status = status
    this.code = code || defaultCode(status)
    this.url = options.url ?? null
  }

  /** A 401: the token is missing, wrong, expired or revoked; the app should refresh it. */
  get isAuthError(): boolean {
    return this.status === 401
  }

  /**
   * The backend has no such endpoint: a 404 that is not about a user (contract: `not_found` is an unknown route,
   * `user_not_found` an unknown user), or an endpoint that the configuration switched off.
   */
  get isMissingEndpoint(): boolean {
    return this.status === 404 && this.code !== 'user_not_found'
  }

  /** No response at all: offline, DNS, CORS, or aborted. */
  get isNetworkError(): boolean {
    return this.status === 0
  }

  /** Worth retrying later with backoff: no response, a 5xx, or a 429. */
  get isTransient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500
  }
}

/**
 * Narrows an unknown error to a {@link PresenceApiError}.
 *
 * @example
 * queryClient.setDefaultOptions({ queries: { retry: (n, e) => !(isPresenceApiError(e) && e.isAuthError) && n < 3 } })
 */
export function isPresenceApiError(error: unknown): error is PresenceApiError {
  return error instanceof PresenceApiError
}

/**
 * Whether an error is a 401 from the presence API.
 *
 * @example
 * if (isAuthError(error)) onAuthError()
 */
export function isAuthError(error: unknown): boolean {
  return isPresenceApiError(error) && error.isAuthError
}

/**
 * Whether an error says the backend has no such endpoint (see {@link PresenceApiError.isMissingEndpoint}).
 *
 * @example
 * if (isMissingEndpoint(error)) return // this backend has no heartbeat; stop quietly
 */
export function isMissingEndpoint(error: unknown): boolean {
  return isPresenceApiError(error) && error.isMissingEndpoint
}

const str = (max: number) => (value: unknown) => (typeof value === 'string' && value.trim() ? clip(value, max) : null)
const code = str(RECORD_LIMITS.errorCode)
const text = str(RECORD_LIMITS.errorMessage)
// An HTML error page can be megabytes; its first part says what went wrong.
const MAX_ERROR_BODY = 16_384

/**
 * Reads an error body into a code and a message: the contract's `{"error": {"code", "message"}}`, Django REST
 * framework's `{"detail", "code"}`, `{"error": "text"}`, `{"message"}`, or plain text (an HTML error page is cut
 * short). Never throws.
 *
 * @example
 * readErrorBody('{"error":{"code":"unauthorized","message":"a valid bearer token is required"}}')
 * // { code: 'unauthorized', message: 'a valid bearer token is required' }
 * readErrorBody('{"detail":"Given token not valid","code":"token_not_valid"}')
 * // { code: 'token_not_valid', message: 'Given token not valid' }
 */
export function readErrorBody(body: string): { code: string | null; message: string } {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    const plain = body.slice(0, MAX_ERROR_BODY).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()
    return { code: null, message: clip(plain, 200) }
  }
  if (typeof value !== 'object' || value === null) return { code: null, message: text(value) ?? '' }
  const record = value as Record<string, unknown>
  const nested = typeof record.error === 'object' && record.error !== null ? (record.error as Record<string, unknown>) : {}
  return {
    code: code(nested.code) ?? code(record.code),
    message: text(nested.message) ?? text(record.error) ?? text(record.detail) ?? text(record.message) ?? '',
  }
}
