/** First-run checklist and the units import (issue 16 §1). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
// Types only (no response schemas): the home page shows the checklist, and zod stays out of its first load.
import type { ImportResultBody } from '../../../common/contracts/orgs.js';
import type { Checklist } from '../../../common/contracts/setup.js';
import { apiFetch } from '../../api/client.js';

export function useChecklist() {
  return useQuery({
    queryKey: ['setup-checklist'],
    queryFn: () => apiFetch<Checklist>('/api/setup/checklist'),
  });
}

/** Read a file as base64 (without the data: prefix). */
export function fileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.onload = () => resolve(typeof r.result === 'string' ? r.result.replace(/^data:[^,]*,/, '') : '');
    r.readAsDataURL(file);
  });
}

export function useImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { file: string; fileName: string; dryRun: boolean }): Promise<ImportResultBody> =>
      apiFetch<ImportResultBody>('/api/orgs/import', { method: 'POST', body }),
    onSuccess: (r) => {
      if (!r.applied) return;
      for (const key of ['units', 'team', 'people', 'setup-checklist']) void qc.invalidateQueries({ queryKey: [key] });
    },
  });
}
