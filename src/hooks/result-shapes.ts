/**
 * What every hook that loads data returns: the part of React Query's `UseQueryResult` that a component reads, so
 * that a team that knows React Query knows every presence hook (`useActivity` and `useConversations` return React
 * Query's own object, typed as this; `useOnlineUsers` and `useFriendIds` build the same shape from the store).
 *
 * @example
 * const { data = [], isPending, error, refetch }: PresenceQueryResult<ActivityEntry[]> = useActivity()
 */
export interface PresenceQueryResult<TData> {
  /** The data; `undefined` until the first answer. */
  data: TData | undefined
  /** Nothing to show yet: no data has arrived. */
  isPending: boolean
  /** `error` is set. */
  isError: boolean
  /** Why the last attempt failed; `null` otherwise (data already shown stays shown). */
  error: Error | null
  /** An answer is on its way (the first one, or a refetch). */
  isFetching: boolean
  /** Asks again now; resolves once the answer is in. */
  refetch(): Promise<unknown>
}

/**
 * What every hook that changes something returns: the part of React Query's `UseMutationResult` that a component
 * reads (`mutate` fires and forgets, errors land in `error`; `mutateAsync` returns the promise).
 *
 * @example
 * const { mutate, isPending }: PresenceMutationResult<MyStatusChange, MyStatusChange> = useSetMyStatus()
 */
export interface PresenceMutationResult<TVariables, TData = void> {
  /** Runs the change; a failure is not thrown but kept in `error`. */
  mutate(variables: TVariables): void
  /** Runs the change; resolves with its result, rejects with a `PresenceApiError`. */
  mutateAsync(variables: TVariables): Promise<TData>
  /** The change is on its way. */
  isPending: boolean
  /** `error` is set. */
  isError: boolean
  /** Why the last change failed; `null` until one fails, and again from the next call. */
  error: Error | null
  /** Forgets the last result and error. */
  reset(): void
}

// The store keeps failures as `unknown`; the result shape has an Error or nothing.
export const toError = (error: unknown): Error | null =>
  error === null || error === undefined ? null : error instanceof Error ? error : new Error(String(error))
