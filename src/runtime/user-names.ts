import type { PresencePatch } from '../client'

/**
 * Options of {@link UserNames}.
 *
 * @example
 * const options: UserNamesOptions = {
 *   lookUp: async (ids) => (await rest.userDetails()).users,
 *   apply: (patches) => store.getState().applyChanges(patches),
 *   onError: (error) => report(error),
 * }
 */
export interface UserNamesOptions {
  /** Fetches names and pictures for these ids (it may answer for others too). */
  lookUp: (ids: string[], signal: AbortSignal) => Promise<readonly PresencePatch[]>
  /** Receives the names and pictures found: only `id`, `username` and `profileImage`, never presence. */
  apply: (patches: PresencePatch[]) => void
  /** A lookup failed; its ids are not asked again until `reset()`. */
  onError: (error: unknown) => void
}

/**
 * Names for ids that came without one (a socket or a list of bare ids): each id is asked for once per session,
 * the ids of one tick go out as one lookup, and one lookup runs at a time (ids that come meanwhile make the next).
 * What comes back is applied as names and pictures only, so that an older REST answer never overrides the
 * presence that the socket or the list gave.
 *
 * @example
 * const names = new UserNames({ lookUp, apply, onError })
 * names.request(['1', '5'])
 * names.request(['5', '12']) // '5' is not asked twice
 * names.reset() // a new session: ask again
 */
export class UserNames {
  readonly #options: UserNamesOptions
  readonly #asked = new Set<string>()
  #pending: string[] = []
  #running = false
  #controller = new AbortController()

  constructor(options: UserNamesOptions) {
    this.#options = options
  }

  /** Asks for the names of these ids, unless already asked this session. */
  request(ids: Iterable<string>): void {
    for (const id of ids) {
      if (this.#asked.has(id)) continue
      this.#asked.add(id)
      this.#pending.push(id)
    }
    if (this.#pending.length === 0 || this.#running) return
    this.#running = true
    const signal = this.#controller.signal
    queueMicrotask(() => void this.#run(signal))
  }

  /** Forgets what was asked and drops the lookup in flight (its answer is ignored). */
  reset(): void {
    this.#controller.abort()
    this.#controller = new AbortController()
    this.#asked.clear()
    this.#pending = []
    this.#running = false
  }

  async #run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted && this.#pending.length > 0) {
      const ids = this.#pending
      this.#pending = []
      try {
        const found = await this.#options.lookUp(ids, signal)
        if (signal.aborted) return
        const names = found.flatMap(identity)
        if (names.length) this.#options.apply(names)
      } catch (error) {
        if (signal.aborted) return
        this.#options.onError(error)
      }
    }
    if (!signal.aborted) this.#running = false
  }
}

function identity(patch: PresencePatch): PresencePatch[] {
  const name: { id: string; username?: string | null; profileImage?: string | null } = { id: patch.id }
  if (typeof patch.username === 'string') name.username = patch.username
  if (typeof patch.profileImage === 'string') name.profileImage = patch.profileImage
  return name.username === undefined && name.profileImage === undefined ? [] : [name]
}
