import type { zhCNAfterSales } from './zh-CN.after-sales'
import type { zhCNPrivacy } from './zh-CN.privacy'
import type { zhCNSubpackages } from './zh-CN.subpackages'

/**
 * The texts of the main package's pages (the tab pages and what they show), in the default
 * language: its keys are the keys of en.ts. The subpackage pages' texts are in zh-CN.subpackages.ts.
 */
export const zhCN = {
  'tab.home': '首页',
  'tab.cart': '购物车',
  'tab.me': '我的',

  'state.loading': '加载中…',
  'state.empty': '这里还什么都没有',
  'state.retry': '重试',
  'state.noMore': '没有更多了',

  'error.network': '网络连接失败，请检查网络后重试',
  'error.timeout': '请求超时，请稍后重试',
  'error.server': '服务暂时不可用，请稍后重试',
  'error.client': '请求有误：{message}',
  'error.notFound': '内容不存在或已下架',
  'error.badResponse': '服务器返回了无法识别的数据',
  'error.config': '应用配置有误：{message}',
  'problem.rate_limited': '操作太频繁了，请稍等一分钟再试。',
  'problem.unpaid_orders_limit': '你的待付款订单已达上限，请先支付或取消其中一个，再下新订单。',
  'problem.unpaid_units_limit':
    '这件商品在你的待付款订单里已达购买上限，请先支付或取消待付款订单，或减少数量。',

  'home.searchPlaceholder': '搜索商品',
  'home.allCategories': '全部',
  'home.noProducts': '没有找到商品',
  'home.soldOut': '已售罄',

  'cart.title': '购物车',
  'cart.empty': '购物车是空的',
  'cart.goShopping': '去逛逛',
  'cart.selectAll': '全选',
  'cart.total': '合计：',
  'cart.selectedCount': '已选 {count} 件',
  'cart.remove': '删除',
  'cart.maxStock': '最多只能买 {count} 件',
  'cart.tooManyLines': '一个订单最多 {max} 种商品，已选 {count} 种，请取消勾选部分商品后结算',

  'me.title': '我的',
  'me.language': '语言',
  'me.server': '服务器',
  'me.notLoggedIn': '尚未登录',

  'cart.checkout': '去结算',
  'orders.tab.awaiting_payment': '待付款',
  'orders.tab.paid': '待发货',
  'orders.tab.shipped': '待收货',
  'orders.tab.completed': '已完成',
  'orders.tab.afterSales': '售后',
  'me.login': '使用支付宝账号登录',
  'me.logout': '退出登录',
  'me.loggedInAs': '支付宝账号 {id}',
  'me.orders': '我的订单',
  'me.viewAll': '全部订单',
  'me.loginFailed': '登录失败：{message}',
  'session.alipayOnly': '该服务器没有支付宝模拟器，只能在支付宝内登录。',
  'me.faq': '支付常见问题',
  'config.missingApi':
    '未设置 TARO_APP_API_BASE_URL：请在 .env.development / .env.production 中填写后端地址，例如 http://localhost:3000',
  'config.insecureApi': '发布版本的 TARO_APP_API_BASE_URL 应为已加入白名单的 HTTPS 域名：{value}',
  'config.badApi': 'TARO_APP_API_BASE_URL 不是有效的 http(s) 地址：{value}',
  // issue 13, home/nav: empty and no-result states
  'home.noResults': '没有找到“{q}”',
  'home.clearSearch': '清除搜索',
} as const

/** Every text's key: main package, subpackages, after-sales, the privacy notice. */
export type MessageKey =
  keyof typeof zhCN | keyof typeof zhCNSubpackages | keyof typeof zhCNAfterSales | keyof typeof zhCNPrivacy
/** A translation of the main package's texts. */
export type Messages = Record<keyof typeof zhCN, string>
