import type { IncomingHttpHeaders } from "node:http";
import { HttpRequest } from "@smithy/protocol-http";
import { problem, type Problem } from "../../problem.js";
import { constantTimeEqual, parseAmzDate, signerFor, unsignedQuery, verifyObsPresignedRequest } from "../obs-sigv4.js";
import type { S3Credentials } from "../s3-post-object.js";

export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
const PAYLOAD_HEADER = "x-amz-content-sha256";
/** S3 refuses header-signed requests whose x-amz-date is more than 15 minutes away from its clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;
const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/;

interface SignedRequest {
  credentials: S3Credentials;
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  now: number;
}

/** The canonical request's inputs as @smithy/signature-v4 takes them: the path as sent, the decoded query. */
function httpRequest(method: string, url: URL, headers: Record<string, string>): HttpRequest {
  return new HttpRequest({ method, protocol: url.protocol, hostname: url.hostname, path: url.pathname, query: unsignedQuery(url.searchParams), headers });
}

/**
 * Signs a request with SigV4 header auth as minio-go's SignV4 does for OpenIM's auth_sign: host, x-amz-date and
 * `x-amz-content-sha256: UNSIGNED-PAYLOAD`. Returns the headers the client must send.
 */
export async function signS3Headers(credentials: S3Credentials, method: string, url: URL, signingDate: Date): Promise<Record<string, string>> {
  const signed = await signerFor(credentials).sign(httpRequest(method, url, { host: url.host, [PAYLOAD_HEADER]: UNSIGNED_PAYLOAD }), { signingDate });
  const headers = signed.headers;
  return { Authorization: headers["authorization"]!, "X-Amz-Content-Sha256": UNSIGNED_PAYLOAD, "X-Amz-Date": headers["x-amz-date"]! };
}

/**
 * Checks a request's SigV4 the way S3 does: query auth when the query carries X-Amz-Signature, else the
 * Authorization header (scope, clock skew, then the signature recomputed over the received method, path, query and
 * signed headers). The payload hash it names is checked against the body by `payloadCheck`.
 */
export async function verifyS3Request(input: SignedRequest): Promise<Problem | undefined> {
  if (input.url.searchParams.has("X-Amz-Signature")) return verifyObsPresignedRequest({ ...input, requiredSignedHeaders: ["host"] });
  const authorization = input.headers.authorization;
  if (authorization === undefined) return problem(403, "AccessDenied", "Access Denied");
  const match = AUTHORIZATION.exec(authorization);
  if (!match)
    return problem(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; it must be AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=....");
  const [, credential = "", signedList = "", signature = ""] = match;
  const { credentials } = input;
  const [accessKeyId, day, region, service, terminator, ...rest] = credential.split("/");
  if (accessKeyId !== credentials.accessKeyId) return problem(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
  if (region !== credentials.region)
    return problem(400, "AuthorizationHeaderMalformed", `The authorization header is malformed; the region '${region}' is wrong; expecting '${credentials.region}'`);
  const amzDate = header(input.headers, "x-amz-date") ?? "";
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate || day !== amzDate.slice(0, 8) || service !== "s3" || terminator !== "aws4_request" || rest.length > 0) {
    return problem(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; the credential scope or x-amz-date is wrong.");
  }
  if (Math.abs(input.now - signingDate.getTime()) > MAX_SKEW_MS) {
    return problem(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.");
  }
  const payloadHash = header(input.headers, PAYLOAD_HEADER);
  if (payloadHash === undefined) return problem(400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
  const signedHeaders = signedList.split(";");
  if (!signedHeaders.includes("host")) return problem(403, "AccessDenied", "SignedHeaders must include host.");
  const headers: Record<string, string> = { [PAYLOAD_HEADER]: payloadHash };
  for (const name of signedHeaders) {
    const value = header(input.headers, name);
    if (value === undefined) return problem(403, "SignatureDoesNotMatch", `The signed header ${name} is missing from the request.`);
    headers[name] = value;
  }
  const recomputed = await signerFor(credentials).sign(httpRequest(input.method, input.url, headers), {
    signingDate,
    signableHeaders: new Set(signedHeaders),
    unsignableHeaders: new Set(signedHeaders.includes(PAYLOAD_HEADER) ? [] : [PAYLOAD_HEADER]),
  });
  const expected = AUTHORIZATION.exec(recomputed.headers["authorization"] ?? "");
  if (expected?.[2] !== signedList || !constantTimeEqual(expected[3] ?? "", signature)) {
    return problem(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
  }
  return undefined;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}
