import type { Decorator } from '@storybook/react-vite'
import { CanvasScope } from './canvas'

export const WIDTHS = { phone: 375, tablet: 768, desktop: 1280 } as const
export type Device = keyof typeof WIDTHS

declare module 'storybook/internal/csf' {
  interface Parameters {
    /** The width the story is laid out at, for components whose layout follows their container. */
    device?: Device
  }
}

/** Lays the story out at `parameters.device`'s width, when it has one (a grid follows its container's width). */
export const withDevice: Decorator = (Story, { parameters }) => {
  const device = parameters.device
  if (!device) return <Story />
  return (
    <div data-device={device} style={{ width: WIDTHS[device], maxWidth: '100%' }} className="pk:p-4">
      <Story />
    </div>
  )
}

/**
 * The story at a device's width, in the canvas and in the viewport toolbar: the viewport is the device (its width is
 * the frame's, `WIDTHS`), and the frame fills it edge to edge (`layout: 'fullscreen'`), its own padding the page's
 * gutter — as on the phone.
 */
export const onDevice = (device: Device) => ({
  parameters: { device, layout: 'fullscreen' },
  globals: { viewport: { value: device, isRotated: false } },
})

const HEIGHTS: Record<Device, number> = { phone: 667, tablet: 1024, desktop: 800 }
const NAMES: Record<Device, string> = { phone: 'Phone', tablet: 'Tablet', desktop: 'Desktop' }
const TYPES = { phone: 'mobile', tablet: 'tablet', desktop: 'desktop' } as const

/**
 * The viewport toolbar's devices (`parameters.viewport.options` in preview.tsx): the same widths as the frames, so
 * that a phone story is a 375 px page in a 375 px viewport (Storybook's own "Large mobile" is 414 px wide).
 */
export const VIEWPORTS = Object.fromEntries(
  (Object.keys(WIDTHS) as Device[]).map((device) => [
    device,
    { name: `${NAMES[device]} (${WIDTHS[device]} px)`, styles: { width: `${WIDTHS[device]}px`, height: `${HEIGHTS[device]}px` }, type: TYPES[device] },
  ]),
)

/**
 * The story in dark mode whatever the toolbar says: in the story view the whole canvas turns dark; on a docs page
 * the story paints its own dark surface.
 */
export const dark: Decorator = (Story, { viewMode }) => (
  <CanvasScope theme="dark" ownsDocument={viewMode !== 'docs'} paint={viewMode === 'docs'}>
    <Story />
  </CanvasScope>
)

/**
 * The story right to left whatever the toolbar says (the whole canvas in the story view), in the toolbar's language:
 * its `lang` stays the language its words are in (pick Arabic in the toolbar for an Arabic page).
 */
export const rtl: Decorator = (Story, { viewMode }) => (
  <CanvasScope dir="rtl" ownsDocument={viewMode !== 'docs'}>
    <Story />
  </CanvasScope>
)
