import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { Avatar } from '../../src/components/Avatar'
import { OnlineStatusIndicator, STATUS_LABELS } from '../../src/components/OnlineStatusIndicator'
import { dark, rtl } from '../support/frames'
import { storyWords } from '../support/messages'
import { LightAndDark, VariantGrid } from '../support/variants'

// An image cannot read the page's CSS variables: this is the kit's sans stack (Tailwind's --pk-font-sans) spelled
// out, at the initials' weight, so that the sample photo's letters match the initials fallback, not the serif default.
const SANS = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', Arial, sans-serif"
const svg = (fill: string, text: string) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="${fill}"/><text x="32" y="40" font-family="${SANS}" font-size="24" font-weight="600" text-anchor="middle" fill="#fff">${text}</text></svg>`)}`

const meta = {
  title: 'Components/Avatar',
  component: Avatar,
  args: { name: 'jane_smith', src: svg('#2563eb', 'JS'), size: 'md' },
  argTypes: { size: { control: 'inline-radio', options: ['sm', 'md', 'lg', 'xl'] } },
} satisfies Meta<typeof Avatar>

export default meta
type Story = StoryObj<typeof meta>

export const WithImage: Story = {}
export const Initials: Story = { args: { src: null } }

/** A broken image falls back to the initials. */
export const BrokenImage: Story = {
  args: { src: '/does-not-exist.png', name: 'ahmad' },
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByRole('img', { name: 'ahmad' })).toHaveTextContent('AH'))
  },
}

/** The badge is the kit's 12 px dot on every avatar but the 32 px one, which takes the 8 px dot (see Theming). */
export const Sizes: Story = {
  render: (args) => (
    <div className="pk:flex pk:items-end pk:gap-3">
      {(['sm', 'md', 'lg', 'xl'] as const).map((size) => (
        <Avatar key={size} {...args} size={size} indicator={<OnlineStatusIndicator status="online" badge size={size === 'sm' ? 'sm' : 'md'} />} />
      ))}
    </div>
  ),
}

export const WithIndicator: Story = { args: { indicator: <OnlineStatusIndicator status="dnd" badge /> } }
export const LongName: Story = { args: { src: null, name: 'aleksandr_konstantinopolsky_the_third' } }
export const Dark: Story = { args: { src: null, indicator: <OnlineStatusIndicator status="away" badge /> }, decorators: [dark] }
export const RightToLeft: Story = { args: { indicator: <OnlineStatusIndicator status="online" badge /> }, decorators: [rtl] }

const AVATAR_SIZES = { sm: 'Small', md: 'Medium', lg: 'Large', xl: 'Extra large' } as const
const AVATAR_COLUMNS = { picture: 'Picture', initials: 'Initials', ...STATUS_LABELS } as const
const isStatus = (column: string): column is keyof typeof STATUS_LABELS => column in STATUS_LABELS
type AvatarColumn = keyof typeof AVATAR_COLUMNS

/** Every size with a picture, with initials and with each status's badge, in light and dark. */
export const AllVariants: Story = {
  parameters: { layout: 'padded' },
  render: (args, context) => (
    <LightAndDark>
      {(_, name) => (
        <VariantGrid<keyof typeof AVATAR_SIZES, AvatarColumn>
          caption={`Avatar variants (${name})`}
          rowsAre="Size"
          rows={['sm', 'md', 'lg', 'xl']}
          columns={['picture', 'initials', 'online', 'away', 'dnd', 'offline', 'invisible']}
          // The statuses in the story's language, as the badges name themselves.
          label={(value) =>
            value in AVATAR_SIZES
              ? AVATAR_SIZES[value as keyof typeof AVATAR_SIZES]
              : isStatus(value)
                ? storyWords(context).messages.status[value]
                : AVATAR_COLUMNS[value as AvatarColumn]
          }
          cell={(size, column) =>
            column === 'picture' ? (
              <Avatar name={args.name} src={args.src} size={size} />
            ) : column === 'initials' ? (
              <Avatar name={args.name} src={null} size={size} />
            ) : (
              <Avatar name={args.name} src={null} size={size} indicator={<OnlineStatusIndicator status={column} badge />} />
            )
          }
        />
      )}
    </LightAndDark>
  ),
}
