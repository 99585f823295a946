/**
 * Every component takes `ref` (React 19: a prop like any other) and spreads the rest of its props onto its root
 * element, so that a kit component can be the child of a Radix-style `asChild` trigger (Tooltip, Popover): the
 * trigger's ref, its `aria-*` and `data-*` props and its handlers all land on the component's root.
 */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import {
  Children,
  cloneElement,
  createRef,
  isValidElement,
  useState,
  type ComponentProps,
  type ReactElement,
  type ReactNode,
  type Ref,
} from 'react'
import { describe, expect, it } from 'vitest'
import {
  ActivityFeed,
  Avatar,
  ChatHeader,
  ConnectionBanner,
  OnlineStatusIndicator,
  OnlineUsers,
  PresenceToaster,
  StatusPicker,
  UserStatusProvider,
  UsersList,
} from '../../src'

// Compiles: a kit component takes a ref of its root's element type (TS2322 with ComponentPropsWithoutRef).
const avatarRef = createRef<HTMLSpanElement>()
export const typed = [
  <Avatar key="a" ref={avatarRef} name="Jane" />,
  <OnlineUsers key="o" ref={createRef<HTMLElement>()} />,
  <UsersList key="u" ref={createRef<HTMLDivElement>()} conversations={[]} />,
  <StatusPicker key="s" ref={createRef<HTMLFormElement>()} />,
  // @ts-expect-error a ref of something that is no element
  <Avatar key="x" ref={createRef<string>()} name="Jane" />,
]

/** An element of every root's type, so that one ref fits each component's `ref` prop. */
type AnyRoot = HTMLDivElement & HTMLSpanElement & HTMLFormElement
type Case = [name: string, rootSlot: string, render: (props: Record<string, unknown> & { ref: Ref<AnyRoot> }) => ReactNode]

const CASES: Case[] = [
  ['ActivityFeed', 'activity-feed', (p) => <ActivityFeed {...p} />],
  ['Avatar', 'avatar', (p) => <Avatar name="Jane Smith" {...p} />],
  ['ChatHeader', 'chat-header', (p) => <ChatHeader userId={2} name="jane_smith" {...p} />],
  ['ConnectionBanner', 'connection-banner', (p) => <ConnectionBanner {...p} />],
  ['OnlineStatusIndicator (static)', 'status-indicator', (p) => <OnlineStatusIndicator status="away" {...p} />],
  ['OnlineStatusIndicator (live)', 'status-indicator', (p) => <OnlineStatusIndicator userId={2} {...p} />],
  ['OnlineUsers', 'online-users', (p) => <OnlineUsers {...p} />],
  ['PresenceToaster', 'presence-toaster', (p) => <PresenceToaster {...p} />],
  ['StatusPicker', 'status-picker', (p) => <StatusPicker {...p} />],
  ['UsersList', 'users-list', (p) => <UsersList conversations={[]} {...p} />],
]

describe.each(CASES)('%s', (_, slot, renderComponent) => {
  it('puts the ref, data-*, aria-*, id and handlers on its root element', async () => {
    const ref = createRef<AnyRoot>()
    let clicked = 0
    render(
      <UserStatusProvider token={null} apiBaseUrl="http://127.0.0.1:9">
        {renderComponent({ ref, id: 'the-root', 'data-testid': 'root', 'aria-describedby': 'help', onClick: () => clicked++ })}
      </UserStatusProvider>,
    )
    const root = screen.getByTestId('root')
    expect(ref.current).toBe(root)
    expect(root).toHaveAttribute('data-slot', slot)
    expect(root).toHaveAttribute('id', 'the-root')
    expect(root).toHaveAttribute('aria-describedby', 'help')
    root.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    expect(clicked).toBe(1)
  })
})

/** Radix's Slot in miniature: the trigger's props and ref, merged onto its only child (handlers composed). */
function Slot({ children, ref, ...props }: { children: ReactNode; ref: Ref<HTMLElement> } & Record<string, unknown>) {
  const child = Children.only(children)
  if (!isValidElement<Record<string, unknown>>(child)) throw new Error('Slot needs one element')
  const own = child.props
  const onClick = (event: unknown) => {
    ;(own.onClick as ((e: unknown) => void) | undefined)?.(event)
    ;(props.onClick as (e: unknown) => void)(event)
  }
  return cloneElement(child as ReactElement<Record<string, unknown>>, { ...props, ...own, onClick, ref })
}

function PopoverTrigger({ children, triggerRef }: { children: ReactNode; triggerRef: Ref<HTMLElement> }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Slot ref={triggerRef} aria-haspopup="dialog" aria-expanded={open} aria-controls="pop" data-popover={open ? 'open' : 'closed'} onClick={() => setOpen(!open)}>
        {children}
      </Slot>
      {open && <div id="pop" role="dialog" aria-label="Profile" />}
    </>
  )
}

describe('as an asChild trigger', () => {
  it.each([
    ['Avatar', (p: ComponentProps<'span'>) => <Avatar name="Jane Smith" tabIndex={0} {...p} />],
    ['OnlineStatusIndicator', (p: ComponentProps<'span'>) => <OnlineStatusIndicator status="dnd" tabIndex={0} {...p} />],
  ])('%s opens and closes a popover, and is its anchor', async (_, Component) => {
    const triggerRef = createRef<HTMLElement>()
    render(
      <PopoverTrigger triggerRef={triggerRef}>
        <Component />
      </PopoverTrigger>,
    )
    const trigger = triggerRef.current!
    expect(trigger).toHaveAttribute('aria-haspopup', 'dialog')
    expect(trigger).toHaveAttribute('aria-expanded', 'false')
    await userEvent.click(trigger)
    expect(screen.getByRole('dialog', { name: 'Profile' })).toBeInTheDocument()
    expect(trigger).toHaveAttribute('aria-expanded', 'true')
    expect(trigger).toHaveAttribute('data-popover', 'open')
    await userEvent.click(trigger)
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})
