// The MSW handlers need msw: without it, this fails to type-check (TS2307), and only this.
import { MockBackend } from 'presence-kit/mock'
import { createPresenceHandlers } from 'presence-kit/mock/msw'

export const handlers = createPresenceHandlers(new MockBackend())
