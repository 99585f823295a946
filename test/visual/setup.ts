import { setProjectAnnotations } from '@storybook/react-vite'
import * as a11y from '@storybook/addon-a11y/preview'
import { beforeAll } from 'vitest'
import * as preview from '../../.storybook/preview'
import { useTestFonts } from './fonts'

setProjectAnnotations([a11y, preview])

beforeAll(useTestFonts)
