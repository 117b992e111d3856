/**
 * The text of a PDF, read by `pdftotext` (Debian `poppler-utils`; BANZI_PDFTOTEXT, else
 * `pdftotext` on PATH), and the conversion of a .docx to PDF with LibreOffice for the document
 * checks. A hand-written extractor used to stand here: it returned nothing for PDFs in which
 * LibreOffice embeds other fonts (DejaVu Sans, Liberation Serif beside WenQuanYi, as on a desktop).
 */
import { execFileSync } from 'node:child_process';
import { join, basename } from 'node:path';
import { findExecutable } from './env.js';
import { SOFFICE } from './soffice.js';

export const PDFTOTEXT = findExecutable(process.env.BANZI_PDFTOTEXT, ['pdftotext']);

/** Why the document conversion checks are skipped on this machine, or null when they run. */
export function documentChecksSkipped(): string | null {
  const missing: string[] = [];
  if (!SOFFICE) missing.push('LibreOffice (BANZI_SOFFICE or `soffice` on PATH)');
  if (!PDFTOTEXT) missing.push('pdftotext (BANZI_PDFTOTEXT or `pdftotext` on PATH)');
  if (!missing.length) return null;
  return `no ${missing.join(' and no ')} (Debian: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils)`;
}

/** The text of a PDF file, pages in reading order (UTF-8). */
export function pdfText(pdfFile: string): string {
  if (!PDFTOTEXT) throw new Error('pdftotext is not installed (Debian: apt-get install poppler-utils)');
  return execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8', timeout: 60_000 });
}

/** Convert a .docx (or .xlsx) in `dir` to PDF with LibreOffice and return the PDF's text. */
export function convertedText(file: string, dir: string): string {
  if (!SOFFICE) throw new Error('LibreOffice is not installed');
  execFileSync(
    SOFFICE,
    ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return pdfText(join(dir, basename(file).replace(/\.[^.]+$/, '.pdf')));
}
