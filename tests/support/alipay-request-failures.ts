/**
 * What Alipay's my.request hands to `fail` (its documented error codes), shared by the two test
 * runtimes that imitate it: taro-node.ts (the app's code in jest) and the mini-runtime's HTTP bridge.
 */
export const alipayRequestFailure = {
  httpStatus: (status: number, data: string, headers: unknown) => ({
    error: 19,
    errorMessage: 'http status error',
    status,
    data,
    headers,
  }),
  notJson: (status?: number) => ({
    error: 14,
    errorMessage: 'JSON parse error',
    ...(status === undefined ? {} : { status }),
  }),
  timeout: () => ({ error: 13, errorMessage: 'timeout' }),
  network: (message: string) => ({ error: 12, errorMessage: message }),
}
