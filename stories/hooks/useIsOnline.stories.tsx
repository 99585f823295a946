import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { dark, rtl } from '../support/frames'
import { MockControls } from '../support/MockControls'
import { storyBackend } from '../support/presence'
import { field, SLOW } from './demos/helpers'
import { IsOnlineDemo } from './demos/IsOnlineDemo'

const meta = {
  title: 'Hooks/useIsOnline',
  component: IsOnlineDemo,
  args: { userId: 4, onRender: fn() },
  argTypes: {
    userId: {
      control: 'select',
      options: [1, 2, 4, 5, 6, 10],
      labels: { 1: '1 ahmad', 2: '2 jane_smith', 4: '4 maria_garcia', 5: '5 li_wei', 6: '6 olivia_brown', 10: '10 sofia_rossi' },
    },
  },
  parameters: { presence: { as: 'john_doe' } },
} satisfies Meta<typeof IsOnlineDemo>

export default meta
type Story = StoryObj<typeof meta>

const answer = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-slot="is-online"]')!
const status = (canvasElement: HTMLElement) => field(canvasElement, 'useUserStatus().status')

/**
 * maria_garcia is online. She goes away: `useIsOnline` is still `true` and its component does not even re-render;
 * she logs off: `false`.
 */
export const Default: Story = {
  play: async (context) => {
    const { canvasElement, args } = context
    const onRender = args.onRender as ReturnType<typeof fn>
    await waitFor(() => expect(answer(canvasElement)).toHaveTextContent('Active now'), SLOW)
    await expect(status(canvasElement)).toHaveTextContent(/^online$/)
    const renders = onRender.mock.calls.length

    storyBackend(context).applyPresence(4, 'away')
    await waitFor(() => expect(status(canvasElement)).toHaveTextContent(/^away$/), SLOW)
    await expect(answer(canvasElement)).toHaveTextContent('Active now')
    await expect(onRender).toHaveBeenCalledTimes(renders)

    storyBackend(context).applyPresence(4, 'offline')
    await waitFor(() => expect(answer(canvasElement)).toHaveTextContent('Offline'), SLOW)
    await expect(onRender).toHaveBeenLastCalledWith(false)
    await expect(onRender).toHaveBeenCalledTimes(renders + 1)
  },
}

/** olivia_brown is busy: busy is online. */
export const Busy: Story = {
  args: { userId: 6 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(status(canvasElement)).toHaveTextContent(/^dnd$/), SLOW)
    await expect(answer(canvasElement)).toHaveTextContent('Active now')
  },
}

/** sofia_rossi is invisible: offline, as others see her. */
export const Invisible: Story = {
  args: { userId: 10 },
  play: async ({ canvasElement }) => {
    await expect(answer(canvasElement)).toHaveTextContent('Offline')
  },
}

/** The buttons drive the mock's controls: jane_smith comes online, goes away, goes invisible. */
export const Live: Story = {
  args: { userId: 2 },
  render: (args, context) => (
    <div className="pk:w-80">
      <IsOnlineDemo {...args} />
      <MockControls backend={storyBackend(context)} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(answer(canvasElement)).toHaveTextContent('Offline')
    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Online' }))
    await waitFor(() => expect(answer(canvasElement)).toHaveTextContent('Active now'), SLOW)
    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Away' }))
    await waitFor(() => expect(status(canvasElement)).toHaveTextContent(/^away$/), SLOW)
    await expect(answer(canvasElement)).toHaveTextContent('Active now')
    await userEvent.click(canvas.getByRole('button', { name: 'jane_smith: Invisible' }))
    await waitFor(() => expect(answer(canvasElement)).toHaveTextContent('Offline'), SLOW)
  },
}

export const Dark: Story = { decorators: [dark] }

export const RightToLeft: Story = { decorators: [rtl] }
