/**
 * Run an action and show what came back: rule findings (with their citations) stay on the page
 * until dismissed; a field error goes to the form when one is given; other errors as a message.
 */
import { App, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import type { Finding } from '../../../common/rules/types.js';
import { isApiError } from '../../api/client.js';
import { applyApiError } from '../../components/formErrors.js';

export function useRun(form?: FormInstance) {
  const { message } = App.useApp();
  const [findings, setFindings] = useState<Finding[]>([]);
  const run = useCallback(
    async <R>(fn: () => Promise<R>, done?: string): Promise<R | undefined> => {
      try {
        const r = await fn();
        setFindings(((r as { findings?: Finding[] } | undefined)?.findings ?? []).filter((f) => f.kind !== 'info'));
        if (done) void message.success(done);
        return r;
      } catch (e) {
        if (isApiError(e) && e.findings.length) setFindings(e.findings);
        else {
          const shown = applyApiError(form ?? null, e);
          if (shown.message) void message.error(shown.message);
        }
        return undefined;
      }
    },
    [message, form],
  );
  return { run, findings, clear: () => setFindings([]) };
}
