import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'

type Json = any // eslint-disable-line @typescript-eslint/no-explicit-any

const DOC_ID = 'https://presence-kit.test/openapi.json'
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** A JSON pointer into the document, as a URI fragment. */
const pointer = (...segments: string[]) =>
  '#' + segments.map((s) => '/' + encodeURIComponent(s.replaceAll('~', '~0').replaceAll('/', '~1'))).join('')

interface Operation {
  template: string
  method: string
  regex: RegExp
  names: string[]
  spec: Json
}

export interface Checked {
  method: string
  template: string | null
  status: number
}

/**
 * Checks responses against the server's own OpenAPI 3.1 document: the operation is found by method and templated
 * path (path parameters must satisfy their schemas), the status must be documented for it, and a JSON body must
 * validate against the documented schema. Requests that match no operation (unknown route, wrong method) must
 * answer with the document's `Error` schema.
 */
export class OpenApiChecker {
  readonly document: Json
  /** Every (method, templated path, status) checked so far, by any driver sharing this document. */
  readonly checked: Checked[] = []
  readonly #ajv: Ajv2020
  readonly #operations: Operation[] = []
  readonly #validators = new Map<string, ValidateFunction>()

  constructor(document: Json) {
    this.document = document
    if (typeof document?.openapi !== 'string' || !document.openapi.startsWith('3.1')) {
      throw new Error(`not an OpenAPI 3.1 document: openapi=${JSON.stringify(document?.openapi)}`)
    }
    // The document is registered whole, so that `$ref: '#/components/…'` resolves inside it; its OpenAPI-only
    // keywords are not JSON Schema, hence strict mode off.
    this.#ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats(this.#ajv)
    this.#ajv.addSchema({ ...document, $id: DOC_ID })
    for (const [template, item] of Object.entries<Json>(document.paths ?? {})) {
      const names: string[] = []
      const source = template
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{(\w+)\}/g, (_, name: string) => {
          names.push(name)
          return '([^/]+)'
        })
        .replace(/\/$/, '')
      for (const method of METHODS) {
        if (item[method]) {
          this.#operations.push({ template, method, regex: new RegExp(`^${source}/?$`), names, spec: item[method] })
        }
      }
    }
  }

  /** The operation a request reaches, or null when none does (e.g. `abc` where an integer id is declared). */
  operation(method: string, pathname: string): Operation | null {
    const candidates = this.#operations.filter((op) => op.method === method.toLowerCase() && op.regex.test(pathname))
    for (const op of candidates) {
      const values = op.regex.exec(pathname)!.slice(1)
      const params: Json[] = op.spec.parameters ?? []
      const ok = op.names.every((name, i) => {
        const declared = params.find((p) => p.in === 'path' && p.name === name)
        if (!declared) return false
        const raw = decodeURIComponent(values[i]!)
        const value = declared.schema?.type === 'integer' && /^-?\d+$/.test(raw) ? Number(raw) : raw
        return this.#validate(`${op.template} ${op.method} ${name}`, declared.schema ?? {}, value).length === 0
      })
      if (ok) return op
    }
    return null
  }

  /** Throws when the response does not agree with the document. */
  check(method: string, url: string, status: number, contentType: string | null, text: string): void {
    const pathname = new URL(url, 'http://x').pathname
    const where = `${method} ${pathname} → ${status}`
    const isJson = /^application\/([\w.+-]+\+)?json\b/i.test(contentType ?? '')
    let body: Json
    if (isJson) {
      try {
        body = JSON.parse(text)
      } catch {
        throw new Error(`${where}: content-type is JSON but the body does not parse: ${text.slice(0, 200)}`)
      }
    }
    if (method.toUpperCase() === 'OPTIONS') return // CORS preflights are not API operations
    const op = this.operation(method, pathname)
    this.checked.push({ method: method.toUpperCase(), template: op?.template ?? null, status })
    if (!op) {
      // No operation: an unknown route (404) or a method the path does not have (405), as the `Error` schema.
      if (!isJson) throw new Error(`${where}: matches no documented operation and is not a JSON error (${contentType})`)
      const errors = this.#validateRef(pointer('components', 'schemas', 'Error'), body)
      if (errors.length) throw new Error(`${where}: undocumented route answered a non-Error body: ${errors.join('; ')}`)
      return
    }
    const response = op.spec.responses?.[String(status)] ?? op.spec.responses?.default
    if (!response) {
      throw new Error(
        `${where}: status ${status} is not documented for ${op.method.toUpperCase()} ${op.template} (documented: ${Object.keys(op.spec.responses ?? {}).join(', ')}); body ${text.slice(0, 300)}`,
      )
    }
    const content: Record<string, Json> = response.content ?? {}
    const types = Object.keys(content)
    if (types.length === 0) {
      if (text.length) throw new Error(`${where}: documented without a body, but got ${text.slice(0, 200)}`)
      return
    }
    const mediaType = types.find((t) => (contentType ?? '').toLowerCase().startsWith(t.toLowerCase()))
    if (!mediaType) throw new Error(`${where}: content-type ${contentType} is not documented (${types.join(', ')})`)
    if (!isJson) return
    const ref = pointer('paths', op.template, op.method, 'responses', String(status), 'content', mediaType, 'schema')
    const errors = this.#validateRef(ref, body)
    if (errors.length) {
      throw new Error(`${where}: body does not match the OpenAPI schema: ${errors.join('; ')}\nbody: ${text.slice(0, 1000)}`)
    }
  }

  #validateRef(ref: string, value: unknown): string[] {
    let validate = this.#validators.get(ref)
    if (!validate) {
      validate = this.#ajv.compile({ $ref: `${DOC_ID}${ref}` })
      this.#validators.set(ref, validate)
    }
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`)
  }

  #validate(key: string, schema: Json, value: unknown): string[] {
    let validate = this.#validators.get(key)
    if (!validate) {
      validate = this.#ajv.compile(schema)
      this.#validators.set(key, validate)
    }
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`)
  }
}

// Compiling the schemas is the slow part: one checker per distinct document, shared by every driver that serves it.
const checkers = new Map<string, OpenApiChecker>()

/** Loads the server's document (public) with a raw fetch and builds the checker. */
export async function loadOpenApi(rawFetch: (path: string) => Promise<Response>): Promise<OpenApiChecker> {
  const res = await rawFetch('/api/openapi.json')
  if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}`)
  const text = await res.text()
  let checker = checkers.get(text)
  if (!checker) checkers.set(text, (checker = new OpenApiChecker(JSON.parse(text))))
  return checker
}
