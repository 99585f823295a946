import { makeNodeDriver } from './contract/node-driver'
import { chatListActivitySuite } from './modes/chat-list-activity'
import { chatPollingSuite } from './modes/chat-polling'
import { chatSocketSuite } from './modes/chat-socket'
import { userStatusSocketSuite } from './modes/user-status-socket'
import { usersHeartbeatAdminSuite } from './modes/users-heartbeat-admin'
import { contractDefaultSuite } from './modes/contract-default'
import { backendsNodeOnlySuite } from './modes/node-only'

const transport = 'real Node server over real sockets'
chatSocketSuite(transport, makeNodeDriver)
userStatusSocketSuite(transport, makeNodeDriver)
chatPollingSuite(transport, makeNodeDriver)
chatListActivitySuite(transport, makeNodeDriver)
usersHeartbeatAdminSuite(transport, makeNodeDriver)
contractDefaultSuite(transport, makeNodeDriver)
backendsNodeOnlySuite()
