/** Saving a file the server sends, with its message shown by the caller when refused (never raw JSON). */
import { parseApiError, queryString, type Query } from './client.js';

/** Fetch a download (GET unless `init` says otherwise) and save it under the name the server gives. */
export async function saveDownload(
  path: string,
  query: Query,
  fallbackName: string,
  init: RequestInit = {},
): Promise<string> {
  const res = await fetch(path + queryString(query), { credentials: 'same-origin', ...init });
  if (!res.ok) throw parseApiError(res.status, await res.json().catch(() => null));
  const name = decodeURIComponent(
    /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName,
  );
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
