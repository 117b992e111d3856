/** Account administration (系统管理员) and role grants (安全管理员). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  accountChangeResultSchema,
  accountRequestSchema,
  grantSchema,
  personPickSchema,
  userSchema,
  type AccountChangeResult,
} from '../../common/contracts/accounts.js';
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

function useUsersMutation<V>(fn: (v: V) => Promise<AccountChangeResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['users'] });
      await qc.invalidateQueries({ queryKey: ['account-requests'] });
    },
  });
}

export interface CreateUserBody {
  username: string;
  displayName: string;
  adminRole: 'system_admin' | 'security_admin' | 'auditor' | null;
  personId: string | null;
}

const change = { schema: accountChangeResultSchema };

/** Create an account: the result carries its activation code (or first half) to show once. */
export const useCreateUser = () =>
  useUsersMutation((body: CreateUserBody) => apiFetch('/api/accounts/users', { method: 'POST', body, ...change }));
export const useUpdateUser = () =>
  useUsersMutation(
    ({ id, ...body }: { id: string; status?: 'active' | 'disabled'; displayName?: string; personId?: string | null }) =>
      apiFetch(`/api/accounts/users/${encodeURIComponent(id)}`, { method: 'PATCH', body, ...change }),
  );
export const useResetUser = () =>
  useUsersMutation((id: string) =>
    apiFetch(`/api/accounts/users/${encodeURIComponent(id)}/reset`, { method: 'POST', ...change }),
  );
export const useUnlockUser = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/accounts/users/${encodeURIComponent(id)}/unlock`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
};

const requestsSchema = z.object({ items: z.array(accountRequestSchema) });

/** Requests waiting for a second admin (or all of them). */
export function useAccountRequests(status: 'pending' | 'all') {
  return useQuery({
    queryKey: ['account-requests', status],
    queryFn: async () =>
      (await apiFetch('/api/accounts/requests', { query: { status }, schema: requestsSchema })).items,
  });
}

export const useConfirmRequest = () =>
  useUsersMutation((id: string) =>
    apiFetch(`/api/accounts/requests/${encodeURIComponent(id)}/confirm`, { method: 'POST', ...change }),
  );

function useRequestAction<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['account-requests'] });
      await qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

export const useRejectRequest = () =>
  useRequestAction(({ id, reason }: { id: string; reason?: string }) =>
    apiFetch(`/api/accounts/requests/${encodeURIComponent(id)}/reject`, { method: 'POST', body: { reason } }),
  );
export const useCancelRequest = () =>
  useRequestAction((id: string) =>
    apiFetch(`/api/accounts/requests/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),
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
