/**
 * File names users upload (issue 8 §7b): bidirectional-override and zero-width characters make
 * `invoice\u202Efdp.exe` look like `invoiceexe.pdf`; control characters break headers and logs.
 * New names with them are refused; names stored before the check are shown with each such
 * character escaped as [U+XXXX].
 */

// Controls (C0, DEL, C1), the Arabic letter mark, zero-width and joiner marks, LRM/RLM, the line
// and paragraph separators, bidi embeddings/overrides/isolates, word joiner and invisible
// operators, the Mongolian vowel separator and the byte-order mark.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/gu;

export function hasUnsafeNameChars(name: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(name);
}

/** The name with every invisible or direction-changing character shown as [U+XXXX]. */
export function escapeUnsafeNameChars(name: string): string {
  return name.replace(UNSAFE, (c) => `[U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

export const UNSAFE_NAME_MESSAGE = '文件名含有控制字符、双向文字控制符或零宽字符，请重命名后再上传';
