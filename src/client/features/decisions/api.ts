/** Decisions API hooks over the shared contracts. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { findingSchema, pageOf } from '../../../common/contracts/common.js';
import {
  catalogueSchema,
  dashboardSchema,
  decisionListItemSchema,
  evaluationSchema,
  itemDetailSchema,
  itemListEntrySchema,
  taskSchema,
  violationsReportSchema,
} from '../../../common/contracts/decisions.js';
import { apiFetch } from '../../api/client.js';

export const idFindings = z.object({ id: z.string(), findings: z.array(findingSchema) });

export function useCatalogue(unitId: string | undefined) {
  return useQuery({
    queryKey: ['catalogue', unitId],
    queryFn: () => apiFetch('/api/decisions/catalogue', { query: { unitId }, schema: catalogueSchema }),
    enabled: Boolean(unitId),
  });
}

export function useItems(q: {
  unitId: string | undefined;
  pool?: '0' | '1';
  status?: string | undefined;
  page?: number;
  pageSize?: number;
}) {
  return useQuery({
    queryKey: ['items', q],
    queryFn: () => apiFetch('/api/decisions/items', { query: { ...q }, schema: pageOf(itemListEntrySchema) }),
    enabled: Boolean(q.unitId),
    placeholderData: keepPreviousData,
  });
}

export function useItem(id: string) {
  return useQuery({
    queryKey: ['item', id],
    queryFn: () => apiFetch(`/api/decisions/items/${encodeURIComponent(id)}`, { schema: itemDetailSchema }),
  });
}

export function useDecisions(q: {
  unitId: string | undefined;
  year?: number | undefined;
  tzyd?: string | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: ['decisions', q],
    queryFn: () => apiFetch('/api/decisions', { query: { ...q }, schema: pageOf(decisionListItemSchema) }),
    enabled: Boolean(q.unitId),
    placeholderData: keepPreviousData,
  });
}

export function useTasks(q: { unitId: string | undefined; itemId?: string | undefined }) {
  return useQuery({
    queryKey: ['tasks', q],
    queryFn: async () =>
      (await apiFetch('/api/decisions/tasks', { query: { ...q }, schema: z.object({ items: z.array(taskSchema) }) }))
        .items,
    enabled: Boolean(q.unitId),
  });
}

export function useEvaluations(itemId: string) {
  return useQuery({
    queryKey: ['evaluations', itemId],
    queryFn: async () =>
      (
        await apiFetch(`/api/decisions/items/${itemId}/evaluations`, {
          schema: z.object({ items: z.array(evaluationSchema) }),
        })
      ).items,
  });
}

export function useDashboard(unitId: string | undefined, allowed = true) {
  return useQuery({
    queryKey: ['dashboard', unitId],
    queryFn: () => apiFetch('/api/decisions/dashboard', { query: { unitId }, schema: dashboardSchema }),
    enabled: Boolean(unitId) && allowed,
  });
}

export function useViolations(q: {
  unitId: string | undefined;
  scope: 'unit' | 'below';
  from?: string | undefined;
  to?: string | undefined;
  ruleId?: string | undefined;
  violationUnitId?: string | undefined;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: ['violations', q],
    queryFn: () => apiFetch('/api/decisions/violations', { query: { ...q }, schema: violationsReportSchema }),
    enabled: Boolean(q.unitId),
    placeholderData: keepPreviousData,
  });
}

/** A write under /api/decisions that refreshes the decision pages afterwards. */
export function useDecisionWrite<B = unknown, R = unknown>(
  path: (b: B) => string,
  opts: { method?: 'POST' | 'PATCH'; body?: (b: B) => unknown } = {},
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: B) => apiFetch<R>(path(b), { method: opts.method ?? 'POST', body: opts.body ? opts.body(b) : b }),
    onSettled: async () => {
      for (const k of ['item', 'items', 'decisions', 'tasks', 'catalogue', 'dashboard', 'evaluations']) {
        await qc.invalidateQueries({ queryKey: [k] });
      }
    },
  });
}
