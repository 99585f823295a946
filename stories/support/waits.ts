/*
 * How long a play function or a browser test waits for a state (an element, a status, a socket message). Waits end
 * as soon as the state is reached; the limit only decides when a missing state fails. Sized for a machine whose two
 * cores are busy with another job, where a story's first render (MSW worker, mock backend, socket) takes seconds.
 */
export const WAIT_TIMEOUT_MS = 20_000

/** A whole story or browser test, from the first render to the last assertion. */
export const TEST_TIMEOUT_MS = 90_000

/** For `findBy…(…, …, SLOW)` and `waitFor(…, SLOW)`: the same limit as every other wait. */
export const SLOW = { timeout: WAIT_TIMEOUT_MS }
