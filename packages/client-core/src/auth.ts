/** A credential given as a value or as a provider called before every request (for refreshable tokens). */
export type Credential = string | (() => string | Promise<string>);

export async function resolveCredential(credential: Credential): Promise<string> {
  return typeof credential === "function" ? credential() : credential;
}
