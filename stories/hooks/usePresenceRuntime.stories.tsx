import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { dark, rtl } from '../support/frames'
import { storyBackend } from '../support/presence'
import { field, SLOW } from './demos/helpers'
import { PresenceRuntimeDemo } from './demos/PresenceRuntimeDemo'
import { LiveHint } from './demos/Readout'

const meta = {
  title: 'Hooks/usePresenceRuntime',
  component: PresenceRuntimeDemo,
  args: { activityLimit: 5 },
  argTypes: { activityLimit: { control: { type: 'number', min: 1, max: 200 } } },
  parameters: { presence: { as: 'john_doe' } },
  render: (args) => (
    <div>
      <PresenceRuntimeDemo {...args} />
      <LiveHint />
    </div>
  ),
} satisfies Meta<typeof PresenceRuntimeDemo>

export default meta
type Story = StoryObj<typeof meta>

/**
 * `usePresenceRuntime` returns the provider's runtime, the one escape hatch. Its store knows john_doe and the eight
 * online; jane_smith coming online adds her. A REST call through the runtime answers with the activity timeline.
 */
export const Default: Story = {
  play: async (context) => {
    const { canvasElement } = context
    const canvas = within(canvasElement)
    await expect(field(canvasElement, 'runtime.id')).toHaveTextContent(/^\d+$/)
    await expect(field(canvasElement, 'state.lifecycle')).toHaveTextContent(/^running$/)
    await canvas.findByText(/^Live:/, undefined, SLOW)
    await waitFor(() => expect(field(canvasElement, 'store.self')).toHaveTextContent('"3"'), SLOW)
    await expect(field(canvasElement, 'store.users (known)')).toHaveTextContent(/^9$/)

    storyBackend(context).applyPresence(2, 'online')
    await waitFor(() => expect(field(canvasElement, 'store.users (known)')).toHaveTextContent(/^10$/), SLOW)

    await userEvent.click(canvas.getByRole('button', { name: 'runtime.activity()' }))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(/^\d+ entries, newest: jane_smith online$/), SLOW)
  },
}

/** Signed out: the runtime is there, `stopped`, with an empty store. */
export const SignedOut: Story = {
  parameters: { presence: { as: null } },
  play: async ({ canvasElement }) => {
    await expect(field(canvasElement, 'state.lifecycle')).toHaveTextContent(/^stopped$/)
    await expect(field(canvasElement, 'store.users (known)')).toHaveTextContent(/^0$/)
  },
}

export const Dark: Story = { decorators: [dark] }

export const RightToLeft: Story = { decorators: [rtl] }
