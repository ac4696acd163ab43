/**
 * The privacy notice (pages/help/privacy), in the default language: its keys are the keys of
 * en.privacy.ts. Only that page adds them (privacy-texts.ts). Alipay asks every mini-program that
 * reads personal information, such as the buyer's address through my.getAddress, to show one
 * (AlipayDocs/open-docs mini/safe/合规类安全要求.md, 隐私合规). {shop}, {contact} and {years}
 * come from src/shop.config.ts.
 */
export const zhCNPrivacy = {
  'privacy.title': '隐私说明',
  'privacy.intro':
    '{shop}只收集完成你的订单所需的信息。以下说明我们收集什么、为什么、保存多久、与谁共享，以及你如何删除。',
  'privacy.collected.q': '我们收集什么',
  'privacy.collected.a':
    '收货人姓名、手机号、所在地区和详细地址；你的支付宝用户标识（登录时由支付宝提供，用来识别你的订单）；你的订单和支付记录。',
  'privacy.alipayAddress.q': '使用支付宝地址时',
  'privacy.alipayAddress.a':
    '只有当你点“使用支付宝地址”并在支付宝中同意授权、选择一个地址后，我们才会读取这一个地址，并填入表单供你确认和修改。我们不会读取你在支付宝中保存的其他地址。',
  'privacy.purpose.q': '为什么收集',
  'privacy.purpose.a':
    '用于配送商品、配送中联系你、处理退款和售后，以及与支付宝对账。不用于广告，也不会出售。',
  'privacy.retention.q': '保存多久',
  'privacy.retention.a':
    '你最近使用的地址会保存，方便下次结账；订单中的地址随订单保存，订单完成后保存 {years} 年（电子商务法要求交易信息至少保存三年），之后删除。尚未提交的地址只保存在你的手机上。',
  'privacy.sharing.q': '与谁共享',
  'privacy.sharing.a':
    '支付宝：用于登录和付款。承运的快递公司：收货人姓名、手机号和地址，仅用于送货。除此之外，除非法律要求，我们不向任何人提供你的信息。',
  'privacy.deletion.q': '如何删除',
  'privacy.deletion.a':
    '在支付宝中打开本小程序，点右上角“···”>“设置”，可以随时撤销授权。要删除我们保存的地址和账户信息，请联系 {contact}，我们会在核实身份后删除（法律要求保存的订单记录除外）。',
  'privacy.contact.q': '联系我们',
  'privacy.contact.a': '关于你的个人信息的任何问题，请联系{shop}：{contact}',
} as const

/** A translation of the privacy notice's texts. */
export type PrivacyMessages = Record<keyof typeof zhCNPrivacy, string>
