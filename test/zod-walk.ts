/**
 * Reading zod 4 schemas for the tests that walk them (the fuzz): the definition behind wrappers
 * (optional, nullable, default, pipe...), and the checks a string, number or array carries.
 */
import type { ZodType } from 'zod';

export type Def = { type: string; [k: string]: unknown };
export const def = (s: ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

export interface Unwrapped {
  schema: ZodType;
  optional: boolean;
  nullable: boolean;
  /** The schema as written (idSchema and isoDateSchema are recognized by identity) */
  named: ZodType;
}

export function unwrap(s: ZodType): Unwrapped {
  let optional = false;
  let nullable = false;
  let cur = s;
  for (;;) {
    const d = def(cur);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'prefault') optional = true;
    else if (d.type === 'nullable') nullable = true;
    else if (d.type !== 'readonly' && d.type !== 'catch' && d.type !== 'pipe') break;
    cur = (d.type === 'pipe' ? d.in : d.innerType) as ZodType;
  }
  return { schema: cur, optional, nullable, named: cur };
}

export function checks(s: ZodType): Record<string, unknown>[] {
  return ((def(s).checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map((c) => c._zod.def);
}
export const check = (s: ZodType, name: string) => checks(s).find((c) => c.check === name);
export const maxLength = (s: ZodType) => check(s, 'max_length')?.maximum as number | undefined;
export const minLength = (s: ZodType) => check(s, 'min_length')?.minimum as number | undefined;

/** The paths of the string fields of a schema that accept any of the given values (e.g. control characters). */
export function textFieldsAccepting(schema: ZodType, ...values: string[]): string[] {
  const out: string[] = [];
  const walk = (s: ZodType, path: string, depth: number) => {
    const u = unwrap(s).schema;
    const d = def(u);
    if (depth > 10) return;
    if (d.type === 'string') {
      if (values.some((v) => u.safeParse(v).success)) out.push(path);
    } else if (d.type === 'object') {
      for (const [k, v] of Object.entries(d.shape as Record<string, ZodType>)) walk(v, `${path}.${k}`, depth + 1);
    } else if (d.type === 'array') walk(d.element as ZodType, `${path}.0`, depth + 1);
    else if (d.type === 'union') for (const o of d.options as ZodType[]) walk(o, path, depth + 1);
    else if (d.type === 'record') walk(d.valueType as ZodType, `${path}.*`, depth + 1);
  };
  walk(schema, 'body', 0);
  return [...new Set(out)];
}
