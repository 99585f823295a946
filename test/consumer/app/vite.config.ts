import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// An app on its own Tailwind 4: its stylesheet (src/app.css) and the kit's (src/presence-kit.css), each compiled by it.
export default defineConfig({ plugins: [react(), tailwindcss()] })
