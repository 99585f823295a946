import { contractSuite } from './contract/suite'
import { makeNodeDriver } from './contract/node-driver'

contractSuite('real Node server over real sockets', makeNodeDriver)
