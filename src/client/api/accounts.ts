/** Account administration (系统管理员) and role grants (安全管理员). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { grantSchema, personPickSchema, userSchema } from '../../common/contracts/accounts.js';
import type { GrantableRole } from '../../common/roles.js';
import { apiFetch } from './client.js';

const usersSchema = z.object({ items: z.array(userSchema) });
const grantsSchema = z.object({ items: z.array(grantSchema) });
const picksSchema = z.object({ items: z.array(personPickSchema) });

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: ['users'],
    queryFn: async () => (await apiFetch('/api/accounts/users', { schema: usersSchema })).items,
    enabled,
  });
}

export async function pickPeople(q: string) {
  return (await apiFetch('/api/accounts/people-picker', { query: { q }, schema: picksSchema })).items;
}

function useUsersMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }) });
}

export interface CreateUserBody {
  username: string;
  displayName: string;
  password: string;
  adminRole: 'system_admin' | 'security_admin' | 'auditor' | null;
  personId: string | null;
}

export const useCreateUser = () =>
  useUsersMutation((body: CreateUserBody) => apiFetch('/api/accounts/users', { method: 'POST', body }));
export const useUpdateUser = () =>
  useUsersMutation(
    ({ id, ...body }: { id: string; status?: 'active' | 'disabled'; displayName?: string; personId?: string | null }) =>
      apiFetch(`/api/accounts/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  );
export const useResetPassword = () =>
  useUsersMutation(({ id, newPassword }: { id: string; newPassword: string }) =>
    apiFetch(`/api/accounts/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST', body: { newPassword } }),
  );
export const useUnlockUser = () =>
  useUsersMutation((id: string) =>
    apiFetch(`/api/accounts/users/${encodeURIComponent(id)}/unlock`, { method: 'POST' }),
  );

export function useGrants() {
  return useQuery({
    queryKey: ['grants'],
    queryFn: async () => (await apiFetch('/api/accounts/grants', { schema: grantsSchema })).items,
  });
}

function useGrantsMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['grants'] }) });
}

export const useCreateGrant = () =>
  useGrantsMutation((body: { userId: string; role: GrantableRole; unitId: string }) =>
    apiFetch('/api/accounts/grants', { method: 'POST', body }),
  );
export const useRevokeGrant = () =>
  useGrantsMutation((id: string) => apiFetch(`/api/accounts/grants/${encodeURIComponent(id)}`, { method: 'DELETE' }));
