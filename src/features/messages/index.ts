export { ShippedSubscriptionOffer } from './components/ShippedSubscriptionOffer'
export { useShippedSubscription, type OfferState } from './useShippedSubscription'
export { currentSubscribeAdapter, type SubscribeAdapter, type SubscribeOutcome } from './adapters'
