import type { StoryContext } from '@storybook/react-vite'
import type { AnyHandler } from 'msw'
import type { LoadedPresence, PresenceParameters } from '../../support/presence'

/** For waits on the network and the socket: the limit every wait has (support/waits.ts). */
export { SLOW } from '../../support/waits'

/** Adds the story's own request handlers, ahead of the mock backend's (call it from a story's `beforeEach`). */
export const addHandlers = (context: StoryContext, ...handlers: AnyHandler[]) =>
  (context as StoryContext & { msw?: { use(...handlers: AnyHandler[]): void } }).msw?.use(...handlers)

/**
 * Whether a request carries this story's token: a docs page renders every story on one MSW worker, so an override
 * answers its own story's requests only and lets the others through.
 */
export const fromStory = (context: StoryContext, request: Request) => {
  const token = storyToken(context)
  return token != null && request.headers.get('authorization') === `Bearer ${token}`
}

/** The token the story's loader issued for `parameters.presence.as`. */
export const storyToken = (context: StoryContext) => (context.loaded as { presence?: LoadedPresence }).presence?.token ?? null

/**
 * Provider options that make reconnects predictable: the backoff always waits its whole ceiling (`baseMs`, then
 * twice that, …) and the socket never gives way to polling.
 */
export const predictable = (baseMs: number): PresenceParameters['provider'] => ({
  runtimeOptions: {
    socket: { backoff: { baseMs, capMs: 60_000 }, random: () => 0.999 },
    fallback: { maxFailedAttempts: 1_000, maxNotOpenMs: 3_600_000 },
  },
})

/** The `<dd>` of the `<dt>` named `name` in a demo's readout. */
export function field(container: HTMLElement, name: string): HTMLElement {
  const term = [...container.querySelectorAll('dt')].find((dt) => dt.textContent === name)
  if (!term?.nextElementSibling) throw new Error(`no field "${name}" in the readout`)
  return term.nextElementSibling as HTMLElement
}
