import type { ServerResponse } from "node:http";
import type { FaultSpec } from "../types.js";

type ReplyFault = Extract<FaultSpec, { kind: "reply" | "edit-reply" | "redirect" | "cut-reply" | "huge-reply" }>;

/**
 * Applies a hostile-reply fault. Those that answer on their own return true; `edit-reply` and `cut-reply` let the
 * handler run and change what it writes (its status, headers and body, sent with one `end`), then return false.
 */
export function applyReplyFault(fault: ReplyFault, res: ServerResponse): boolean {
  switch (fault.kind) {
    case "reply":
      res.writeHead(fault.status ?? 200, { "content-type": "application/json", ...fault.headers }).end(fault.body);
      return true;
    case "redirect":
      res.writeHead(fault.status ?? 307, { location: fault.location, "content-length": 0 }).end();
      return true;
    case "huge-reply": {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"pad":"');
      const chunk = Buffer.alloc(64 * 1024, "x");
      for (let sent = 0; sent < fault.bytes; sent += chunk.byteLength) res.write(chunk);
      res.end('"}');
      return true;
    }
    case "edit-reply":
      capture(res, (status, headers, body) => {
        const text = JSON.stringify(edited(JSON.parse(body.toString("utf8")), fault.set));
        return { status, headers: { ...headers, "content-length": String(Buffer.byteLength(text)) }, body: Buffer.from(text) };
      });
      return false;
    case "cut-reply":
      capture(res, (status, headers, body) => ({
        status,
        headers: { ...headers, "content-length": String(body.byteLength) },
        body: body.subarray(0, fault.afterBytes),
        then: fault.then,
      }));
      return false;
  }
}

interface Rewritten {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** After the body: leave the connection open without ending the answer, or reset it. */
  then?: "stall" | "reset";
}

/** Holds back the handler's writeHead and end, and sends what `rewrite` makes of them instead. */
function capture(res: ServerResponse, rewrite: (status: number, headers: Record<string, string>, body: Buffer) => Rewritten): void {
  const writeHead = res.writeHead.bind(res) as (status: number, headers: Record<string, string>) => ServerResponse;
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  let status = 200;
  let headers: Record<string, string> = {};
  res.writeHead = ((code: number, fields?: Record<string, string | number>) => {
    status = code;
    headers = Object.fromEntries(Object.entries(fields ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
    return res;
  }) as ServerResponse["writeHead"];
  res.end = ((chunk?: unknown) => {
    const out = rewrite(status, headers, Buffer.from((chunk as string | Uint8Array | undefined) ?? ""));
    writeHead(out.status, out.headers);
    if (out.then === "stall") res.write(out.body);
    else if (out.then === "reset") res.write(out.body, () => res.destroy());
    else end(out.body);
    return res;
  }) as ServerResponse["end"];
}

/** `value` with each JSON pointer of `set` given its value (`undefined` removes it); missing parents are created. */
function edited(value: unknown, set: Record<string, unknown>): unknown {
  const root = structuredClone(value) as Record<string, unknown>;
  for (const [pointer, next] of Object.entries(set)) {
    const keys = pointer
      .split("/")
      .slice(1)
      .map((key) => key.replace(/~1/g, "/").replace(/~0/g, "~"));
    const last = keys.pop()!;
    let node = root;
    for (const key of keys) node = (node[key] ??= {}) as Record<string, unknown>;
    if (next === undefined) delete node[last];
    else node[last] = next;
  }
  return root;
}
