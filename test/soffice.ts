/**
 * LibreOffice for document conversion tests (BANZI_SOFFICE, else `soffice` or `libreoffice` on
 * PATH; Debian's libreoffice, installed by CI). Without it those tests show as skipped.
 */
import { findExecutable } from './env.js';

export const SOFFICE = findExecutable(process.env.BANZI_SOFFICE, ['soffice', 'libreoffice']);
