import { describe, expect, it } from 'vitest'
import { connect, login, type MakeDriver } from '../contract/driver'
import { CONTRACT_ROUTES, CONTROL_ROUTES } from './helpers'

/** The contract stays the default and whole: its own suite (contract/suite.ts) runs unchanged beside this. */
export function contractDefaultSuite(transport: string, makeDriver: MakeDriver) {
  describe(`backend contract is the default, unchanged: ${transport}`, () => {
    it('no backend given is the contract: the same document, every contract route, both sockets with a snapshot first', async () => {
      // One at a time: two sets of MSW handlers in one process would both answer every request.
      const named = await makeDriver({ backend: 'contract' })
      const document = named.openapi.document
      await named.close()
      const byDefault = await makeDriver()
      try {
        expect(byDefault.openapi.document).toEqual(document)
        const listed = Object.entries<Record<string, unknown>>(byDefault.openapi.document.paths).flatMap(([path, item]) =>
          Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
        )
        expect(listed.sort()).toEqual([...CONTRACT_ROUTES, 'GET /api/openapi.json', ...CONTROL_ROUTES].sort())
        expect(byDefault.openapi.document.info.title).toBe('presence kit mock backend')
        const u = await login(byDefault, 'john_doe')
        for (const path of ['/ws/user-status/', '/ws/chat/']) {
          const socket = await connect(byDefault, u.access, path)
          expect(socket.snapshot.onlineUsers.map((x: { id: number }) => x.id)).toContain(u.user.id)
        }
        expect(byDefault.frameErrors).toEqual([])
      } finally {
        await byDefault.close()
      }
    })
  })
}
