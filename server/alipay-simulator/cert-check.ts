/**
 * Certificate mode at the simulated gateway: an app registered with certificates must send the
 * SN of its app certificate (app_cert_sn) and of Alipay's root bundle (alipay_root_cert_sn) with
 * every request, and every answer to it carries Alipay's certificate SN (alipay_cert_sn).
 *
 * Sub-codes and messages: Alipay's common error codes (https://opendocs.alipay.com/common/02km9f,
 * not in the AlipayDocs/open-docs mirror, which only names the parameters in
 * mini/ide/小程序CLI/密钥/签名.md); the two mismatch answers as merchants report them verbatim:
 * isv.app-cert-not-exist 应用公钥证书不存在 (alipay/alipay-sdk-nodejs-all#56) and
 * isv.invalid-alipay-root-cert-sn 无效支付宝根证书序列号 (yansongda/pay#491).
 */
import type { SimulatorCertificates } from './dev-certs'
import { gatewayError, type MethodResponse } from './methods/types'
import type { GatewayParams } from './signing'

/** What an app registered in certificate mode is checked against. */
export interface AppCertificateSns extends SimulatorCertificates {
  /** The SN of the app certificate uploaded for this app (appCertPublicKey_<appid>.crt). */
  appCertSn: string
}

/** The error Alipay answers with, or undefined when both SNs match. */
export function certificateSnError(
  params: GatewayParams,
  registered: AppCertificateSns,
): MethodResponse | undefined {
  if (!params.app_cert_sn)
    return gatewayError.missingArguments('isv.missing-app-cert-sn', '缺少应用公钥证书序列号')
  if (params.app_cert_sn !== registered.appCertSn)
    return gatewayError.invalidArguments('isv.app-cert-not-exist', '应用公钥证书不存在')
  if (!params.alipay_root_cert_sn)
    return gatewayError.missingArguments('isv.missing-alipay-root-cert-sn', '缺少支付宝根证书序列号')
  if (params.alipay_root_cert_sn !== registered.alipayRootCertSn)
    return gatewayError.invalidArguments('isv.invalid-alipay-root-cert-sn', '无效支付宝根证书序列号')
  return undefined
}
