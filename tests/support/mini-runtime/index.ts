/** A mini-program runtime for tests: runs the compiled bundle in Node against the real server. */
export { launch, relaunch, MiniProgram, defaultDistDir, type LaunchOptions } from './runtime'
export { MiniPage, type SetDataRecord } from './page'
export { Packages, type PackageLoad, type Subpackage } from './packages'
export { MiniStorage, type UiLog } from './platform-api'
export {
  AlipayServices,
  CASHIER_OUTCOME,
  GET_ADDRESS,
  type GetAddressAnswer,
  type TradePayCall,
} from './alipay-services'
export { Scope, type FindOptions } from './scope'
export { waitFor, type WaitOptions } from './wait'
export { textContent, type MiniNode } from './data-tree'
