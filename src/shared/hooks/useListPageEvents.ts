import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { PagedList } from './usePagedList'

/**
 * A paged list that fills its page: pull-down starts it again, reaching the bottom loads the next
 * page. The page's config needs `enablePullDownRefresh: true`. Taro ties these hooks to the page
 * from any component in it, and unties them when that component unmounts, so a page may switch
 * between lists (e.g. the orders page's tabs).
 */
export function useListPageEvents(list: Pick<PagedList<unknown>, 'refresh' | 'loadMore'>): void {
  usePullDownRefresh(async () => {
    await list.refresh()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => void list.loadMore())
}
