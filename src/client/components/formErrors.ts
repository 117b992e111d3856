/**
 * Maps a server error onto an antd form: ApiError.field ('resume.2.text') becomes the form
 * field ['resume', 2, 'text'] with the server's Chinese message; rule findings are returned
 * for a RuleFindings alert; anything else is shown as a message.
 */
import type { FormInstance } from 'antd';
import { useCallback, useRef } from 'react';
import type { Finding } from '../../common/rules/types.js';
import { isApiError } from '../api/client.js';

export type NamePath = (string | number)[];

export function fieldPath(field: string): NamePath {
  return field
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The server's message without a leading "field：" the form already shows by the field. */
export function fieldMessage(message: string): string {
  const i = message.indexOf('：');
  return i > 0 && i < 20 && /^[\w.]+$/.test(message.slice(0, i)) ? message.slice(i + 1) : message;
}

export interface ShownError {
  findings: Finding[];
  /** A message for the page when the error is not tied to a field (or the field is not in the form) */
  message: string | null;
}

export function applyApiError(form: FormInstance | null, err: unknown): ShownError {
  if (!isApiError(err)) return { findings: [], message: err instanceof Error ? err.message : String(err) };
  if (err.findings.length > 0) {
    // A refusal that names a field and carries its rule: the field shows the message, the alert the rule.
    if (form && err.field && form.getFieldInstance(fieldPath(err.field))) {
      form.setFields([{ name: fieldPath(err.field), errors: [fieldMessage(err.message)] }]);
    }
    return { findings: err.findings, message: null };
  }
  if (form && err.field) {
    const name = fieldPath(err.field);
    form.setFields([{ name, errors: [fieldMessage(err.message)] }]);
    // A field the form does not render (or a custom control without a ref) also gets a page message.
    const rendered = Boolean(form.getFieldInstance(name));
    if (rendered) form.scrollToField(name, { block: 'center' });
    return { findings: [], message: rendered ? null : err.message };
  }
  return { findings: [], message: err.message };
}

interface ChangedField {
  name: unknown;
  value?: unknown;
}

/**
 * applyApiError for one form, plus an onFieldsChange handler that clears a server error from a
 * field as soon as its value changes (antd keeps errors set by setFields until then).
 */
export function useServerErrors(form: FormInstance) {
  const pending = useRef(new Map<string, string>());
  const apply = useCallback(
    (err: unknown): ShownError => {
      const shown = applyApiError(form, err);
      if (isApiError(err) && err.field) {
        const name = fieldPath(err.field);
        pending.current.set(JSON.stringify(name), JSON.stringify(form.getFieldValue(name) ?? null));
      }
      return shown;
    },
    [form],
  );
  const onFieldsChange = useCallback(
    (changed: ChangedField[]) => {
      for (const f of changed) {
        const key = JSON.stringify(f.name);
        const at = pending.current.get(key);
        if (at !== undefined && JSON.stringify(f.value ?? null) !== at) {
          pending.current.delete(key);
          form.setFields([{ name: f.name as NamePath, errors: [] }]);
        }
      }
    },
    [form],
  );
  return { apply, onFieldsChange };
}
