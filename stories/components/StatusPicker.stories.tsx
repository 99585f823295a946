import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { http, HttpResponse, type AnyHandler } from 'msw'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { StatusPicker } from '../../src/components/StatusPicker'
import { dark, rtl } from '../support/frames'
import { storyWords } from '../support/messages'
import { storyBackend, type LoadedPresence } from '../support/presence'
import { letGo } from '../support/play'
import { SLOW } from '../support/waits'
import { LightAndDark } from '../support/variants'

const meta = {
  title: 'Components/StatusPicker',
  component: StatusPicker,
  // A few showcase stories on the docs page, each with its own live mock backend; the rest in the sidebar.
  tags: ['!autodocs'],
  args: { onSaved: fn() },
  argTypes: {
    className: { description: "Classes added to the form's root, after its own.", control: 'text' },
  },
  parameters: { presence: { as: 'john_doe' } },
} satisfies Meta<typeof StatusPicker>

export default meta
type Story = StoryObj<typeof meta>

// The story's own request handlers, ahead of the mock backend's.
const addHandlers = (context: StoryContext, ...handlers: AnyHandler[]) =>
  (context as StoryContext & { msw?: { use(...handlers: AnyHandler[]): void } }).msw?.use(...handlers)

// Whether a request carries this story's token: a docs page renders every story on one MSW worker, so an override
// answers its own story's requests only and lets the others through.
const fromStory = (context: StoryContext, request: Request) => {
  const token = (context.loaded as { presence?: LoadedPresence }).presence?.token
  return token != null && request.headers.get('authorization') === `Bearer ${token}`
}

/** The picker, by its title in the story's language. */
const form = ({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) =>
  within(canvasElement).findByRole('form', { name: storyWords({ globals }).messages.statusPicker.title })

export const Default: Story = { tags: ['autodocs'] }

/** Test: choose Away, type "lunch", save: the mock backend now has john_doe away with "lunch". */
export const ChooseAndSave: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  play: async (context) => {
    const { args } = context
    const picker = within(await form(context))
    await waitFor(() => expect(picker.getByRole('radio', { name: 'Online' })).toBeChecked(), SLOW)
    await userEvent.click(picker.getByRole('radio', { name: 'Away' }))
    await userEvent.type(picker.getByRole('textbox', { name: 'Status message' }), 'lunch')
    await expect(picker.getByText('5/140')).toBeVisible()
    await userEvent.click(picker.getByRole('button', { name: 'Save' }))
    await waitFor(() => {
      const john = storyBackend(context).presence.userByName('john_doe')!
      expect(john.mode).toBe('away')
      expect(john.statusMessage).toBe('lunch')
    }, SLOW)
    await expect(await picker.findByText('Status saved')).toBeVisible()
    await expect(args.onSaved).toHaveBeenCalledWith({ mode: 'away', statusMessage: 'lunch' })
    // The form now reflects the saved status.
    await expect(picker.getByRole('radio', { name: 'Away' })).toBeChecked()
    await expect(picker.getByRole('radio', { name: 'Away' })).toHaveAccessibleDescription('Others see that you are away')
  },
}

/** Keyboard only: Tab into the group, arrows between the modes, Tab to the message, Enter saves. */
export const Keyboard: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  play: async (context) => {
    const picker = within(await form(context))
    await waitFor(() => expect(picker.getByRole('radio', { name: 'Online' })).toBeChecked(), SLOW)
    await userEvent.tab()
    await expect(picker.getByRole('radio', { name: 'Online' })).toHaveFocus()
    await userEvent.keyboard('{ArrowDown}{ArrowDown}')
    await expect(picker.getByRole('radio', { name: 'Do not disturb' })).toBeChecked()
    await userEvent.tab()
    await expect(picker.getByRole('textbox', { name: 'Status message' })).toHaveFocus()
    await userEvent.keyboard('Focus time{Enter}')
    await waitFor(() => {
      const john = storyBackend(context).presence.userByName('john_doe')!
      expect(john.mode).toBe('dnd')
      expect(john.statusMessage).toBe('Focus time')
    }, SLOW)
  },
}

/** li_wei is away with a message: the form shows it; Clear and Save removes the message. */
export const ClearMessage: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  parameters: { presence: { as: 'li_wei' } },
  play: async (context) => {
    const picker = within(await form(context))
    const input = picker.getByRole('textbox', { name: 'Status message' })
    await waitFor(() => expect(input).toHaveValue('Lunch, back at 2'), SLOW)
    await expect(picker.getByRole('radio', { name: 'Away' })).toBeChecked()
    await userEvent.click(picker.getByRole('button', { name: 'Clear status message' }))
    await expect(input).toHaveValue('')
    await expect(input).toHaveFocus()
    await userEvent.click(picker.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(storyBackend(context).presence.userByName('li_wei')!.statusMessage).toBeNull(), SLOW)
  },
}

/** The counter counts code points as the server does: an emoji is one. Over 140, Save does nothing. */
export const CharacterLimit: Story = {
  tags: ['!dev', '!autodocs', 'test', 'interaction'],
  globals: { language: 'en' },
  play: async (context) => {
    const picker = within(await form(context))
    const input = picker.getByRole('textbox', { name: 'Status message' })
    await waitFor(() => expect(picker.getByRole('radio', { name: 'Online' })).toBeChecked(), SLOW)
    await userEvent.click(input)
    await userEvent.paste('🍕 lunch')
    await expect(picker.getByText('7/140')).toBeVisible()
    await userEvent.paste('x'.repeat(140))
    await expect(picker.getByText('147/140')).toBeVisible()
    await expect(input).toBeInvalid()
    await expect(input).toHaveAccessibleDescription(/147 of 140 characters Keep the message to 140 characters\./)
    await userEvent.click(picker.getByRole('button', { name: 'Save' }))
    await expect(input).toHaveFocus()
    await expect(storyBackend(context).presence.userByName('john_doe')!.statusMessage).toBeNull()
  },
}

/** john_doe is invisible: the picker says so; others see him offline. */
export const Invisible: Story = {
  parameters: { presence: { statuses: { john_doe: 'invisible' } } },
  play: async (context) => {
    const { status, statusPicker } = storyWords(context).messages
    const picker = within(await form(context))
    await waitFor(() => expect(picker.getByRole('radio', { name: status.invisible })).toBeChecked(), SLOW)
    await expect(picker.getByRole('radio', { name: status.invisible })).toHaveAccessibleDescription(statusPicker.modes.invisible)
  },
}

/** The backend does not answer: the current status is not known yet. */
export const Loading: Story = {
  parameters: { presence: { network: 'loading' } },
  play: async ({ canvasElement, globals }) => {
    await expect(await within(canvasElement).findByText(storyWords({ globals }).messages.statusPicker.loading)).toBeVisible()
    await expect(within(canvasElement).getByRole('form')).toHaveAttribute('data-state', 'loading')
  },
}

/** The save is under way (no socket, and the PATCH never answers). */
export const Saving: Story = {
  parameters: { presence: { provider: { endpoints: { socket: null } } } },
  beforeEach: (context) => {
    addHandlers(
      context,
      http.patch('*/api/users/me/status/', ({ request }) => (fromStory(context, request) ? new Promise<never>(() => {}) : undefined)),
    )
  },
  play: async (context) => {
    const { status, statusPicker } = storyWords(context).messages
    const element = await form(context)
    const picker = within(element)
    await waitFor(() => expect(picker.getByRole('radio', { name: status.online })).toBeChecked(), SLOW)
    await userEvent.click(picker.getByRole('radio', { name: status.dnd }))
    await userEvent.click(picker.getByRole('button', { name: statusPicker.save }))
    const save = await picker.findByRole('button', { name: statusPicker.saving })
    await expect(save).toHaveAttribute('aria-disabled', 'true')
    await expect(element).toHaveAttribute('aria-busy', 'true')
    await expect(element).toHaveAttribute('data-state', 'pending')
    letGo()
  },
}

/** The save fails: the error is announced, and the choices are kept for another try. */
export const Error: Story = {
  parameters: { presence: { provider: { endpoints: { socket: null } } } },
  beforeEach: (context) => {
    addHandlers(
      context,
      http.patch('*/api/users/me/status/', ({ request }) =>
        fromStory(context, request)
          ? HttpResponse.json({ error: { code: 'unavailable', message: 'the presence service is down' } }, { status: 503 })
          : undefined,
      ),
    )
  },
  play: async (context) => {
    const { status, statusPicker } = storyWords(context).messages
    const picker = within(await form(context))
    await waitFor(() => expect(picker.getByRole('radio', { name: status.online })).toBeChecked(), SLOW)
    await userEvent.click(picker.getByRole('radio', { name: status.dnd }))
    await userEvent.click(picker.getByRole('button', { name: statusPicker.save }))
    // The detail is the server's own message.
    await expect(await picker.findByRole('alert')).toHaveTextContent(statusPicker.error('the presence service is down'))
    await expect(picker.getByRole('radio', { name: status.dnd })).toBeChecked()
    letGo()
  },
}

/** No token: the form is disabled. */
export const SignedOut: Story = {
  parameters: { presence: { as: null } },
  play: async (context) => {
    const { status, statusPicker } = storyWords(context).messages
    const picker = within(await form(context))
    await expect(picker.getByText(statusPicker.signedOut)).toBeVisible()
    await expect(picker.getByRole('radio', { name: status.away })).toBeDisabled()
  },
}

export const CustomPlaceholder: Story = { args: { title: 'Your status', messagePlaceholder: 'Lunch, back at 2' } }

export const Dark: Story = { parameters: { presence: { as: 'olivia_brown' } }, decorators: [dark] }

export const RightToLeft: Story = { parameters: { presence: { as: 'li_wei' } }, decorators: [rtl] }

/** The picker in light and dark, with li_wei's away and message filled in. */
export const AllVariants: Story = {
  tags: ['autodocs'],
  parameters: { presence: { as: 'li_wei' } },
  render: (args) => (
    <LightAndDark>{(_, theme, messages) => <StatusPicker {...args} title={`${messages.statusPicker.title} (${theme})`} />}</LightAndDark>
  ),
}
