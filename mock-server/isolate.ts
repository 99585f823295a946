/**
 * Runs one unit of work that no caller waits for (a frame's fan-out, a timer's run of the rules) so that its failure
 * is logged and that unit dropped: one bad frame or user never takes the process, or the other sockets, down.
 */
export function isolated(what: string, work: () => void): void {
  try {
    work()
  } catch (error) {
    console.error(`presence mock server: ${what} failed and was dropped:`, error)
  }
}
