/**
 * How long a component's docs page takes to fill, and how tall it is, in headless Chromium against a static build:
 *
 *   npx storybook build -o storybook-static
 *   node --import tsx .storybook/measure-docs-page.ts storybook-static [baseline-static-dir] [--id components-onlineusers]
 *
 * With a baseline (a build of main, say), both are measured in the same run, alternately, and printed side by side.
 * "Filled": every story on the page has rendered and every live card, list or feed on it has left its loading state
 * (except in a story whose very point is loading). Each figure is the median of the runs.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { chromium } from 'playwright'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.config.ts'

const RUNS = 3
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png' }

function serve(dir: string): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    let file = path.join(dir, decodeURIComponent(url.pathname))
    if (!file.startsWith(path.resolve(dir))) return void response.writeHead(403).end()
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html')
    if (!existsSync(file)) return void response.writeHead(404).end()
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(response)
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

interface Figures {
  ms: number
  height: number
  stories: number
}

async function measure(origin: string, docsId: string): Promise<Figures> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const start = Date.now()
    await page.goto(`${origin}/iframe.html?id=${docsId}--docs&viewMode=docs`)
    await page.waitForFunction(
      () => {
        const stories = [...document.querySelectorAll<HTMLElement>('[id^="anchor--"]')]
        if (stories.length === 0) return false
        const rendered = stories.every((story) => story.querySelector('[data-slot="story-root"]'))
        const settling = stories.filter((story) => !/--loading$/.test(story.id)).some((story) =>
          story.querySelector('[data-state="loading"], [data-state="pending"], [aria-busy="true"]'),
        )
        return rendered && !settling
      },
      undefined,
      { timeout: 120_000, polling: 50 },
    )
    const ms = Date.now() - start
    const { height, stories } = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      stories: document.querySelectorAll('[id^="anchor--"]').length,
    }))
    return { ms, height, stories }
  } finally {
    await browser.close()
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

const args = process.argv.slice(2)
const idFlag = args.indexOf('--id')
const docsId = idFlag >= 0 ? args.splice(idFlag, 2)[1]! : 'components-onlineusers'
const dirs = args.map((dir) => path.resolve(dir))
if (dirs.length === 0) throw new Error('usage: measure-docs-page.ts <static-dir> [baseline-static-dir] [--id components-x]')

const servers = await Promise.all(dirs.map(serve))
const origins = servers.map((server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`)
const results: Figures[][] = dirs.map(() => [])
for (let run = 0; run < RUNS; run++) {
  for (const [i, origin] of origins.entries()) results[i]!.push(await measure(origin, docsId))
}
for (const server of servers) server.close()

console.log(`${docsId} docs page, median of ${RUNS} runs, Chromium headless, 1280×900:`)
for (const [i, dir] of dirs.entries()) {
  const runs = results[i]!
  console.log(
    `  ${path.relative(process.cwd(), dir) || dir}: filled in ${median(runs.map((r) => r.ms))} ms (runs ${runs.map((r) => r.ms).join(', ')}), ` +
      `${median(runs.map((r) => r.height))} px tall, ${runs[0]!.stories} stories`,
  )
}
