export interface FoundChromium {
  executablePath: string;
  /** The environment to launch it with; undefined means the caller's own. */
  env: Record<string, string | undefined> | undefined;
  source: "CHROMIUM_PATH" | "system" | "@sparticuz/chromium";
}

export function findChromium(options?: { env?: Record<string, string | undefined>; cacheDir?: string }): FoundChromium;
