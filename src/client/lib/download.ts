/**
 * File downloads that fail say why in Chinese instead of showing the server's raw JSON: every link
 * to /api/… (antd buttons with href render <a>) is fetched with the session cookie; a file is handed
 * to the browser as a download with the server's file name, a refusal becomes a message.
 */
import { parseApiError } from '../api/client.js';

/** The file name from a Content-Disposition header (filename* in UTF-8 first). */
export function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? null;
}

/** Is this click on a same-origin link to an API file (not opened in a new tab on purpose)? */
export function apiLinkOf(e: MouseEvent): HTMLAnchorElement | null {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return null;
  const a = (e.target as Element | null)?.closest?.('a[href]');
  if (!(a instanceof HTMLAnchorElement) || a.target === '_blank') return null;
  const url = new URL(a.href, window.location.href);
  return url.origin === window.location.origin && url.pathname.startsWith('/api/') ? a : null;
}

/** Fetch the file; on success save it, else resolve with the Chinese reason. */
export async function downloadFile(href: string): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch(href, { credentials: 'same-origin' });
  } catch {
    return parseApiError(0, null).message;
  }
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    return `下载失败：${parseApiError(res.status, body).message}`;
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download =
    dispositionName(res.headers.get('content-disposition')) ?? href.split('/').pop()?.split('?')[0] ?? '下载';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return null;
}
