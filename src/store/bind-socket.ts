import type { PresenceSocket } from '../client'
import { createEventBatcher, type EventBatcher } from './batcher'
import type { PresenceStore } from './presence-store'

/**
 * Feeds a socket's events into a store: snapshots and changes through a batcher (one update per frame), the
 * connection (state, next retry, clock offset) directly. Returns the function that stops it (it flushes what is queued
 * first, so nothing received is lost). The socket's lifecycle stays with the caller.
 *
 * @example
 * const unbind = bindSocketToStore(socket, store)
 * socket.connect()
 * // later
 * socket.close()
 * unbind()
 */
export function bindSocketToStore(
  socket: PresenceSocket,
  store: PresenceStore,
  batcher: EventBatcher = createEventBatcher(store),
): () => void {
  const sync = () => {
    const { state, nextRetryAt, serverOffset } = socket.getStatus()
    store.getState().setConnection(serverOffset === null ? { state, nextRetryAt } : { state, nextRetryAt, serverOffset })
  }
  sync()
  const unsubscribe = socket.subscribe((event) => {
    switch (event.type) {
      case 'status':
        return sync()
      case 'message': {
        const { message } = event
        if (message.type === 'snapshot') batcher.snapshot(message.users, { includesSelf: true })
        else if (message.type === 'change') batcher.change(message.user)
        return
      }
      case 'frame':
      case 'invalid':
      case 'unauthorized':
      case 'error':
        return
      default:
        return event satisfies never
    }
  })
  return () => {
    unsubscribe()
    batcher.flush()
    batcher.dispose()
  }
}
