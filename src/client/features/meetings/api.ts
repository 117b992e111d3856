/** Meetings API hooks over the shared contracts, and the live subscription (server-sent events). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { findingSchema } from '../../../common/contracts/common.js';
import {
  meetingDetailSchema,
  meetingListSchema,
  minutesSchema,
  type MinutesContent,
} from '../../../common/contracts/meetings.js';
import { apiFetch } from '../../api/client.js';

const idFindings = z.object({ id: z.string(), findings: z.array(findingSchema) });
const findingsOnly = z.object({ findings: z.array(findingSchema) });
const closeResult = z.object({ result: z.string(), findings: z.array(findingSchema) });

export const meetingKey = (id: string) => ['meeting', id] as const;

export function useMeetings(q: {
  unitId: string | undefined;
  year?: number | undefined;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: ['meetings', q],
    queryFn: () => apiFetch('/api/meetings', { query: { ...q }, schema: meetingListSchema }),
    enabled: Boolean(q.unitId),
    placeholderData: keepPreviousData,
  });
}

/** The meeting, kept live: re-read on every server-sent change, and every 15 s as a fallback. */
export function useMeeting(id: string) {
  const qc = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const es = new EventSource(`/api/meetings/${encodeURIComponent(id)}/events`);
    es.addEventListener('hello', () => setConnected(true));
    es.addEventListener('change', () => void qc.invalidateQueries({ queryKey: meetingKey(id) }));
    es.onerror = () => setConnected(false);
    return () => es.close();
  }, [id, qc]);
  const query = useQuery({
    queryKey: meetingKey(id),
    queryFn: () => apiFetch(`/api/meetings/${encodeURIComponent(id)}`, { schema: meetingDetailSchema }),
    refetchInterval: 15_000,
  });
  return { ...query, connected };
}

/** A POST on the meeting's API that refreshes the meeting afterwards. */
export function useMeetingAction<B = unknown, R = unknown>(
  meetingId: string,
  path: (b: B) => string,
  opts: { method?: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; body?: (b: B) => unknown } = {},
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: B) =>
      apiFetch<R>(path(b), { method: opts.method ?? 'POST', body: opts.body ? opts.body(b) : undefined }),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: meetingKey(meetingId) });
      await qc.invalidateQueries({ queryKey: ['minutes', meetingId] });
    },
  });
}

export function useSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch('/api/meetings', { method: 'POST', body, schema: idFindings }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['meetings'] }),
  });
}

export function useAddItem(meetingId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { agendaItemId: string; voteMethod: string }) =>
      apiFetch(`/api/meetings/${meetingId}/items`, { method: 'POST', body, schema: idFindings }),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: meetingKey(meetingId) });
      await qc.invalidateQueries({ queryKey: ['items'] });
    },
  });
}

export const openSchema = findingsOnly;
export const closeVotingSchema = closeResult;

export function useMinutes(meetingId: string) {
  return useQuery({
    queryKey: ['minutes', meetingId],
    queryFn: () => apiFetch(`/api/meetings/${meetingId}/minutes`, { schema: minutesSchema }),
  });
}

export function useSaveMinutes(meetingId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (content: MinutesContent) =>
      apiFetch(`/api/meetings/${meetingId}/minutes`, { method: 'PUT', body: content }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['minutes', meetingId] }),
  });
}
