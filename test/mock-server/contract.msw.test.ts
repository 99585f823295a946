import { contractSuite } from './contract/suite'
import { makeMswDriver } from './contract/msw-driver'

contractSuite('MSW handlers in process', makeMswDriver)
