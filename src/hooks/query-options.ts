import { isPresenceApiError } from '../client'
import type { PresenceRuntime } from '../runtime'

/**
 * The query keys of the presence queries: under the runtime (two providers may share one QueryClient) and its
 * session (a new token is maybe a new user: fresh queries).
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: presenceKeys.all(runtime, session) })
 */
export const presenceKeys = {
  all: (runtime: PresenceRuntime, session: number) => ['presence-kit', runtime.id, session] as const,
  activity: (runtime: PresenceRuntime, session: number, options?: { limit?: number; filter?: string }) =>
    options === undefined
      ? ([...presenceKeys.all(runtime, session), 'activity'] as const)
      : ([...presenceKeys.all(runtime, session), 'activity', options] as const),
  conversations: (runtime: PresenceRuntime, session: number) => [...presenceKeys.all(runtime, session), 'conversations'] as const,
  friends: (runtime: PresenceRuntime, session: number) => [...presenceKeys.all(runtime, session), 'friends'] as const,
}

/**
 * React Query's `retry` for presence calls: up to three retries of transient failures (no response, 5xx, 429),
 * none of a 401, a missing endpoint or any other 4xx, which a retry cannot fix.
 *
 * @example
 * useQuery({ queryKey, queryFn, retry: retryTransient })
 */
export function retryTransient(failureCount: number, error: Error): boolean {
  if (isPresenceApiError(error) && !error.isTransient) return false
  return failureCount < 3
}
