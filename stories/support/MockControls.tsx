import type { MockBackend, ControlStatus } from '../../mock-server/backend'

interface Action {
  label: string
  run: (backend: MockBackend) => void
}

const as = (username: string, status: ControlStatus): Action => ({
  label: `${username} → ${status}`,
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
  { label: 'Clock +1 day', run: (backend) => backend.advance(86_400) },
  { label: 'Reset', run: (backend) => backend.reset() },
]

/** Buttons that drive the story's mock backend as its `/__mock__/` controls would. */
export function MockControls({ backend, actions = DEFAULT_ACTIONS }: { backend: MockBackend; actions?: Action[] }) {
  return (
    <fieldset className="mt-4 flex flex-wrap gap-2 rounded-lg border border-presence-border p-3 text-sm">
      <legend className="px-1 font-semibold text-presence-fg">Mock controls</legend>
      {actions.map((action) => (
        <button
          key={action.label}
          type="button"
          onClick={() => action.run(backend)}
          className="rounded-md border border-presence-border bg-presence-surface px-2 py-1 text-presence-fg hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-presence-accent"
        >
          {action.label}
        </button>
      ))}
    </fieldset>
  )
}
