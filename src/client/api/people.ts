/** Cadre records (干部档案). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { pageOf } from '../../common/contracts/common.js';
import {
  personBasicSchema,
  personDetailSchema,
  personListItemSchema,
  type PersonBody,
  type PersonDetail,
  type PersonUpdate,
} from '../../common/contracts/people.js';
import { apiFetch, downloadUrl, type Query } from './client.js';

const pageSchema = pageOf(personListItemSchema);
export type PeoplePage = z.infer<typeof pageSchema>;

export interface PeopleQuery extends Query {
  unitId?: string;
  q?: string;
  sex?: string;
  ethnicity?: string;
  level?: string;
  teamOnly?: '0' | '1';
  sort?: string;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export function usePeople(query: PeopleQuery, enabled = true) {
  return useQuery({
    queryKey: ['people', query],
    queryFn: () => apiFetch('/api/people', { query, schema: pageSchema }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function rosterUrl(unitId: string | undefined): string {
  return downloadUrl('/api/people/export.xlsx', { unitId });
}

export type PersonBasic = z.infer<typeof personBasicSchema>;
/** A record as the actor may see it: the full 任免审批表 fields, or names, posts and 分工 only. */
export type PersonView = (PersonDetail & { access: 'full' }) | (PersonBasic & { access: 'basic' });

export async function fetchPerson(id: string): Promise<PersonView> {
  const raw = await apiFetch<{ access?: string }>(`/api/people/${encodeURIComponent(id)}`);
  const schema = raw?.access === 'full' ? personDetailSchema : personBasicSchema;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) console.error('响应与契约不符 /api/people/:id', parsed.error.issues.slice(0, 5));
  return (parsed.success ? parsed.data : raw) as PersonView;
}

export function usePerson(id: string | undefined) {
  return useQuery({ queryKey: ['person', id], queryFn: () => fetchPerson(id ?? ''), enabled: Boolean(id) });
}

function useInvalidatePerson(id?: string) {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: ['people'] });
    if (id) await qc.invalidateQueries({ queryKey: ['person', id] });
    await qc.invalidateQueries({ queryKey: ['team'] });
  };
}

export function useCreatePerson() {
  const done = useInvalidatePerson();
  return useMutation({
    mutationFn: (body: PersonBody) => apiFetch<{ id: string }>('/api/people', { method: 'POST', body }),
    onSuccess: done,
  });
}

export function useUpdatePerson(id: string) {
  const done = useInvalidatePerson(id);
  return useMutation({
    mutationFn: (body: PersonUpdate) => apiFetch(`/api/people/${encodeURIComponent(id)}`, { method: 'PUT', body }),
    onSuccess: done,
  });
}

const revealSchema = z.object({ idNumber: z.string().nullable() });

export function useRevealIdNumber(id: string) {
  return useMutation({
    mutationFn: () =>
      apiFetch(`/api/people/${encodeURIComponent(id)}/id-number/reveal`, { method: 'POST', schema: revealSchema }),
  });
}

export type HistoryKind = 'ranks' | 'posts' | 'transfer';

/** POST /api/people/:id/ranks | posts | transfer */
export function useAddHistory(id: string, kind: HistoryKind) {
  const done = useInvalidatePerson(id);
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch(`/api/people/${encodeURIComponent(id)}/${kind}`, { method: 'POST', body }),
    onSuccess: done,
  });
}
