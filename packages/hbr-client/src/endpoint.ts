/**
 * Regions the HBR SDKs send to the central endpoint instead of `hbr.{regionId}.aliyuncs.com`
 * (the endpoint map of `aliyun/alibabacloud-java-sdk` hbr-20170908 Client.java).
 */
const CENTRAL_ENDPOINT_REGIONS = new Set([
  "ap-northeast-2-pop",
  "cn-beijing-finance-1",
  "cn-beijing-finance-pop",
  "cn-beijing-gov-1",
  "cn-beijing-nu16-b01",
  "cn-edge-1",
  "cn-fujian",
  "cn-haidian-cm12-c01",
  "cn-hangzhou-bj-b01",
  "cn-hangzhou-internal-prod-1",
  "cn-hangzhou-internal-test-1",
  "cn-hangzhou-internal-test-2",
  "cn-hangzhou-internal-test-3",
  "cn-hangzhou-test-306",
  "cn-hongkong-finance-pop",
  "cn-huhehaote-nebula-1",
  "cn-qingdao-nebula",
  "cn-shanghai-et15-b01",
  "cn-shanghai-et2-b01",
  "cn-shanghai-inner",
  "cn-shanghai-internal-test-1",
  "cn-shenzhen-inner",
  "cn-shenzhen-st4-d01",
  "cn-shenzhen-su18-b01",
  "cn-wuhan",
  "cn-wulanchabu",
  "cn-yushanfang",
  "cn-zhangbei",
  "cn-zhangbei-na61-b01",
  "cn-zhangjiakou-na62-a01",
  "cn-zhengzhou-nebula-1",
  "eu-west-1-oxs",
  "rus-west-1-pop",
]);

export const DEFAULT_REGION_ID = "cn-hangzhou";

/** The HBR API host of a region ("regional" endpoint rule, with the SDK's exceptions). */
export function hbrEndpoint(regionId: string = DEFAULT_REGION_ID): string {
  return CENTRAL_ENDPOINT_REGIONS.has(regionId) ? "hbr.aliyuncs.com" : `hbr.${regionId}.aliyuncs.com`;
}
