// The options contract every vendor client runs against its own factory (client-core cannot depend on the clients).
// It imports client-core by name, so it sees the same built classes as the clients; their typechecks cover it.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { InvalidClientOptionsError } from "@direct-upload/client-core";

export interface ClientOptionsContract<O, C> {
  vendor: string;
  /** Options the factory accepts, every credential a non-empty string; each case changes one of them. */
  options: O;
  create: (options: O) => C;
  /** Credentials that must be given; dotted for nested ones, e.g. `auth.appSecret`. */
  required: string[];
  /** Credentials that may be left out but not given empty. */
  optional?: string[];
  /** Credentials that may be provider functions, and one call that makes the client send a request. */
  providers?: { options: string[]; call: (client: C) => Promise<unknown> };
}

type RejectedCase = [name: string, option: string, value: unknown];

const BASE_URLS: Record<string, unknown> = {
  "missing baseUrl": undefined,
  "empty baseUrl": "",
  "blank baseUrl": "  ",
  "non-http baseUrl": "ftp://127.0.0.1/",
  "baseUrl without a scheme": "api.example.com",
};
const PROVIDED = "provided-credential-1234";

/** A copy of `options` with the option at a dotted path set to `value` (undefined leaves it out). */
function withOption<O>(options: O, path: string, value: unknown): O {
  const [head = "", ...rest] = path.split(".");
  const source = options as Record<string, unknown>;
  return { ...source, [head]: rest.length ? withOption(source[head], rest.join("."), value) : value } as O;
}

function optionAt(options: unknown, path: string): unknown {
  return path.split(".").reduce((value, key) => (value as Record<string, unknown> | undefined)?.[key], options);
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** A loopback server that records the headers of every request and answers 500. */
async function startRecorder() {
  const received: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    received.push(req.headers);
    req.resume().on("end", () => res.writeHead(500, { "content-type": "text/plain" }).end("recorder"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, close };
}

export function describeClientOptions<O, C>(contract: ClientOptionsContract<O, C>, title = `${contract.vendor} client options`): void {
  const { vendor, options, create, required, optional = [] } = contract;
  const secrets = [...required, ...optional].map((path) => String(optionAt(options, path)));

  function expectOptionsError(error: unknown, option: string): void {
    expect(error).toBeInstanceOf(InvalidClientOptionsError);
    const { code, vendor: named, option: at, message } = error as InvalidClientOptionsError;
    expect({ code, vendor: named, option: at }).toEqual({ code: "invalid_client_options", vendor, option });
    expect(message).toContain(`${vendor} client`);
    expect(message).toContain(option);
    for (const secret of secrets) expect(`${message} ${JSON.stringify(error)}`).not.toContain(secret);
  }

  const rejected: RejectedCase[] = [
    ...Object.entries(BASE_URLS).map(([name, value]): RejectedCase => [name, "baseUrl", value]),
    ...required.map((option): RejectedCase => [`missing ${option}`, option, undefined]),
    ...[...required, ...optional].flatMap((option): RejectedCase[] => [
      [`empty ${option}`, option, ""],
      [`blank ${option}`, option, " "],
    ]),
  ];

  describe(title, () => {
    it("accepts the valid options", () => {
      expect(() => create(options)).not.toThrow();
    });

    it.each(rejected)("%s: the factory throws invalid_client_options", (_, option, value) => {
      expectOptionsError(
        thrownBy(() => create(withOption(options, option, value))),
        option,
      );
    });

    const providers = contract.providers;
    if (!providers) return;
    it.each(providers.options)("an empty %s from a provider fails at call time and sends nothing", async (option) => {
      const recorder = await startRecorder();
      const client = (value: string) => create(withOption(withOption(options, "baseUrl", recorder.baseUrl), option, async () => value));
      try {
        const empty = await providers.call(client("")).then(
          () => expect.unreachable("a call with an empty credential must fail"),
          (error: unknown) => error,
        );
        expectOptionsError(empty, option);
        expect(recorder.received).toEqual([]);

        // The same call with a real value reaches the server with it, so the empty one could have.
        await providers.call(client(PROVIDED)).catch(() => undefined);
        expect(recorder.received).toHaveLength(1);
        expect(JSON.stringify(recorder.received[0])).toContain(PROVIDED);
      } finally {
        await recorder.close();
      }
    });
  });
}
