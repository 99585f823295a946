import type { ControlStatus, MockBackend } from './backend'
import { visibleStatus } from './core/status'
import { isolated } from './isolate'

/** Users whose logins people try by hand are left alone, so that the simulation never fights a demo. */
const RESERVED = new Set(['ahmad', 'jane_smith', 'john_doe', 'admin'])

const MESSAGES = ['In a meeting', 'Back in 10', 'Deep work', 'On the train', null, null]

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Demo users come online, step away, go busy and leave every few seconds. Returns a stop function. */
export function startSimulation(backend: MockBackend, options: { intervalMs?: number; seed?: number }): () => void {
  const random = mulberry32(options.seed ?? 2026)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!

  const step = () => {
    const { presence } = backend
    presence.evaluate()
    const now = presence.clock.now()
    const cast = [...presence.users].filter((u) => !RESERVED.has(u.username) && !backend.hasSocket(u.id))
    if (!cast.length) return
    const user = pick(cast)
    const online = cast.filter((u) => visibleStatus(u, now, presence.timing) !== 'offline').length
    // Keep roughly a third to two thirds of the cast online, so the page is never empty nor full.
    const leaning: ControlStatus[] =
      online < cast.length / 3
        ? ['online', 'online', 'away']
        : online > (2 * cast.length) / 3
          ? ['offline', 'offline', 'away']
          : ['online', 'away', 'dnd', 'offline', 'offline']
    // A backend without away or dnd gets plain online instead.
    const status = leaning.map((s) => (backend.controlStatuses.includes(s) ? s : 'online'))[Math.floor(random() * leaning.length)]!
    if (status !== 'offline' && backend.mode.messages && random() < 0.3) {
      presence.setStatus(user.id, { statusMessage: pick(MESSAGES) })
    }
    backend.applyPresence(user.id, status)
  }

  const timer = setInterval(() => isolated('a simulation step', step), options.intervalMs ?? 3000)
  ;(timer as { unref?: () => void }).unref?.()
  return () => clearInterval(timer)
}
