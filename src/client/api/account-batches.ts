/** Account batches for imported people (系统管理员 requests, 安全管理员 confirms; each takes their halves once). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { accountBatchDetailSchema, accountBatchSchema } from '../../common/contracts/account-batches.js';
import { apiFetch, parseApiError } from './client.js';

const enc = encodeURIComponent;
const listSchema = z.object({ items: z.array(accountBatchSchema) });
const requestedSchema = z.object({
  batch: accountBatchDetailSchema,
  excluded: z.array(
    z.object({ personId: z.string(), personName: z.string(), unitName: z.string(), reason: z.string() }),
  ),
});

export function useAccountBatches(enabled = true) {
  return useQuery({
    queryKey: ['account-batches'],
    queryFn: async () => (await apiFetch('/api/accounts/batches', { schema: listSchema })).items,
    enabled,
  });
}

export function useAccountBatch(id: string | null) {
  return useQuery({
    queryKey: ['account-batches', id],
    queryFn: () => apiFetch(`/api/accounts/batches/${enc(id ?? '')}`, { schema: accountBatchDetailSchema }),
    enabled: id !== null,
  });
}

function useBatchAction<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: ['account-batches'] });
      await qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

export const useRequestBatch = () =>
  useBatchAction((body: { unitIds?: string[]; personIds?: string[] }) =>
    apiFetch('/api/accounts/batches', { method: 'POST', body, schema: requestedSchema }),
  );
export const useConfirmBatch = () =>
  useBatchAction((id: string) =>
    apiFetch(`/api/accounts/batches/${enc(id)}/confirm`, { method: 'POST', schema: accountBatchDetailSchema }),
  );
export const useRejectBatch = () =>
  useBatchAction(({ id, reason }: { id: string; reason?: string }) =>
    apiFetch(`/api/accounts/batches/${enc(id)}/reject`, { method: 'POST', body: { reason } }),
  );
export const useCancelBatch = () =>
  useBatchAction((id: string) => apiFetch(`/api/accounts/batches/${enc(id)}/cancel`, { method: 'POST' }));

/** POST for the caller's halves (.xlsx) and save the file: the halves exist only in this document. */
async function downloadHalves(id: string): Promise<string> {
  const csrf = (await apiFetch<{ csrfToken: string }>('/api/auth/session')).csrfToken;
  const res = await fetch(`/api/accounts/batches/${enc(id)}/codes`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-csrf-token': csrf },
  });
  if (!res.ok) throw parseApiError(res.status, await res.json().catch(() => null));
  const name = decodeURIComponent(
    /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'codes.xlsx',
  );
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

export const useTakeHalves = () => useBatchAction((id: string) => downloadHalves(id));
