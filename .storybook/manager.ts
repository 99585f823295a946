import { addons } from 'storybook/manager-api'
import { create } from 'storybook/theming'
import { kitThemes } from './brand'

declare global {
  /** theme.css as text, put in the manager's page by main.ts (`managerHead`): the manager is not built by Vite. */
  var PRESENCE_KIT_THEME_CSS: string | undefined
}

const themes = kitThemes(globalThis.PRESENCE_KIT_THEME_CSS ?? '')
// The manager follows the designer's system setting; the toolbar's theme switches the canvas and the docs.
const scheme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'

addons.setConfig({ theme: create(themes[scheme]) })
