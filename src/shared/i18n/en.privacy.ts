import type { PrivacyMessages } from './zh-CN.privacy'

export const enPrivacy: PrivacyMessages = {
  'privacy.title': 'Privacy notice',
  'privacy.intro':
    '{shop} collects only what it needs to fulfil your orders. Here is what we collect, why, how long we keep it, who we share it with, and how to have it deleted.',
  'privacy.collected.q': 'What we collect',
  'privacy.collected.a':
    'The recipient’s name, mobile number, region and street address; your Alipay user ID (Alipay gives it to us when you log in, so we can tell your orders apart); your orders and payments.',
  'privacy.alipayAddress.q': 'When you use your Alipay address',
  'privacy.alipayAddress.a':
    'Only when you tap “Use my Alipay address”, agree in Alipay and choose an address do we read that one address, and it goes into the form for you to check and change. We do not read the other addresses you keep in Alipay.',
  'privacy.purpose.q': 'Why',
  'privacy.purpose.a':
    'To deliver your order, to reach you about the delivery, to handle refunds and after-sales, and to reconcile payments with Alipay. Never for advertising, and we do not sell it.',
  'privacy.retention.q': 'How long we keep it',
  'privacy.retention.a':
    'The address you used last is kept to make your next checkout quicker; an order’s address is kept with the order for {years} years after it ends (China’s E-commerce Law asks at least three years for transaction records), then deleted. An address you have not submitted stays on your phone only.',
  'privacy.sharing.q': 'Who we share it with',
  'privacy.sharing.a':
    'Alipay, to log you in and take payment. The courier who delivers your parcel: the recipient’s name, mobile number and address, for the delivery only. Nobody else, unless the law requires it.',
  'privacy.deletion.q': 'How to have it deleted',
  'privacy.deletion.a':
    'In Alipay, open this mini-program, tap “···” at the top right, then Settings, to withdraw your authorisation at any time. To have the addresses and account we keep deleted, write to {contact}: we delete them once we have confirmed it is you (except order records the law requires us to keep).',
  'privacy.contact.q': 'Contact',
  'privacy.contact.a': 'For any question about your personal information, contact {shop}: {contact}',
}
