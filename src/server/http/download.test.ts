/** Downloads of uploaded files (issue 8 §7b): the type allow-list checked against the bytes, and safe names. */
import { describe, expect, it } from 'vitest';
import { escapeUnsafeNameChars, hasUnsafeNameChars } from '../../common/filenames.js';
import { downloadType } from './download.js';

describe('download type', () => {
  it('keeps an allowed type only when the bytes match it', () => {
    expect(downloadType('application/pdf', Buffer.from('%PDF-1.4'))).toBe('application/pdf');
    expect(downloadType('Application/PDF; charset=x', Buffer.from('%PDF-1.4'))).toBe('application/pdf');
    expect(downloadType('application/pdf', Buffer.from('<html>'))).toBe('application/octet-stream');
    expect(downloadType('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(downloadType('image/gif', Buffer.from('GIF89a...'))).toBe('image/gif');
    expect(downloadType('image/webp', Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]);
    expect(downloadType('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', zip)).toContain('sheet');
  });

  it('sends anything off the list as application/octet-stream', () => {
    for (const t of ['text/html', 'image/svg+xml', 'application/javascript', 'text/plain', 'application/zip', '']) {
      expect(downloadType(t, Buffer.from('<svg/>')), t).toBe('application/octet-stream');
    }
  });
});

describe('file names', () => {
  it('finds and escapes direction-changing, zero-width and control characters', () => {
    expect(hasUnsafeNameChars('会议纪要（定稿）.docx')).toBe(false);
    for (const c of [
      '\u202E',
      '\u202A',
      '\u2066',
      '\u2069',
      '\u200B',
      '\u200D',
      '\u200F',
      '\u061C',
      '\uFEFF',
      '\u0000',
      '\n',
      '\u007F',
      '\u2028',
    ]) {
      expect(hasUnsafeNameChars(`a${c}b`), JSON.stringify(c)).toBe(true);
    }
    expect(escapeUnsafeNameChars('invoice\u202Efdp.exe')).toBe('invoice[U+202E]fdp.exe');
    expect(hasUnsafeNameChars(escapeUnsafeNameChars('a\u200Bb\u0007'))).toBe(false);
  });
});
