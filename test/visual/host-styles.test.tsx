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
import { Avatar, ChatHeader, OnlineStatusIndicator, UserStatusProvider } from '../../src'
import plainHostCss from './host/plain-host.css?raw'
import tailwindHostCss from './host/tailwind-host.css?inline'

const HOST_BODY = `
  <h1 id="host-h1">The host's title</h1>
  <p id="host-p">The host's paragraph</p>
  <form id="host-form"><input id="host-input" value="typed"><button id="host-button" type="button">Send</button></form>
  <div id="host-utility" class="flex p-4 gap-2 text-sm border rounded-lg"><span>a</span><span>b</span></div>
  <div id="kit"></div>`
const HOST_ELEMENTS = ['host-h1', 'host-p', 'host-form', 'host-input', 'host-button', 'host-utility'] as const

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

describe.each(HOSTS)('the kit in %s', (_, hostCss) => {
  it.each(['before', 'after'] as const)("leaves every host element's computed style as it was (kit stylesheet %s the host's)", async (position) => {
    const doc = await hostPage(hostCss)
    const root = await renderKit(doc)
    const without = hostStyles(doc)
    expect(Object.keys(without['host-h1']!).length).toBeGreaterThan(200)
    addKitStylesheet(doc, position)
    expect(hostStyles(doc)).toEqual(without)
    root.unmount()
  })

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
