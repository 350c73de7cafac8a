export { run, EXIT } from "./run.js";
export type { CliIo } from "./io.js";
export { sandboxConnection, type SandboxConnection } from "./sandbox-connection.js";
export { parseSize } from "./parse-size.js";
