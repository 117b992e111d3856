/**
 * Page weight from the Vite build manifest (dist/client/.vite/manifest.json): the files a browser
 * loads for a page (the HTML, its entry and every statically imported chunk and stylesheet, and
 * for a console page the lazily loaded route it opens), in bytes and gzipped (zlib level 6, what a
 * reverse proxy would send). Used by e2e/page-weight.e2e.test.ts and the ballot benchmark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface Weight {
  /** Paths under the client folder, the HTML first */
  files: string[];
  bytes: number;
  gzip: number;
}

export function readManifest(clientDir: string): Manifest {
  return JSON.parse(readFileSync(join(clientDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** The files of these manifest entries and everything they import statically (not their lazy imports). */
export function staticFiles(manifest: Manifest, keys: string[]): string[] {
  const out = new Set<string>();
  const visit = (key: string) => {
    const c = manifest[key];
    if (!c) throw new Error(`${key} is not in the build manifest`);
    if (out.has(c.file)) return;
    out.add(c.file);
    for (const css of c.css ?? []) out.add(css);
    for (const i of c.imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return [...out];
}

export function weigh(clientDir: string, files: string[]): Weight {
  let bytes = 0;
  let gzip = 0;
  for (const f of files) {
    const body = readFileSync(join(clientDir, f));
    bytes += body.length;
    gzip += gzipSync(body, { level: 6 }).length;
  }
  return { files, bytes, gzip };
}

/** The public voting page (vote or receipt check): its HTML, scripts and stylesheet. */
export function votePageWeight(clientDir: string, manifest = readManifest(clientDir)): Weight {
  return weigh(clientDir, ['vote/index.html', ...staticFiles(manifest, ['vote/index.html'])]);
}

/** A console page opened first: the shell (index.html and its static imports) and the page's lazy chunks. */
export const CONSOLE_FIRST_PAGES: Record<string, string[]> = {
  login: ['features/auth/LoginPage.tsx'],
  home: ['components/AppLayout.tsx', 'features/home/HomePage.tsx'],
};

export function consolePageWeight(clientDir: string, page: string, manifest = readManifest(clientDir)): Weight {
  // The frame is in the shell when it is not loaded lazily.
  const lazy = (CONSOLE_FIRST_PAGES[page] ?? []).filter((k) => k in manifest || !k.startsWith('components/'));
  return weigh(clientDir, ['index.html', ...staticFiles(manifest, ['index.html', ...lazy])]);
}

export const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
