import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { dark } from '../support/frames'
import { field, SLOW } from './demos/helpers'
import { PresenceSessionDemo } from './demos/SessionDemos'

const meta = {
  title: 'Hooks/usePresenceSession',
  component: PresenceSessionDemo,
  parameters: { presence: { as: 'john_doe' } },
} satisfies Meta<typeof PresenceSessionDemo>

export default meta
type Story = StoryObj<typeof meta>

/** Signed in as john_doe (3): `running`, `synced` once the first list of who is online is in, `userId` once `/api/users/me/` answers. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(field(canvasElement, 'synced')).toHaveTextContent(/^true$/), SLOW)
    await expect(field(canvasElement, 'lifecycle')).toHaveTextContent(/^running$/)
    // Known from /api/users/me/, which may answer after the list.
    await waitFor(() => expect(field(canvasElement, 'userId')).toHaveTextContent('"3"'), SLOW)
    await expect(field(canvasElement, 'authError')).toHaveTextContent(/^null$/)
  },
}

/** No token: `stopped`, nobody signed in. */
export const SignedOut: Story = {
  parameters: { presence: { as: null } },
  play: async ({ canvasElement }) => {
    await expect(field(canvasElement, 'lifecycle')).toHaveTextContent(/^stopped$/)
    await expect(field(canvasElement, 'userId')).toHaveTextContent(/^null$/)
  },
}

export const Dark: Story = { decorators: [dark] }
