import { makeMswDriver } from './contract/msw-driver'
import { chatListActivitySuite } from './modes/chat-list-activity'
import { chatPollingSuite } from './modes/chat-polling'
import { chatSocketSuite } from './modes/chat-socket'
import { userStatusSocketSuite } from './modes/user-status-socket'
import { usersHeartbeatAdminSuite } from './modes/users-heartbeat-admin'
import { contractDefaultSuite } from './modes/contract-default'

const transport = 'MSW handlers in process'
chatSocketSuite(transport, makeMswDriver)
userStatusSocketSuite(transport, makeMswDriver)
chatPollingSuite(transport, makeMswDriver)
chatListActivitySuite(transport, makeMswDriver)
usersHeartbeatAdminSuite(transport, makeMswDriver)
contractDefaultSuite(transport, makeMswDriver)
