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

/** The story at a device's width, in the canvas and in the viewport toolbar. */
export const onDevice = (device: Device) => ({
  parameters: { device },
  globals: { viewport: { value: VIEWPORTS[device] } },
})

const VIEWPORTS: Record<Device, string> = { phone: 'mobile2', tablet: 'tablet', desktop: 'desktop' }

/**
 * The story in dark mode whatever the toolbar says: in the story view the whole canvas turns dark; on a docs page
 * the story paints its own dark surface.
 */
export const dark: Decorator = (Story, { viewMode }) => (
  <CanvasScope theme="dark" ownsDocument={viewMode !== 'docs'} paint={viewMode === 'docs'}>
    <Story />
  </CanvasScope>
)

/** The story right to left whatever the toolbar says (the whole canvas in the story view), in Arabic. */
export const rtl: Decorator = (Story, { viewMode }) => (
  <CanvasScope dir="rtl" ownsDocument={viewMode !== 'docs'}>
    <div lang="ar" style={{ display: 'contents' }}>
      <Story />
    </div>
  </CanvasScope>
)
