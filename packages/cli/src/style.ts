import { styleText } from "node:util";

type Format = "bold" | "dim" | "red" | "green" | "yellow" | "cyan";
export type Style = Record<Format, (text: string) => string>;

/** Colours only for a TTY, and never when NO_COLOR is set (https://no-color.org) or TERM=dumb. */
export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Style {
  const on = (Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== "dumb") || Boolean(env.FORCE_COLOR && env.FORCE_COLOR !== "0");
  const format = (name: Format) => (text: string) => (on ? styleText(name, text) : text);
  return { bold: format("bold"), dim: format("dim"), red: format("red"), green: format("green"), yellow: format("yellow"), cyan: format("cyan") };
}
