/**
 * Messages in English contain no Chinese outside interpolated names and titles (issue 8 §4): every
 * English message written in the server's and common code where a finding is built is read from
 * the source, and its literal text (not what `${…}` interpolates) must be free of Chinese.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

type Consts = Map<string, ts.Expression[]>;

/** The literal parts of an expression that yields text; interpolations are skipped, a local const is followed. */
function literalTexts(e: ts.Expression, consts: Consts = new Map(), depth = 0): string[] {
  if (ts.isIdentifier(e)) {
    return depth > 3 ? [] : (consts.get(e.text) ?? []).flatMap((x) => literalTexts(x, consts, depth + 1));
  }
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isTemplateExpression(e)) return [e.head.text, ...e.templateSpans.map((s) => s.literal.text)];
  if (ts.isConditionalExpression(e)) {
    return [...literalTexts(e.whenTrue, consts, depth), ...literalTexts(e.whenFalse, consts, depth)];
  }
  if (ts.isParenthesizedExpression(e)) return literalTexts(e.expression, consts, depth);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return [...literalTexts(e.left, consts, depth), ...literalTexts(e.right, consts, depth)];
  }
  return [];
}

const nameOf = (p: ts.ObjectLiteralElementLike) =>
  (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && ts.isIdentifier(p.name) ? p.name.text : null;

/** English message expressions: `en` beside `zh` or `message`, any `message_en`, and the 4th argument of the old finding adapter. */
function englishMessages(file: string): { where: string; expr: ts.Expression; consts: Consts }[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { where: string; expr: ts.Expression; consts: Consts }[] = [];
  const consts: Consts = new Map();
  const collect = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      consts.set(n.name.text, [...(consts.get(n.name.text) ?? []), n.initializer]);
    }
    ts.forEachChild(n, collect);
  };
  collect(sf);
  const at = (n: ts.Node) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isObjectLiteralExpression(n)) {
      const names = n.properties.map(nameOf);
      for (const p of n.properties) {
        const name = nameOf(p);
        if (name !== 'message_en' && !(name === 'en' && (names.includes('zh') || names.includes('message')))) continue;
        if (ts.isPropertyAssignment(p)) out.push({ where: at(p), expr: p.initializer, consts });
        if (ts.isShorthandPropertyAssignment(p)) out.push({ where: at(p), expr: p.name, consts });
      }
    }
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'finding') {
      const fourth = n.arguments[3];
      if (fourth && !ts.isObjectLiteralExpression(fourth)) out.push({ where: at(fourth), expr: fourth, consts });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('English rule messages', () => {
  const files = [...sources(join(ROOT, 'src/server')), ...sources(join(ROOT, 'src/common'))];
  // Parsing every source file takes seconds on a loaded machine: parse once, allow the time.
  let messages: ReturnType<typeof englishMessages> | null = null;
  const all = () => (messages ??= files.flatMap(englishMessages));

  it('finds the English messages it checks (the scan is not empty)', { timeout: 60_000 }, () => {
    expect(all().length).toBeGreaterThan(100);
  });

  it('contain no Chinese outside interpolated names and titles', { timeout: 60_000 }, () => {
    const bad = all()
      .filter((m) => literalTexts(m.expr, m.consts).some((t) => CJK.test(t)))
      .map((m) => m.where);
    expect(bad).toEqual([]);
  });
});
