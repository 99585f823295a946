import type { MockBackend, ControlStatus } from '../../mock-server/backend'

export interface Action {
  label: string
  run: (backend: MockBackend) => void
}

// The status in words, as the components say it: "jane_smith: Do not disturb", not "jane_smith → dnd".
const WORDS: Record<ControlStatus, string> = { online: 'Online', away: 'Away', dnd: 'Do not disturb', invisible: 'Invisible', offline: 'Offline' }

/** A button that gives a user a status, as the mock's `/__mock__/users/<id>/presence` control would. */
export const as = (username: string, status: ControlStatus): Action => ({
  label: `${username}: ${WORDS[status]}`,
  run: (backend) => {
    const user = backend.presence.userByName(username)
    if (user) backend.applyPresence(user.id, status)
  },
})

export const DEFAULT_ACTIONS: Action[] = [
  as('jane_smith', 'online'),
  as('ahmad', 'online'),
  as('jane_smith', 'away'),
  as('ahmad', 'dnd'),
  as('jane_smith', 'invisible'),
  as('ahmad', 'offline'),
  { label: 'A day later', run: (backend) => backend.advance(86_400) },
  { label: 'Start over', run: (backend) => backend.reset() },
]

/** Buttons that drive the story's mock backend as its `/__mock__/` controls would. */
export function MockControls({ backend, actions = DEFAULT_ACTIONS }: { backend: MockBackend; actions?: Action[] }) {
  return (
    <fieldset className="pk:mt-4 pk:flex pk:flex-wrap pk:gap-2 pk:rounded-lg pk:border pk:border-presence-border pk:p-3 pk:text-sm">
      <legend className="pk:px-1 pk:font-semibold pk:text-presence-fg">Change someone’s status</legend>
      {actions.map((action) => (
        <button
          key={action.label}
          type="button"
          onClick={() => action.run(backend)}
          className="pk:rounded-md pk:border pk:border-presence-border pk:bg-presence-surface pk:px-2 pk:py-1 pk:text-presence-fg pk:hover:bg-gray-100 pk:focus-visible:outline-2 pk:focus-visible:outline-presence-accent"
        >
          {action.label}
        </button>
      ))}
    </fieldset>
  )
}
