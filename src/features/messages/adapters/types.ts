/**
 * What the buyer did with the subscription panel:
 * - subscribed: the template is now among the buyer's subscriptions;
 * - declined: the buyer left it unticked, closed the panel, or had said "don't ask again";
 * - failed: the panel could not open or answer (an error code, an old client).
 */
export type SubscribeOutcome = 'subscribed' | 'declined' | 'failed'

/** One per platform: Alipay has subscription messages, the other builds offer none. */
export interface SubscribeAdapter {
  /** Whether this platform can offer subscription messages at all. */
  readonly available: boolean
  subscribe(templateId: string): Promise<SubscribeOutcome>
}
