import { run } from "./run.js";

// process.exit rather than exitCode: idle keep-alive sockets must not hold the shell after the last upload.
run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`direct-upload: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
