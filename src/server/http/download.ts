/**
 * Sending an uploaded file (issue 8 §7b): always as an attachment, with `nosniff`, and with its
 * declared type only when that type is on a short allow-list (pdf, images, docx, xlsx) AND the
 * bytes start like that type; anything else is `application/octet-stream`, so an uploaded page or
 * SVG never runs as a document of this site. The name is sent with invisible and
 * direction-changing characters escaped.
 */
import type { FastifyReply } from 'fastify';
import { escapeUnsafeNameChars } from '../../common/filenames.js';

const ZIP = (b: Buffer) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

const ALLOWED: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => ['GIF87a', 'GIF89a'].includes(b.subarray(0, 6).toString('latin1')),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP,
};

/** The Content-Type to send for stored bytes declared as `mime`. */
export function downloadType(mime: string, bytes: Buffer): string {
  const declared = mime.split(';')[0]?.trim().toLowerCase() ?? '';
  const check = ALLOWED[declared];
  return check && check(bytes) ? declared : 'application/octet-stream';
}

export function sendUpload(reply: FastifyReply, file: { name: string; mime: string; content: Buffer }) {
  return reply
    .header('content-type', downloadType(file.mime, file.content))
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-disposition',
      `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(escapeUnsafeNameChars(file.name))}`,
    )
    .send(file.content);
}
