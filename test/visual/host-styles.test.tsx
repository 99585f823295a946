/**
 * The built stylesheet (dist/styles.css, as the package ships it) changes nothing outside the kit: in a page of a
 * host app of its own (an iframe, away from the test page's styles), every computed property of the host's
 * elements is the same with the kit's stylesheet as without it, whichever of the two stylesheets comes first; and
 * the kit's components still render as designed, whatever the host's element rules, its own `.flex` / `.p-4` or its
 * Tailwind's preflight. Needs `npm run build` (`npm test` runs it first).
 */
import { createRoot } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import kitCss from '../../dist/styles.css?raw'
import { Avatar, ChatHeader, OnlineStatusIndicator, OnlineUsers, StatusPicker, UserStatusProvider, UsersList, type Conversation } from '../../src'
import hostileHostCss from './host/hostile-host.css?raw'
import plainHostCss from './host/plain-host.css?raw'
import tailwindHostCss from './host/tailwind-host.css?inline'

const HOST_BODY = `
  <h1 id="host-h1">The host's title</h1>
  <p id="host-p">The host's paragraph</p>
  <form id="host-form"><input id="host-input" value="typed"><button id="host-button" type="button">Send</button></form>
  <div id="host-utility" class="flex p-4 gap-2 text-sm border rounded-lg"><span>a</span><span>b</span></div>
  <h2 id="host-h2">A section</h2>
  <fieldset id="host-fieldset"><legend id="host-legend">Choose</legend><label id="host-label">A <select id="host-select"><option>x</option></select></label><textarea id="host-textarea">t</textarea></fieldset>
  <ul id="host-ul"><li id="host-li">An item at <time id="host-time">10:00</time> <a id="host-a" href="#x">a link</a></li></ul>
  <ol id="host-ol"><li>one</li></ol>
  <img id="host-img" alt="" width="8" height="8" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='8' height='8'/%3E">
  <svg id="host-svg" width="8" height="8"></svg>
  <div id="kit"></div>`
const HOST_ELEMENTS = [
  'host-h1', 'host-p', 'host-form', 'host-input', 'host-button', 'host-utility', 'host-h2', 'host-fieldset', 'host-legend', 'host-label',
  'host-select', 'host-textarea', 'host-ul', 'host-li', 'host-time', 'host-a', 'host-ol', 'host-img', 'host-svg',
] as const

let frame: HTMLIFrameElement | null = null
afterEach(() => {
  frame?.remove()
  frame = null
})

async function hostPage(hostCss: string): Promise<Document> {
  frame = document.createElement('iframe')
  frame.style.cssText = 'width: 900px; height: 700px; border: 0'
  document.body.append(frame)
  const doc = frame.contentDocument!
  doc.open()
  doc.write(`<!doctype html><html lang="en"><head><style id="host-css"></style></head><body>${HOST_BODY}</body></html>`)
  doc.close()
  doc.getElementById('host-css')!.textContent = hostCss
  return doc
}

/** Every computed property of an element (its own custom properties aside: the kit's are `--pk-…`, the host's none). */
function computed(el: Element): Record<string, string> {
  const style = el.ownerDocument.defaultView!.getComputedStyle(el)
  const out: Record<string, string> = {}
  for (const name of Array.from(style)) if (!name.startsWith('--')) out[name] = style.getPropertyValue(name)
  return out
}

const hostStyles = (doc: Document) => Object.fromEntries(HOST_ELEMENTS.map((id) => [id, computed(doc.getElementById(id)!)]))

function addKitStylesheet(doc: Document, position: 'before' | 'after') {
  const style = doc.createElement('style')
  style.dataset.kit = ''
  style.textContent = kitCss
  const host = doc.getElementById('host-css')!
  if (position === 'before') host.before(style)
  else host.after(style)
}

async function renderKit(doc: Document) {
  const root = createRoot(doc.getElementById('kit')!)
  root.render(
    <UserStatusProvider token={null} apiBaseUrl="http://127.0.0.1:9">
      <ChatHeader userId={2} name="jane_smith" onBack={() => {}} />
      <Avatar name="Jane Smith" indicator={<OnlineStatusIndicator status="offline" badge />} />
      <OnlineStatusIndicator status="online" size="lg" />
    </UserStatusProvider>,
  )
  await expect.poll(() => doc.querySelector('[data-slot="chat-header"]')).not.toBeNull()
  return root
}

const kit = (doc: Document) => ({
  back: computed(doc.querySelector('[data-slot="chat-header"] button')!),
  name: computed(doc.querySelector('[data-slot="chat-header-name"]')!),
  avatar: computed(doc.querySelector('[data-slot="avatar"]')!),
  ring: computed(doc.querySelector('[data-slot="status-indicator"][data-status="offline"]')!),
  dot: computed(doc.querySelector('[data-slot="status-indicator"][data-status="online"]')!),
  shape: computed(doc.querySelector('[data-slot="status-indicator"][data-status="online"] svg')!),
})

const HOSTS = [
  ['a host without Tailwind (element rules, its own .flex and .p-4, an unlayered reset)', plainHostCss],
  ['a host on its own Tailwind 4 (preflight, the same utility names)', tailwindHostCss],
] as const
const HOSTILE = ['a host with hostile element rules (img, button, h2, p, label, time, ul, li, fieldset, legend, a)', hostileHostCss] as const

describe.each([...HOSTS, HOSTILE])('the kit in %s', (_, hostCss) => {
  it.each(['before', 'after'] as const)("leaves every host element's computed style as it was (kit stylesheet %s the host's)", async (position) => {
    const doc = await hostPage(hostCss)
    const root = await renderKit(doc)
    const without = hostStyles(doc)
    expect(Object.keys(without['host-h1']!).length).toBeGreaterThan(200)
    addKitStylesheet(doc, position)
    expect(hostStyles(doc)).toEqual(without)
    root.unmount()
  })
})

describe.each(HOSTS)('the kit in %s', (_, hostCss) => {
  it('renders the kit styled, not with the host element rules', async () => {
    const doc = await hostPage(hostCss)
    const root = await renderKit(doc)
    addKitStylesheet(doc, 'before')
    const { back, name, avatar, ring, dot, shape } = kit(doc)
    // The back button: the kit's 36 px round button, none of the host's button padding, border or colours.
    expect([back.width, back.height, back['padding-left'], back['border-top-width'], back['background-color']]).toEqual(['36px', '36px', '0px', '0px', 'rgba(0, 0, 0, 0)'])
    expect(back['border-top-left-radius']).not.toBe('0px')
    // The name, an h2: the kit's 16 px semibold without margins, not the host's 33 px with 30 px margins.
    expect([name['font-size'], name['font-weight'], name['margin-top']]).toEqual(['16px', '600', '0px'])
    expect([avatar.width, avatar.height]).toEqual(['40px', '40px'])
    // The badge's 2 px white ring (a box shadow) and its 12 px size survive a reset that zeroes every border and
    // makes boxes content-box; its shape, an SVG, is drawn at the dot's size in the status colour.
    expect(ring['box-shadow']).toContain('rgb(255, 255, 255) 0px 0px 0px 2px')
    expect([ring['box-sizing'], ring.width, ring['background-color']]).toEqual(['border-box', '12px', 'rgb(255, 255, 255)'])
    expect([dot.width, dot.color]).toEqual(['16px', 'rgb(46, 204, 113)'])
    expect(shape.display === 'block' && shape.width === '16px').toBe(true)
    root.unmount()
  })
})

it("without the kit's stylesheet, the host's rules do reach the kit's elements (what the checks above rule out)", async () => {
  const doc = await hostPage(plainHostCss)
  const root = await renderKit(doc)
  const { back, name } = kit(doc)
  expect([back['padding-left'], back['background-color']]).toEqual(['21px', 'rgb(255, 0, 255)'])
  expect(name['font-size']).toBe('33px')
  root.unmount()
})

// What a host's element rules plausibly set: none of it may reach the kit's elements.
const TYPOGRAPHY_AND_BOX = [
  'text-transform', 'text-decoration-line', 'font-weight', 'font-style', 'font-size', 'line-height', 'letter-spacing', 'word-spacing',
  'text-indent', 'text-align', 'color', 'list-style-type', 'list-style-position', 'fill', 'stroke',
  ...['top', 'right', 'bottom', 'left'].flatMap((side) => [`margin-${side}`, `padding-${side}`, `border-${side}-width`, `border-${side}-style`]),
]

const AVATAR = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='40' height='40'%3E%3Crect width='40' height='40' fill='%2300f'/%3E%3C/svg%3E"
const CONVERSATIONS: Conversation[] = [
  {
    id: 'c1',
    otherUser: { id: 'u1', username: 'jane_smith', profileImage: AVATAR, statusMessage: null, lastSeen: null, status: 'online', isOnline: true },
    lastMessage: { text: 'See you at the standup!', sentAt: Date.UTC(2025, 5, 2, 12, 0), senderId: 'u1' },
    unreadCount: 2,
  },
]

async function renderHostileKit(doc: Document) {
  const root = createRoot(doc.getElementById('kit')!)
  root.render(
    <UserStatusProvider token={null} apiBaseUrl="http://127.0.0.1:9">
      <ChatHeader userId={2} name="jane_smith" onBack={() => {}} />
      <Avatar name="Jane Smith" src={AVATAR} indicator={<OnlineStatusIndicator status="offline" badge />} />
      <UsersList conversations={CONVERSATIONS} height={200} />
      <StatusPicker />
      <OnlineUsers />
    </UserStatusProvider>,
  )
  await expect.poll(() => doc.querySelector('[data-slot="online-users-signed-out"]')).not.toBeNull()
  await expect.poll(() => doc.querySelectorAll('#kit img').length).toBe(2)
  await expect.poll(() => doc.querySelector('[data-slot="users-list-time"]')).not.toBeNull()
  await expect.poll(() => doc.querySelectorAll('[data-slot="status-picker"] fieldset').length).toBe(2)
  return root
}

/** The listed properties of every element the kit rendered, keyed by its tag, slot and position. */
function kitStyles(doc: Document): Record<string, Record<string, string>> {
  const view = doc.defaultView!
  const out: Record<string, Record<string, string>> = {}
  Array.from(doc.querySelectorAll('#kit *')).forEach((el, i) => {
    const style = view.getComputedStyle(el)
    out[`${i} ${el.localName}${el.getAttribute('data-slot') ? `[${el.getAttribute('data-slot')}]` : ''}`] = Object.fromEntries(TYPOGRAPHY_AND_BOX.map((name) => [name, style.getPropertyValue(name)]))
  })
  return out
}

describe("the kit's elements in a host with hostile element rules", () => {
  it.each(['before', 'after'] as const)("keep the kit's own styles, none of the host's (kit stylesheet %s the host's)", async (position) => {
    const doc = await hostPage('')
    const root = await renderHostileKit(doc)
    addKitStylesheet(doc, position)
    const view = doc.defaultView!
    const labels = Array.from(doc.querySelectorAll('[data-slot="status-picker"] label'))
    expect(labels.length).toBeGreaterThan(3)
    const labelWeights = labels.map((label) => view.getComputedStyle(label).fontWeight)
    const clean = kitStyles(doc)
    doc.getElementById('host-css')!.textContent = hostileHostCss
    const style = (selector: string) => view.getComputedStyle(doc.querySelector(selector)!)
    // The reported cases, one by one.
    for (const img of Array.from(doc.querySelectorAll('#kit img'))) {
      const s = view.getComputedStyle(img)
      expect([s.borderTopWidth, s.borderLeftWidth, s.marginTop, s.paddingTop]).toEqual(['0px', '0px', '0px', '0px'])
    }
    for (const button of Array.from(doc.querySelectorAll('#kit button'))) {
      const s = view.getComputedStyle(button)
      expect([s.textTransform, s.textDecorationLine, s.fontStyle, s.letterSpacing]).toEqual(['none', 'none', 'normal', 'normal'])
    }
    for (const heading of Array.from(doc.querySelectorAll('#kit h2'))) {
      const s = view.getComputedStyle(heading)
      expect([s.textDecorationLine, s.textTransform, s.fontStyle, s.marginTop, s.borderBottomWidth]).toEqual(['none', 'none', 'normal', '0px', '0px'])
    }
    expect(labels.map((label) => view.getComputedStyle(label).fontWeight)).toEqual(labelWeights)
    expect(style('[data-slot="status-picker-option"] [id$="-description"]').fontWeight).toBe('400')
    expect([style('[data-slot="users-list-time"]').fontStyle, style('[data-slot="users-list-time"]').textDecorationLine]).toEqual(['normal', 'none'])
    expect([style('[data-slot="status-picker"] fieldset').borderTopWidth, style('[data-slot="status-picker"] legend').paddingLeft]).toEqual(['0px', '0px'])
    // And every listed property of every element the kit rendered, as it was without the host's rules.
    expect(kitStyles(doc)).toEqual(clean)
    root.unmount()
  })
})
