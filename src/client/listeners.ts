/**
 * A set of listeners for one kind of event. A listener that throws does not stop the others or the caller: its
 * error is rethrown on a fresh task, where the host reports it as uncaught (as a DOM event listener's would be).
 *
 * @example
 * const listeners = new Listeners<string>()
 * const off = listeners.add((text) => console.log(text))
 * listeners.emit('hello')
 * off()
 */
export class Listeners<T> {
  readonly #set = new Set<(event: T) => void>()

  /** Adds a listener; returns the function that removes it. */
  add(listener: (event: T) => void): () => void {
    // A wrapper, so that the same function subscribed twice is two subscriptions, each removed by its own call.
    const entry = (event: T) => listener(event)
    this.#set.add(entry)
    return () => {
      this.#set.delete(entry)
    }
  }

  /** Calls every listener present when the emit starts. */
  emit(event: T): void {
    for (const listener of [...this.#set]) {
      try {
        listener(event)
      } catch (error) {
        queueMicrotask(() => {
          throw error
        })
      }
    }
  }

  /** How many listeners there are. */
  get size(): number {
    return this.#set.size
  }
}
