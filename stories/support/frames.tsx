import type { Decorator } from '@storybook/react-vite'

export const WIDTHS = { phone: 375, tablet: 768, desktop: 1280 } as const
export type Device = keyof typeof WIDTHS

/** Renders the story in a page of the device's width (the grid follows its container's width). */
export const onDevice =
  (device: Device): Decorator =>
  (Story) => (
    <div data-device={device} style={{ width: WIDTHS[device], maxWidth: '100%' }} className="p-4">
      <Story />
    </div>
  )

/** Dark mode around the story. */
export const dark: Decorator = (Story) => (
  <div data-theme="dark" className="dark rounded-lg bg-presence-surface p-6 text-presence-fg">
    <Story />
  </div>
)

/** Right-to-left around the story. */
export const rtl: Decorator = (Story) => (
  <div dir="rtl" lang="ar">
    <Story />
  </div>
)
