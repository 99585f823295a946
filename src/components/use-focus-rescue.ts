import { useLayoutEffect, useRef, type FocusEvent } from 'react'

/**
 * For a control that a change of `state` takes away while it has the focus (a "Try again" that the content replaces,
 * "Retry now" once the banner hides): spread the returned handlers on it. After `state` changes, a focus that fell
 * to <body> goes to `target()` (the component's root, or what in it takes the focus), or, without one, back where
 * it was before the control.
 *
 * @example
 * const rescue = useFocusRescue(state, () => root.current)
 * <button {...rescue} onClick={retry}>Try again</button>
 */
export function useFocusRescue(state: unknown, target: () => HTMLElement | null = () => null) {
  const held = useRef<{ before: HTMLElement | null } | null>(null)
  useLayoutEffect(() => {
    const focus = document.activeElement
    if (!held.current || (focus !== null && focus !== document.body)) return
    const next = target() ?? held.current.before
    held.current = null
    if (next && !next.hasAttribute('tabindex') && next.tabIndex < 0) next.tabIndex = -1
    next?.focus()
    // Only a change of state moves the focus: `target` is read when it does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state])
  return {
    onFocus: (event: FocusEvent<HTMLElement>) => {
      held.current = { before: event.relatedTarget instanceof HTMLElement ? event.relatedTarget : null }
    },
    // Moved to another element: nothing to rescue. A control taken out of the page blurs with no related target.
    onBlur: (event: FocusEvent<HTMLElement>) => {
      if (event.relatedTarget) held.current = null
    },
  }
}
