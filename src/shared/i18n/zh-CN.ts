/** The default dictionary: its keys are the keys of every other locale. */
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

  'home.searchPlaceholder': '搜索商品',
  'home.allCategories': '全部',
  'home.noProducts': '没有找到商品',
  'home.soldOut': '已售罄',

  'product.selectOptions': '请选择 {names}',
  'product.selected': '已选：{values}',
  'product.quantity': '数量',
  'product.stock': '库存 {count} 件',
  'product.addToCart': '加入购物车',
  'product.added': '已加入购物车',
  'product.soldOut': '已售罄',

  'cart.title': '购物车',
  'cart.empty': '购物车是空的',
  'cart.goShopping': '去逛逛',
  'cart.selectAll': '全选',
  'cart.total': '合计：',
  'cart.selectedCount': '已选 {count} 件',
  'cart.remove': '删除',
  'cart.maxStock': '最多只能买 {count} 件',
  'cart.checkoutHint': '下单与支付见 “我的” 页的说明',

  'me.title': '我的',
  'me.language': '语言',
  'me.server': '服务器',
  'me.notLoggedIn': '尚未登录',
  'me.ordersSoon': '登录与订单将在下一个模块中接入',

  'config.missingApi':
    '未设置 TARO_APP_API_BASE_URL：请在 .env.development / .env.production 中填写后端地址，例如 http://localhost:3000',
  'config.insecureApi': '发布版本的 TARO_APP_API_BASE_URL 应为已加入白名单的 HTTPS 域名：{value}',
  'config.badApi': 'TARO_APP_API_BASE_URL 不是有效的 http(s) 地址：{value}',
} as const

export type MessageKey = keyof typeof zhCN
export type Messages = Record<MessageKey, string>
