/** Sending a generated document (.xlsx, .docx) as a download with its Chinese file name. */
import type { FastifyReply } from 'fastify';
import { escapeUnsafeNameChars } from '../../common/filenames.js';

const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export function sendDocument(reply: FastifyReply, file: Buffer, filename: string, type: keyof typeof TYPES) {
  return reply
    .header('content-type', TYPES[type])
    .header(
      'content-disposition',
      `attachment; filename="export.${type}"; filename*=UTF-8''${encodeURIComponent(escapeUnsafeNameChars(filename))}`,
    )
    .header('cache-control', 'no-store')
    .send(file);
}
