export const VENDORS = ["openim", "cloudbase", "koodrive", "hbr", "pds"] as const;
export type VendorName = (typeof VENDORS)[number];

/** One vendor setting read from a flag, else from the environment. */
export interface CredentialField {
  /** Key in the parsed commander options (camelCase of the flag). */
  key: "token" | "userId" | "accessKeyId" | "accessKeySecret" | "region" | "driveId";
  flag: string;
  env: string;
  required: boolean;
  /** Secrets are never printed: every message goes through redact() with these values. */
  secret: boolean;
}

const token = (env: string): CredentialField => ({ key: "token", flag: "--token", env, required: true, secret: true });

/** Which flags and environment variables each vendor reads. */
export const CREDENTIAL_FIELDS: Record<VendorName, CredentialField[]> = {
  openim: [
    token("OPENIM_TOKEN"),
    // Object names are "{userID}/{file}": a user token may only write under its own ID (admin tokens need none).
    { key: "userId", flag: "--user-id", env: "OPENIM_USER_ID", required: false, secret: false },
  ],
  cloudbase: [token("CLOUDBASE_TOKEN")],
  koodrive: [
    token("KOODRIVE_TOKEN"),
    { key: "userId", flag: "--user-id", env: "KOODRIVE_USER_ID", required: true, secret: false },
  ],
  hbr: [
    { key: "accessKeyId", flag: "--access-key-id", env: "ALIBABA_CLOUD_ACCESS_KEY_ID", required: true, secret: true },
    { key: "accessKeySecret", flag: "--access-key-secret", env: "ALIBABA_CLOUD_ACCESS_KEY_SECRET", required: true, secret: true },
    { key: "region", flag: "--region", env: "ALIBABA_CLOUD_REGION_ID", required: false, secret: false },
  ],
  pds: [
    token("PDS_TOKEN"),
    { key: "driveId", flag: "--drive-id", env: "PDS_DRIVE_ID", required: true, secret: false },
  ],
};

/** Flags that only make sense for some vendors; giving one to another vendor is a usage error. */
export const VENDOR_ONLY_FLAGS: Record<string, { flag: string; vendors: VendorName[] }> = {
  hash: { flag: "--hash", vendors: ["pds"] },
  ossUrlStyle: { flag: "--oss-url-style", vendors: ["hbr"] },
  ossEndpoint: { flag: "--oss-endpoint", vendors: ["hbr"] },
};
