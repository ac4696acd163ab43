/** An address the platform's own address book handed over, as the platform spells it. */
export interface PlatformAddress {
  name: string
  phone: string
  province: string
  city: string
  district: string
  /** The street and house, possibly starting with the province, city and district again. */
  detail: string
}

/**
 * What asking the platform for the buyer's address ends in: an address chosen, the buyer going
 * back without one (nothing changes), or a failure with the platform's code for the message.
 */
export type PlatformAddressOutcome =
  | { kind: 'chosen'; address: PlatformAddress }
  | { kind: 'cancelled' }
  | { kind: 'failed'; code: string; message?: string }

/** One per platform that keeps the buyer's addresses (today: Alipay's my.getAddress). */
export interface PlatformAddressSource {
  /** Which platform, for the action's label. */
  platform: 'alipay'
  pick(): Promise<PlatformAddressOutcome>
}
