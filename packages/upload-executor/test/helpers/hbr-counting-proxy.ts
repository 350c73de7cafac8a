// Test-only TCP proxy in front of the sandbox: counts the request bytes it forwards and sees each client socket close.
import { createServer, connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface CountingProxy {
  url: string;
  /** Request bytes forwarded to the target so far. */
  readonly bytes: number;
  readonly connections: number;
  /** Resolves when every client connection accepted so far has closed. */
  allClosed(): Promise<void>;
  close(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  const waiters: Array<() => void> = [];
  let bytes = 0;
  let connections = 0;
  const server = createServer((client) => {
    connections++;
    open.add(client);
    const upstream = connect(Number(port), hostname);
    client.on("data", (chunk: Buffer) => (bytes += chunk.byteLength));
    client.pipe(upstream).pipe(client);
    const done = () => {
      upstream.destroy();
      client.destroy();
      open.delete(client);
      if (open.size === 0) waiters.splice(0).forEach((resolve) => resolve());
    };
    client.on("close", done).on("error", done);
    upstream.on("close", done).on("error", done);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get bytes() {
      return bytes;
    },
    get connections() {
      return connections;
    },
    allClosed: () => (open.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    close: () => {
      for (const socket of open) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
