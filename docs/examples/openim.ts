import { createOpenimClient } from "@direct-upload/openim-client";

const openim = createOpenimClient({ baseUrl: "http://127.0.0.1:10002", token: async () => "<user token>" });

export async function uploadToOpenim(file: Blob, name: string): Promise<string> {
  // 1. Ask OpenIM for a signed form.
  const { data: form } = await openim.initiateFormData({ name, size: file.size, contentType: file.type });

  // 2. POST the form fields, then the file, straight to the object store.
  const body = new FormData();
  for (const [key, value] of Object.entries(form.formData ?? {})) body.append(key, value);
  body.append("file", file, name);
  const stored = await fetch(form.url, { method: "POST", body });
  if (!form.successCodes.includes(stored.status)) throw new Error(`object store answered ${stored.status}`);

  // 3. Confirm the upload; OpenIM answers with the object's URL.
  const { data } = await openim.completeFormData({ id: form.id });
  return data.url;
}
