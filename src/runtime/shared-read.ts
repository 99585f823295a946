/**
 * One read out at a time, shared by every caller that asks while it is out. Each caller keeps its own
 * `AbortSignal`: aborting rejects that caller's promise only; the request itself is aborted once every caller
 * sharing it has aborted. A read of another `scope` (a run that is over, another token) is never joined: a new one
 * is made, and the old one stays with its callers.
 *
 * @example
 * const list = new SharedRead((signal) => rest.conversations({ signal }))
 * const [a, b] = await Promise.all([list.read(pollSignal, run), list.read(querySignal, run)]) // one GET
 */
export class SharedRead<T> {
  readonly #start: (signal: AbortSignal) => Promise<T>
  #out: { scope: unknown; promise: Promise<T>; controller: AbortController; callers: number } | null = null

  constructor(start: (signal: AbortSignal) => Promise<T>) {
    this.#start = start
  }

  /** The read that is out for `scope`, or a new one; rejects with the signal's reason when `signal` aborts first. */
  read(signal?: AbortSignal, scope?: unknown): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error)
    let out = this.#out
    if (out === null || out.scope !== scope) {
      const controller = new AbortController()
      const promise = this.#start(controller.signal)
      const entry = { scope, promise, controller, callers: 0 }
      const clear = () => {
        if (this.#out === entry) this.#out = null
      }
      promise.then(clear, clear)
      out = this.#out = entry
    }
    const entry = out
    entry.callers++
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        reject(signal!.reason as Error)
        entry.callers--
        if (entry.callers > 0) return
        // Nobody waits for it any more: the request goes, and the next caller makes a new one.
        if (this.#out === entry) this.#out = null
        entry.controller.abort(signal!.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      entry.promise.then(
        (value) => {
          signal?.removeEventListener('abort', onAbort)
          resolve(value)
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', onAbort)
          reject(error as Error)
        },
      )
    })
  }
}
