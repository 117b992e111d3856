/** Assessment (annual grades) API hooks over the shared contracts. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  batchDetailSchema,
  batchSummarySchema,
  gradeResultSchema,
  myGradeSchema,
  taskSchema,
  type BatchBody,
  type GradeBody,
} from '../../../common/contracts/assessments.js';
import { apiFetch } from '../../api/client.js';

const enc = encodeURIComponent;

export function useBatches() {
  return useQuery({
    queryKey: ['grade-batches'],
    queryFn: async () =>
      (await apiFetch('/api/assessments/batches', { schema: z.object({ items: z.array(batchSummarySchema) }) })).items,
  });
}

export function useMyGrades() {
  return useQuery({
    queryKey: ['grades-mine'],
    queryFn: async () =>
      (await apiFetch('/api/assessments/mine', { schema: z.object({ items: z.array(myGradeSchema) }) })).items,
  });
}

export function useTasks(status?: 'open' | 'done' | 'cancelled') {
  return useQuery({
    queryKey: ['grade-tasks', status],
    queryFn: async () =>
      (
        await apiFetch('/api/assessments/tasks', {
          query: { status },
          schema: z.object({ items: z.array(taskSchema) }),
        })
      ).items,
  });
}

export function useBatch(id: string) {
  return useQuery({
    queryKey: ['grade-batch', id],
    queryFn: () => apiFetch(`/api/assessments/batches/${enc(id)}`, { schema: batchDetailSchema }),
  });
}

export function useCreateBatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BatchBody) => apiFetch<{ id: string }>('/api/assessments/batches', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['grade-batches'] }),
  });
}

export function useSetGrade(batchId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, body }: { personId: string; body: GradeBody }) =>
      apiFetch(`/api/assessments/batches/${enc(batchId)}/grades/${enc(personId)}`, {
        method: 'PUT',
        body,
        schema: gradeResultSchema,
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['grade-batch', batchId] }),
  });
}

export function useSetTeamGrade(batchId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { teamGrade: string | null; note?: string | null }) =>
      apiFetch(`/api/assessments/batches/${enc(batchId)}/team-grade`, { method: 'PUT', body }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['grade-batch', batchId] }),
  });
}

export function useCompleteTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      apiFetch(`/api/assessments/tasks/${enc(id)}/complete`, { method: 'POST', body: { note } }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['grade-tasks'] }),
  });
}
