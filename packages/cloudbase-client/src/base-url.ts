import { InvalidClientOptionsError } from "@direct-upload/client-core";

const ENV_ID = /^[A-Za-z0-9-]+$/;

/** The gateway of one environment (mainland China regions): `https://{envId}.api.tcloudbasegateway.com`. */
export function cloudbaseBaseUrl(envId: string): string {
  // The id becomes a host label, so anything but letters, digits and dashes would change the host.
  if (!ENV_ID.test(envId)) {
    throw new InvalidClientOptionsError(
      "cloudbase",
      "envId",
      `"${envId}" is not a CloudBase environment id`,
      "Pass the environment id from the CloudBase console (letters, digits and dashes), or pass baseUrl",
    );
  }
  return `https://${envId}.api.tcloudbasegateway.com`;
}
