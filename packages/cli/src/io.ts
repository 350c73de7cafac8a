/** Where the CLI writes and what it reads; `run()` defaults to the process's own. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  /** Progress bars need a real TTY stream here (cursor moves), plain lines otherwise. */
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
