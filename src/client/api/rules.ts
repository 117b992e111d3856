/** The rules catalogue with effective parameters, and unit overrides. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { overrideSchema, ruleSchema } from '../../common/contracts/rules.js';
import { apiFetch } from './client.js';

const rulesSchema = z.object({ items: z.array(ruleSchema) });
const overridesSchema = z.object({ items: z.array(overrideSchema) });
export type Override = z.infer<typeof overrideSchema>;

export function useRules(unitId: string | undefined, at: string | undefined) {
  return useQuery({
    queryKey: ['rules', unitId ?? '', at ?? ''],
    queryFn: async () => (await apiFetch('/api/rules', { query: { unitId, at }, schema: rulesSchema })).items,
    staleTime: 60_000,
  });
}

export function useOverrides(ruleId: string | undefined, unitId: string | undefined) {
  return useQuery({
    queryKey: ['overrides', ruleId, unitId],
    queryFn: async () =>
      (
        await apiFetch(`/api/rules/${encodeURIComponent(ruleId ?? '')}/overrides`, {
          query: { unitId },
          schema: overridesSchema,
        })
      ).items,
    enabled: Boolean(ruleId && unitId),
  });
}

export interface OverrideBody {
  unitId: string;
  params: Record<string, unknown>;
  effectiveFrom: string;
  reason: string;
}

export function useCreateOverride(ruleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OverrideBody) =>
      apiFetch(`/api/rules/${encodeURIComponent(ruleId)}/overrides`, { method: 'POST', body }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['rules'] });
      await qc.invalidateQueries({ queryKey: ['overrides', ruleId] });
    },
  });
}
