/** Ballots API hooks over the shared contracts. Public pages (code holders) use the same fetch with the double-submit CSRF cookie. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { saveDownload } from '../../api/download.js';
import {
  ballotFormSchema,
  myBallotSessionSchema,
  paperEntryListSchema,
  paperEntryResultSchema,
  participationSchema,
  receiptSchema,
  resultsSchema,
  sessionDetailSchema,
  sessionSummarySchema,
  templateSchema,
  type Answers,
  type BallotKind,
  type SessionBody,
} from '../../../common/contracts/ballots.js';
import type { findingSchema } from '../../../common/contracts/common.js';
import { apiFetch, isApiError } from '../../api/client.js';

const enc = encodeURIComponent;
export const sessionKey = (id: string) => ['ballot-session', id] as const;

export function useSessions(q: { unitId?: string | undefined; year?: number | undefined }) {
  return useQuery({
    queryKey: ['ballot-sessions', q],
    queryFn: async () =>
      (
        await apiFetch('/api/ballots/sessions', {
          query: q,
          schema: z.object({ items: z.array(sessionSummarySchema) }),
        })
      ).items,
    placeholderData: keepPreviousData,
  });
}

export function useMyBallots() {
  return useQuery({
    queryKey: ['ballots-mine'],
    queryFn: async () =>
      (await apiFetch('/api/ballots/mine', { schema: z.object({ items: z.array(myBallotSessionSchema) }) })).items,
  });
}

export function fetchTemplate(unitId: string, kind: BallotKind, year: number) {
  return apiFetch('/api/ballots/templates', { query: { unitId, kind, year }, schema: templateSchema });
}

export function useBallotSession(id: string, enabled = true) {
  return useQuery({
    queryKey: sessionKey(id),
    queryFn: () => apiFetch(`/api/ballots/sessions/${enc(id)}`, { schema: sessionDetailSchema }),
    enabled,
  });
}

export function useSaveSession(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SessionBody) =>
      id
        ? apiFetch(`/api/ballots/sessions/${enc(id)}`, { method: 'PUT', body }).then(() => ({ id }))
        : apiFetch<{ id: string }>('/api/ballots/sessions', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['ballot-sessions'] }),
  });
}

export function useSessionAction(id: string, action: 'open' | 'close') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch<{ findings?: z.infer<typeof findingSchema>[] }>(`/api/ballots/sessions/${enc(id)}/${action}`, {
        method: 'POST',
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: sessionKey(id) }),
  });
}

/** POST for the code slips (.docx) and save the file: the codes exist only in this document. */
export async function downloadCodes(id: string, category: string, count: number): Promise<string> {
  const csrf = (await apiFetch<{ csrfToken: string }>('/api/auth/session')).csrfToken;
  return saveDownload(`/api/ballots/sessions/${enc(id)}/codes`, {}, 'codes.docx', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify({ category, count }),
  });
}

/** Live participation for the hall screen, polled every two seconds. */
export function useParticipation(id: string, live = true) {
  return useQuery({
    queryKey: ['ballot-participation', id],
    queryFn: () => apiFetch(`/api/ballots/sessions/${enc(id)}/participation`, { schema: participationSchema }),
    refetchInterval: live ? 2000 : false,
  });
}

export function useResults(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['ballot-results', id],
    queryFn: () => apiFetch(`/api/ballots/sessions/${enc(id)}/results`, { schema: resultsSchema }),
    enabled,
  });
}

export function usePaperEntries(id: string) {
  return useQuery({
    queryKey: ['ballot-paper', id],
    queryFn: () => apiFetch(`/api/ballots/sessions/${enc(id)}/paper-entries`, { schema: paperEntryListSchema }),
    refetchInterval: 5000,
  });
}

export function usePaperEntry(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; answers: Answers }) =>
      apiFetch(`/api/ballots/sessions/${enc(id)}/paper-entries`, {
        method: 'POST',
        body,
        schema: paperEntryResultSchema,
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['ballot-paper', id] }),
  });
}

export function useDiscardPaper(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      apiFetch(`/api/ballots/sessions/${enc(id)}/paper-entries/discard`, { method: 'POST', body: { code } }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['ballot-paper', id] }),
  });
}

export function useMemberForm(id: string) {
  return useQuery({
    queryKey: ['ballot-member-form', id],
    queryFn: () =>
      apiFetch(`/api/ballots/sessions/${enc(id)}/member-form`, {
        schema: ballotFormSchema.extend({ voted: z.boolean() }),
      }),
  });
}

export function castMemberBallot(id: string, answers: Answers) {
  return apiFetch(`/api/ballots/sessions/${enc(id)}/member-ballot`, {
    method: 'POST',
    body: { answers },
    schema: receiptSchema,
  });
}

export function errorText(e: unknown): string {
  return isApiError(e) || e instanceof Error ? e.message : String(e);
}
