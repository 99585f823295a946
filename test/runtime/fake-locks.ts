import type { LockManagerLike } from '../../src/runtime'

/**
 * An in-memory Web Locks API (exclusive locks only), shared by the "tabs" of a test: one holder per name, a FIFO
 * queue of waiters, `signal` withdraws a waiter, and a holder keeps the lock until its callback's promise settles.
 * Grants happen on a microtask, as the browser's do.
 */
export class FakeLocks implements LockManagerLike {
  readonly held = new Set<string>()
  readonly #queues = new Map<string, Array<() => void>>()

  request(name: string, options: { signal?: AbortSignal }, callback: (lock: unknown) => unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        this.held.add(name)
        // The callback runs on a later microtask, as the browser's does.
        Promise.resolve()
          .then(() => callback({ name, mode: 'exclusive' }))
          .then(
            (value) => {
              this.#release(name)
              resolve(value)
            },
            (error: unknown) => {
              this.#release(name)
              reject(error)
            },
          )
      }
      if (options.signal?.aborted) return reject(new DOMException('aborted', 'AbortError'))
      if (!this.held.has(name)) return grant()
      const queue = this.#queues.get(name) ?? []
      this.#queues.set(name, queue)
      queue.push(grant)
      options.signal?.addEventListener('abort', () => {
        const index = queue.indexOf(grant)
        if (index < 0) return
        queue.splice(index, 1)
        reject(new DOMException('aborted', 'AbortError'))
      })
    })
  }

  #release(name: string) {
    this.held.delete(name)
    this.#queues.get(name)?.shift()?.()
  }
}
