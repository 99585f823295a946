import { useLayoutEffect, useRef, type FocusEvent } from 'react'

/**
 * For a control that a change of `state` takes away while it has the focus (a "Try again" that the content replaces,
 * "Retry now" once the banner hides): spread the returned handlers on it. After `state` changes, a focus that went
 * to <body> with the control goes to `target()` (the component's root, or what in it takes the focus), or, without
 * one, back where it was before the control. A focus the user moved away (to another element, or by a click on the
 * page's background) is left where it is.
 *
 * @example
 * const rescue = useFocusRescue(state, () => root.current)
 * <button {...rescue} onClick={retry}>Try again</button>
 */
export function useFocusRescue(state: unknown, target: () => HTMLElement | null = () => null) {
  // The control while it has the focus, and what had it before (kept through the window's blur and focus).
  const held = useRef<HTMLElement | null>(null)
  const before = useRef<HTMLElement | null>(null)
  useLayoutEffect(() => {
    const control = held.current
    const focus = document.activeElement
    if (!control || control.isConnected || (focus !== null && focus !== document.body)) return
    held.current = null
    const next = target() ?? before.current
    if (next && !next.hasAttribute('tabindex') && next.tabIndex < 0) {
      // Focusable for this once: left on, a click anywhere inside would focus the whole region.
      next.tabIndex = -1
      next.addEventListener('blur', () => next.removeAttribute('tabindex'), { once: true })
    }
    next?.focus()
    // Only a change of state moves the focus: `target` is read when it does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state])
  return {
    onFocus: (event: FocusEvent<HTMLElement>) => {
      held.current = event.currentTarget
      if (event.relatedTarget instanceof HTMLElement) before.current = event.relatedTarget
    },
    onBlur: (event: FocusEvent<HTMLElement>) => {
      const control = event.currentTarget
      // A control taken out of the page may blur too, with no related target: only one still there was left.
      queueMicrotask(() => {
        if (control.isConnected && held.current === control) held.current = null
      })
    },
  }
}
