export {
  fetchOrderAfterSales,
  createAfterSales,
  fetchAfterSalesPage,
  fetchAfterSales,
  cancelAfterSales,
  sendReturnShipment,
} from './api'
export {
  STATUS_WORDS,
  KIND_WORDS,
  REASON_WORDS,
  canCancel,
  refundWords,
  confirmedRefund,
  newestFirst,
  afterSalesUrl,
  applyUrl,
} from './status'
export { useOrderAfterSales, useAfterSalesList, useApplyAfterSales, useAfterSalesDetail } from './hooks'
export { AfterSalesSection } from './components/AfterSalesSection'
export { AfterSalesListView } from './components/AfterSalesListView'
export { ApplyForm } from './components/ApplyForm'
export { AfterSalesDetailView } from './components/AfterSalesDetailView'
