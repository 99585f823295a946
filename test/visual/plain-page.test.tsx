/**
 * The kit on a plain page: no reset of the host's at all, only the browser's own styles and the built stylesheet
 * (dist/styles.css, as the package ships it). A fieldset's groove border, padding and margin and a legend's padding
 * (browser defaults, reset by base.css and by the component's own classes) would draw two nested boxes around the
 * StatusPicker's modes. Needs `npm run build` (`npm test` runs it first).
 */
import { createRoot } from 'react-dom/client'
import { afterEach, expect, it } from 'vitest'
import kitCss from '../../dist/styles.css?raw'
import { StatusPicker, UserStatusProvider } from '../../src'

let frame: HTMLIFrameElement | null = null
afterEach(() => {
  frame?.remove()
  frame = null
})

function plainPage(): Document {
  frame = document.createElement('iframe')
  frame.style.cssText = 'width: 600px; height: 700px; border: 0'
  document.body.append(frame)
  const doc = frame.contentDocument!
  doc.open()
  doc.write(`<!doctype html><html lang="en"><head><style id="kit-css"></style></head><body><div id="kit"></div></body></html>`)
  doc.close()
  doc.getElementById('kit-css')!.textContent = kitCss
  return doc
}

it("StatusPicker's fieldsets and legend have none of the browser's border, padding or margin on a page without a reset", async () => {
  const doc = plainPage()
  const root = createRoot(doc.getElementById('kit')!)
  root.render(
    <UserStatusProvider token={null} apiBaseUrl="http://127.0.0.1:9">
      <StatusPicker />
    </UserStatusProvider>,
  )
  await expect.poll(() => doc.querySelectorAll('[data-slot="status-picker"] fieldset').length).toBe(2)
  const view = doc.defaultView!
  for (const fieldset of Array.from(doc.querySelectorAll('[data-slot="status-picker"] fieldset'))) {
    const style = view.getComputedStyle(fieldset)
    expect([style.borderTopWidth, style.borderLeftWidth, style.paddingTop, style.paddingLeft, style.marginLeft]).toEqual(['0px', '0px', '0px', '0px', '0px'])
  }
  const legend = view.getComputedStyle(doc.querySelector('[data-slot="status-picker"] legend')!)
  expect([legend.paddingLeft, legend.paddingRight]).toEqual(['0px', '0px'])
  root.unmount()
})
