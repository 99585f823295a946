/**
 * Ends a showcase story's play function at rest: the clicks that reached the state (a save under way, a failed save)
 * leave no focus ring behind, so that the story looks as the state does when the user has moved on.
 */
export function letGo() {
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
}
