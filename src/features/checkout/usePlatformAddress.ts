import { useRef, useState } from 'react'
import type { MessageKey } from '../../shared/i18n'
import {
  currentPlatformAddressSource,
  type PlatformAddress,
  type PlatformAddressSource,
} from './platform-address'
import { resolveRegion } from './region-match'
import { fetchRegions, regionText } from './regions'
import type { AddressFormState } from './useAddressForm'

/** What the action tells the buyer after it ran, as a text key and its parameters. */
export interface PlatformAddressNotice {
  key: MessageKey
  params?: Record<string, string>
  /**
   * 'problem' when something went wrong that the buyer did not choose (shown as an error);
   * 'note' for a refusal they chose, or a region left for them to pick.
   */
  tone: 'note' | 'problem'
}

export interface PlatformAddressAction {
  source: PlatformAddressSource
  reading: boolean
  notice?: PlatformAddressNotice
  use: () => Promise<void>
}

/**
 * A failure in words: 4 is Alipay's "no permission" (the buyer refused, or the capability is not
 * bound: my.getAddress.md, fail 回调), another numeric code is shown for support, anything else
 * (no my.getAddress in an old client) needs no code.
 */
function failureNotice(code: string): PlatformAddressNotice {
  if (code === '4') return { key: 'address.platform.denied', tone: 'note' }
  if (/^\d+$/.test(code)) return { key: 'address.platform.failed', params: { code }, tone: 'problem' }
  return { key: 'address.platform.unavailable', tone: 'problem' }
}

/** The region's names as the form keeps them, or '' (and a notice) when they match no region. */
async function regionOf(
  address: PlatformAddress,
): Promise<{ region: string; notice?: PlatformAddressNotice }> {
  const names = { province: address.province, city: address.city, district: address.district }
  const matched = await resolveRegion(names, fetchRegions).catch(() => undefined)
  if (matched) return { region: regionText(matched.map((region) => region.name)) }
  const given = [...new Set([address.province, address.city, address.district].filter(Boolean))]
  return {
    region: '',
    notice: { key: 'address.platform.regionUnmatched', params: { region: given.join(' ') }, tone: 'note' },
  }
}

/**
 * "Use my Alipay address": asks the platform's address book, then fills the whole form (which the
 * buyer can still edit). Going back without choosing changes nothing and says nothing; a failure
 * says so and changes nothing. Undefined where the platform has no address book to read.
 */
export function usePlatformAddress(
  form: AddressFormState,
  source: PlatformAddressSource | undefined = currentPlatformAddressSource(),
): PlatformAddressAction | undefined {
  const [reading, setReading] = useState(false)
  const [notice, setNotice] = useState<PlatformAddressNotice>()
  // A second tap while the platform's sheet is open asks nothing more.
  const busy = useRef(false)
  if (!source) return undefined

  const use = async () => {
    if (busy.current) return
    busy.current = true
    setReading(true)
    setNotice(undefined)
    try {
      const outcome = await source.pick()
      if (outcome.kind === 'cancelled') return
      if (outcome.kind === 'failed') return setNotice(failureNotice(outcome.code))
      const { region, notice: regionNotice } = await regionOf(outcome.address)
      const { name, phone, detail } = outcome.address
      form.fill({ name, phone, region, detail })
      setNotice(regionNotice)
    } finally {
      busy.current = false
      setReading(false)
    }
  }
  return { source, reading, notice, use }
}
