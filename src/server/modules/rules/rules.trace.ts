/**
 * Test-run tracing of rule parameter reads (issue 8 §4: "every declared parameter is read by the
 * code that evaluates its rule"). Inert unless a test harness installs a listener: then the
 * parameter objects the registry hands out record each key the code reads. Storing a finding
 * copies the plain values (RAW_PARAMS) and does not count as a read.
 */
import { RAW_PARAMS } from '../../../common/rules/finding.js';

type Listener = (ruleId: string, key: string) => void;
let listener: Listener | null = null;

/** Install (or remove, with null) the listener; only the test harness calls this. */
export function onParamRead(fn: Listener | null): void {
  listener = fn;
}

/** The parameter values, wrapped to report reads while a listener is installed. */
export function traced(ruleId: string, params: Record<string, unknown>): Record<string, unknown> {
  const fn = listener;
  if (!fn) return params;
  return new Proxy(params, {
    get(target, key, receiver) {
      if (key === RAW_PARAMS) return target;
      if (typeof key === 'string' && Object.prototype.hasOwnProperty.call(target, key)) fn(ruleId, key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
