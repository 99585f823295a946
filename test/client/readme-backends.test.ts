// The README's table of backends ("Pointing the kit at your backend") against the presets it describes: a team
// reads its row to know what the kit will call, so a behaviour of the preset that the row leaves out is a surprise.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { presets, type BackendPreset } from '../../src/client'

const readme = readFileSync(path.join(import.meta.dirname, '../../README.md'), 'utf8')
const section = readme.slice(readme.indexOf('## Pointing the kit at your backend'), readme.indexOf('### What the kit accepts from a backend'))
const row = (name: BackendPreset) => section.split('\n').find((line) => line.startsWith(`| \`'${name}'\``)) ?? ''

describe("README: Pointing the kit at your backend", () => {
  const withSocket = (Object.keys(presets) as BackendPreset[]).filter((name) => presets[name].endpoints.socket !== null)

  it.each(withSocket)('%s: the row says how often the list is polled while the socket cannot be had', (name) => {
    const { listIntervalMs, endpoints } = presets[name]
    expect(endpoints.onlineUsers).not.toBeNull()
    expect(row(name)).toMatch(new RegExp(`every ${listIntervalMs / 1000} s while the socket cannot be had`))
  })

  const withoutSocket = (Object.keys(presets) as BackendPreset[]).filter((name) => presets[name].endpoints.socket === null)

  // The list is read on a timer that stops while the page is hidden: where a read is the caller's sign of life
  // (chat-list-activity) that makes a hidden tab offline, so the row must say it.
  it.each(withoutSocket)('%s: the row says the list poll pauses while hidden', (name) => {
    const cells = row(name).split(' | ')
    expect(cells[1]).toMatch(new RegExp(`every ${presets[name].listIntervalMs / 1000} s \\([^)]*paused while hidden`))
  })
})
