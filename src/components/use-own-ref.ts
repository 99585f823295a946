import { useCallback, useRef, type Ref, type RefObject } from 'react'

/**
 * The component's own handle on its root element beside the app's `ref`: the object to read, and the callback ref
 * to put on the root, which also fills the app's ref (an object or a function, its clean-up kept).
 *
 * @example
 * const [root, ref] = useOwnRef(props.ref)
 * <section ref={ref} />
 */
export function useOwnRef<T extends HTMLElement>(appRef: Ref<T> | undefined): [RefObject<T | null>, (node: T | null) => () => void] {
  const own = useRef<T | null>(null)
  const ref = useCallback(
    (node: T | null) => {
      own.current = node
      const cleanup = fill(appRef, node)
      // React 19 calls a returned clean-up instead of the ref with null: both refs are emptied there.
      return () => {
        own.current = null
        if (cleanup) cleanup()
        else fill(appRef, null)
      }
    },
    [appRef],
  )
  return [own, ref]
}

function fill<T>(ref: Ref<T> | undefined, node: T | null): void | (() => void) {
  if (typeof ref === 'function') return ref(node)
  if (ref) ref.current = node
}
