/**
 * Run an action and show what came back: rule findings (blocks and warnings, with their citations)
 * stay on the page until dismissed; other errors appear as a message.
 */
import { App } from 'antd';
import { useCallback, useState } from 'react';
import type { Finding } from '../../../common/rules/types.js';
import { isApiError } from '../../api/client.js';

export function useRun() {
  const { message } = App.useApp();
  const [findings, setFindings] = useState<Finding[]>([]);
  const run = useCallback(
    async <R>(fn: () => Promise<R>, done?: string): Promise<R | undefined> => {
      try {
        const r = await fn();
        const warned = (r as { findings?: Finding[] } | undefined)?.findings ?? [];
        setFindings(warned.filter((f) => f.kind !== 'info'));
        if (done) message.success(done);
        return r;
      } catch (e) {
        if (isApiError(e) && e.findings.length) setFindings(e.findings);
        else message.error(e instanceof Error ? e.message : String(e));
        return undefined;
      }
    },
    [message],
  );
  return { run, findings, clear: () => setFindings([]) };
}

export type Run = ReturnType<typeof useRun>['run'];
