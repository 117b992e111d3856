/** Personal-matters reports API hooks over the shared contracts (src/common/contracts/disclosures.ts). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { findingSchema } from '../../../common/contracts/common.js';
import {
  businessCaseSchema,
  caseSchema,
  checkDetailSchema,
  checkSummarySchema,
  drawDetailSchema,
  drawSummarySchema,
  meSchema,
  publicationSchema,
  readEventSchema,
  reportDetailSchema,
  reportSummarySchema,
  statsSchema,
  subjectsSchema,
  verifyResultSchema,
} from '../../../common/contracts/disclosures.js';
import { restrictionsSchema } from '../../../common/contracts/eligibility.js';
import { apiFetch, type Query } from '../../api/client.js';

const items = <T extends z.ZodTypeAny>(s: T) => z.object({ items: z.array(s) });
const enc = encodeURIComponent;

export function useMyDisclosures() {
  return useQuery({ queryKey: ['disc', 'me'], queryFn: () => apiFetch('/api/disclosures/me', { schema: meSchema }) });
}

export function useMyReads() {
  return useQuery({
    queryKey: ['disc', 'me', 'reads'],
    queryFn: () => apiFetch('/api/disclosures/me/reads', { schema: items(readEventSchema) }),
  });
}

export function useReport(id: string, version?: number) {
  return useQuery({
    queryKey: ['disc', 'report', id, version ?? 'latest'],
    queryFn: () => apiFetch(`/api/disclosures/reports/${enc(id)}`, { query: { version }, schema: reportDetailSchema }),
    // Every read is audited: no refetch on focus, only after a change.
    staleTime: 300_000,
    refetchOnWindowFocus: false,
  });
}

export function useReportReads(id: string) {
  return useQuery({
    queryKey: ['disc', 'report', id, 'reads'],
    queryFn: () => apiFetch(`/api/disclosures/reports/${enc(id)}/reads`, { schema: items(readEventSchema) }),
  });
}

export function useReports(q: { unitId?: string; year?: number }, enabled = true) {
  return useQuery({
    queryKey: ['disc', 'reports', q],
    queryFn: () => apiFetch('/api/disclosures/reports', { query: q, schema: items(reportSummarySchema) }),
    enabled,
  });
}

export function useSubjects(unitId: string | undefined, year: number, all: boolean) {
  return useQuery({
    queryKey: ['disc', 'subjects', unitId, year, all],
    queryFn: () =>
      apiFetch('/api/disclosures/subjects', { query: { unitId, year, all: all ? '1' : '0' }, schema: subjectsSchema }),
    enabled: Boolean(unitId),
  });
}

export function useDraws() {
  return useQuery({
    queryKey: ['disc', 'draws'],
    queryFn: () => apiFetch('/api/disclosures/draws', { schema: items(drawSummarySchema) }),
  });
}

export function useDraw(id: string) {
  return useQuery({
    queryKey: ['disc', 'draw', id],
    queryFn: () => apiFetch(`/api/disclosures/draws/${enc(id)}`, { schema: drawDetailSchema }),
  });
}

export function useChecks(q: Query & { unitId?: string; year?: number; kind?: string; drawId?: string }) {
  return useQuery({
    queryKey: ['disc', 'checks', q],
    queryFn: () => apiFetch('/api/disclosures/checks', { query: q, schema: items(checkSummarySchema) }),
  });
}

export function useCheck(id: string) {
  return useQuery({
    queryKey: ['disc', 'check', id],
    queryFn: () => apiFetch(`/api/disclosures/checks/${enc(id)}`, { schema: checkDetailSchema }),
    staleTime: 300_000,
    refetchOnWindowFocus: false,
  });
}

export function useCases(unitId?: string) {
  return useQuery({
    queryKey: ['disc', 'cases', unitId],
    queryFn: () => apiFetch('/api/disclosures/cases', { query: { unitId }, schema: items(caseSchema) }),
  });
}

export function useBusinessCases(unitId?: string) {
  return useQuery({
    queryKey: ['disc', 'business', unitId],
    queryFn: () =>
      apiFetch('/api/disclosures/business-cases', { query: { unitId }, schema: items(businessCaseSchema) }),
  });
}

export function useStats(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['disc', 'stats', unitId, year],
    queryFn: () => apiFetch('/api/disclosures/stats', { query: { unitId, year }, schema: statsSchema }),
    enabled: Boolean(unitId),
  });
}

export function usePublication(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['disc', 'publication', unitId, year],
    queryFn: () => apiFetch('/api/disclosures/publication', { query: { unitId, year }, schema: publicationSchema }),
    enabled: Boolean(unitId),
  });
}

export function useRestrictions(personId: string, enabled = true) {
  return useQuery({
    queryKey: ['restrictions', personId],
    queryFn: () => apiFetch(`/api/people/${enc(personId)}/restrictions`, { schema: restrictionsSchema }),
    enabled,
  });
}

/** A state change on the disclosures API that refreshes every disclosures query afterwards. */
export function useDiscAction<B = unknown, R = unknown>(
  method: 'POST' | 'PUT' | 'DELETE' = 'POST',
  schema?: z.ZodType<R>,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: B }) =>
      apiFetch<R>(path, { method, body, ...(schema ? { schema } : {}) }),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: ['disc'] });
      await qc.invalidateQueries({ queryKey: ['restrictions'] });
    },
  });
}

export const createdSchema = z.object({ id: z.string() });
export const findingsResultSchema = z.object({ findings: z.array(findingSchema) });
export { verifyResultSchema };

export function docxUrl(id: string): string {
  return `/api/disclosures/reports/${enc(id)}/export.docx`;
}

export function drawFileUrl(id: string): string {
  return `/api/disclosures/draws/${enc(id)}/file.json`;
}
