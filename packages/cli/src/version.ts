/** Replaced at build time by tsup (`env` in tsup.config.ts) with the package version. */
export const VERSION = process.env.DIRECT_UPLOAD_CLI_VERSION ?? "0.0.0-dev";
