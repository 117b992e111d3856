/**
 * The text of a PDF as LibreOffice writes it (FlateDecode content streams, fonts with ToUnicode
 * maps), enough for tests to check that a converted document holds its words. Not a general
 * PDF parser: no object streams, no encryption.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const src = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  for (const m of src.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = m[2] ?? '';
    const at = body.indexOf('stream');
    if (at < 0) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    let raw = body.slice(at + 6).replace(/^\r?\n/, '');
    raw = raw.slice(0, raw.lastIndexOf('endstream')).replace(/\r?\n$/, '');
    let bytes = Buffer.from(raw, 'latin1');
    if (dict.includes('/FlateDecode')) {
      try {
        bytes = inflateSync(bytes);
      } catch {
        // a stream we cannot read (e.g. a font program) holds no page text
      }
    }
    out.set(Number(m[1]), { dict, stream: bytes });
  }
  return out;
}

const hexChars = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));

function parseCMap(text: string): { width: number; map: Map<number, string> } {
  const map = new Map<number, string>();
  const range = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(text);
  const width = range ? (range[1] ?? '00').length / 2 : 1;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const p of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(parseInt(p[1] ?? '0', 16), hexChars(p[2] ?? ''));
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const p of (block[1] ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g,
    )) {
      const lo = parseInt(p[1] ?? '0', 16);
      const hi = parseInt(p[2] ?? '0', 16);
      const list = p[4] ? [...p[4].matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => hexChars(x[1] ?? '')) : null;
      for (let c = lo; c <= hi; c++) {
        if (list) map.set(c, list[c - lo] ?? '');
        else map.set(c, String.fromCodePoint(parseInt(p[3] ?? '0', 16) + (c - lo)));
      }
    }
  }
  return { width, map };
}

function literalBytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 1; i < s.length - 1; i++) {
    const c = s[i] ?? '';
    if (c !== '\\') {
      out.push(c.charCodeAt(0));
      continue;
    }
    const n = s[++i] ?? '';
    const oct = /^[0-7]{1,3}/.exec(s.slice(i, i + 3));
    if (oct) {
      out.push(parseInt(oct[0], 8));
      i += oct[0].length - 1;
    } else out.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[n] ?? n.charCodeAt(0));
  }
  return out;
}

/** Every piece of text the pages show, one line per text object (BT … ET). */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fonts = new Map<string, { width: number; map: Map<number, string> }>();
  for (const o of objs.values()) {
    for (const f of o.dict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
      const font = objs.get(Number(f[2]));
      const cmapRef = font ? /\/ToUnicode\s+(\d+) 0 R/.exec(font.dict) : null;
      const cmap = cmapRef ? objs.get(Number(cmapRef[1]))?.stream : null;
      if (cmap) fonts.set(f[1] ?? '', parseCMap(cmap.toString('latin1')));
    }
  }
  let text = '';
  for (const o of objs.values()) {
    const s = o.stream?.toString('latin1') ?? '';
    if (!s.includes('BT') || !s.includes('Tf')) continue;
    let font = fonts.get('');
    for (const t of s.matchAll(/\/(F\d+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>|(\((?:\\[\s\S]|[^\\)])*\))|\bET\b/g)) {
      if (t[1]) font = fonts.get(t[1]);
      else if (t[0] === 'ET') text += '\n';
      else if (font) {
        const bytes =
          t[2] !== undefined
            ? (t[2].replace(/\s/g, '').match(/../g) ?? []).map((x) => parseInt(x, 16))
            : literalBytes(t[3] ?? '()');
        for (let i = 0; i + font.width <= bytes.length; i += font.width) {
          const code = font.width === 2 ? ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0) : (bytes[i] ?? 0);
          text += font.map.get(code) ?? '';
        }
      }
    }
  }
  return text;
}
