/** Units and teams (班子). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { teamSchema, unitSchema, type AddTeamMemberBody, type Unit } from '../../common/contracts/orgs.js';
import { apiFetch } from './client.js';

const unitsSchema = z.object({ items: z.array(unitSchema) });

export interface UnitBody {
  parentId: string;
  name: string;
  shortName: string;
  level: Unit['level'];
  organType: Unit['organType'];
  code?: string | null;
  sortOrder?: number;
}
export interface TeamMemberPatch {
  adminPost?: string | null;
  divisionOfWork?: string | null;
  sortOrder?: number;
  endDate?: string;
  endReason?: string | null;
}

export function useUnits() {
  return useQuery({
    queryKey: ['units'],
    queryFn: async () => (await apiFetch('/api/orgs/units', { schema: unitsSchema })).items,
    staleTime: 60_000,
  });
}

export function useTeam(unitId: string, history: boolean) {
  return useQuery({
    queryKey: ['team', unitId, history],
    queryFn: () =>
      apiFetch(`/api/orgs/units/${encodeURIComponent(unitId)}/team`, {
        query: { history: history ? '1' : '0' },
        schema: teamSchema,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitBody) => apiFetch<{ id: string }>('/api/orgs/units', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['units'] }),
  });
}

export function useAddTeamMember(unitId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<AddTeamMemberBody>) =>
      apiFetch<{ id: string }>(`/api/orgs/units/${encodeURIComponent(unitId)}/team`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['team', unitId] }),
  });
}

export function usePatchTeamMember(unitId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, body }: { memberId: string; body: TeamMemberPatch }) =>
      apiFetch(`/api/orgs/team-members/${encodeURIComponent(memberId)}`, { method: 'PATCH', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['team', unitId] }),
  });
}
