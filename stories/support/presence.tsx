import type { Decorator, Loader, StoryContext } from '@storybook/react-vite'
import { http, HttpResponse, ws, type AnyHandler } from 'msw'
import { MockBackend, type ControlStatus } from '../../mock-server/backend'
import { createCast } from '../../mock-server/core/cast'
import { createPresenceHandlers } from '../../mock-server/msw'
import { UserStatusProvider, type BackendPreset, type UserStatusProviderProps } from '../../src'
import { PresenceMessagesContext } from '../../src/provider/PresenceContext'
import { canvasGlobals } from './canvas'
import { MESSAGES } from './messages'

/** How a story's presence world is set up: `parameters.presence`. */
export interface PresenceParameters {
  /** Who is signed in. Default `john_doe`; `null` renders the provider signed out. */
  as?: string | null
  /** Generated users beyond the 24 demo users and the admin, for crowds. Default 0. */
  extraUsers?: number
  /** Demo users come and go by themselves. Default false. */
  simulate?: boolean | { intervalMs?: number }
  /** Statuses applied before the story renders, by username, as the mock's control would. */
  statuses?: Record<string, ControlStatus>
  /** Everybody but the signed-in user goes offline first. */
  empty?: boolean
  /** `loading`: the backend never answers; `error`: the socket is refused and the online list fails. */
  network?: 'live' | 'loading' | 'error'
  /**
   * Which backend the mock is and the provider points at (the mock's mode and the kit's preset of that name); the
   * provider also gets the signed-in user's `userId`, as an app on such a backend passes it. Default `contract`.
   */
  backend?: BackendPreset
  /**
   * `true`: the provider's `resolveUsers` answers from the story backend's user table, as an app answers from its
   * own user data (for backends whose lists carry ids only). Default `false`.
   */
  resolveUsers?: boolean
  /** More props for the provider. */
  provider?: Partial<UserStatusProviderProps>
}

export interface LoadedPresence {
  backend: MockBackend
  token: string | null
  /** The signed-in user's id, or `null` when signed out. */
  userId: number | null
  /** This story's own backend origin: a docs page renders many stories at once, each against its own backend. */
  origin: string
}

let storiesLoaded = 0

declare module 'storybook/internal/csf' {
  interface Parameters {
    presence?: PresenceParameters
  }
}

const hang = () => new Promise<never>(() => {})

/** Creates a fresh mock backend for the story and signs the chosen user in, in process. */
export const presenceLoader: Loader = async ({ parameters }) => {
  const options = parameters.presence
  if (!options) return {}
  const backend = new MockBackend({
    backend: options.backend,
    cast: createCast({ extraUsers: options.extraUsers ?? 0 }),
    simulate: options.simulate === true ? { intervalMs: 2500 } : options.simulate || false,
  })
  const { presence } = backend
  if (options.empty) for (const user of presence.users) presence.markOffline(user.id)
  for (const [username, status] of Object.entries(options.statuses ?? {})) {
    const user = presence.userByName(username)
    if (user) backend.applyPresence(user.id, status)
  }
  const as = options.as === undefined ? 'john_doe' : options.as
  const user = as === null ? undefined : presence.userByName(as)
  let token: string | null = null
  if (user) {
    token = backend.tokens.issue(user.id, backend.clock.now()).access
    presence.restActivity(user.id)
  }
  const origin = `http://story-${++storiesLoaded}.presence.test`
  return { presence: { backend, token, userId: user?.id ?? null, origin } satisfies LoadedPresence }
}

function networkHandlers(
  { backend, origin }: LoadedPresence,
  network: NonNullable<PresenceParameters['network']>,
): AnyHandler[] {
  const socketOrigin = origin.replace(/^http/, 'ws')
  switch (network) {
    case 'live':
      return createPresenceHandlers(backend, { baseUrl: origin })
    case 'loading':
      return [
        http.all(`${origin}/api/*`, hang),
        ws.link(`${socketOrigin}/ws/*`).addEventListener('connection', () => {}),
      ]
    case 'error':
      return [
        http.get(`${origin}/api/chat/online-users/`, () =>
          HttpResponse.json({ error: { code: 'unavailable', message: 'the presence service is down' } }, { status: 503 }),
        ),
        ws.link(`${socketOrigin}/ws/*`).addEventListener('connection', ({ client }) => client.close(1011, 'unavailable')),
        ...createPresenceHandlers(backend, { baseUrl: origin }),
      ]
    default:
      return network satisfies never
  }
}

const loadedPresence = (context: StoryContext) => (context.loaded as { presence?: LoadedPresence }).presence

/** Routes the story's requests and sockets to its backend; disposes of the backend after the story. */
export const presenceBeforeEach = (context: StoryContext & { msw?: { use(...handlers: AnyHandler[]): void } }) => {
  const loaded = loadedPresence(context)
  if (!loaded || !context.msw) return
  context.msw.use(...networkHandlers(loaded, context.parameters.presence?.network ?? 'live'))
  return () => loaded.backend.dispose()
}

// The app's own user data, as a `resolveUsers` reads it: here the story backend's users.
const resolveFromCast =
  ({ backend, origin }: LoadedPresence) =>
  async (ids: string[]) =>
    ids.flatMap((id) => {
      const user = backend.presence.user(Number(id))
      return user ? [{ id, username: user.username, profileImage: `${origin}/avatars/${id}.svg` }] : []
    })

/**
 * Wraps the story in a `UserStatusProvider` signed in as `parameters.presence.as`, in the toolbar's language. A story
 * without a provider (a component given its data) gets the language alone, so every story follows the toolbar.
 */
export const withPresence: Decorator = (Story, context) => {
  const loaded = loadedPresence(context)
  const { language } = canvasGlobals(context.globals)
  const languageProps = { locale: language, messages: MESSAGES[language] }
  if (!loaded) {
    return (
      <PresenceMessagesContext.Provider value={languageProps}>
        <Story />
      </PresenceMessagesContext.Provider>
    )
  }
  const preset = context.parameters.presence?.backend
  const ownBackend = preset === undefined ? {} : { backend: preset, userId: loaded.userId }
  const resolver = context.parameters.presence?.resolveUsers ? { resolveUsers: resolveFromCast(loaded) } : {}
  return (
    <UserStatusProvider
      token={loaded.token}
      apiBaseUrl={loaded.origin}
      {...languageProps}
      {...ownBackend}
      {...resolver}
      {...context.parameters.presence?.provider}
    >
      <Story />
    </UserStatusProvider>
  )
}

/** The story's backend origin, to scope a story's own request handlers to it: `http.get(`${storyOrigin(context)}/api/…`)`. */
export function storyOrigin(context: StoryContext): string {
  const loaded = loadedPresence(context)
  if (!loaded) throw new Error('this story has no parameters.presence')
  return loaded.origin
}

/** The signed-in user's token, for a story that renders providers of its own (one per state). */
export function storyToken(context: StoryContext): string | null {
  const loaded = loadedPresence(context)
  if (!loaded) throw new Error('this story has no parameters.presence')
  return loaded.token
}

/** The story's backend, for play functions and buttons that drive the mock's controls. */
export function storyBackend(context: StoryContext): MockBackend {
  const loaded = loadedPresence(context)
  if (!loaded) throw new Error('this story has no parameters.presence')
  return loaded.backend
}
