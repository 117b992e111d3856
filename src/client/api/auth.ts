/** Session, login, logout and password change. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
// Types only: zod and the schemas stay out of the console's first load.
import type { ActivateBody, LoginBody, SessionState } from '../../common/contracts/accounts.js';
import { apiFetch, setCsrfToken } from './client.js';

export const SESSION_KEY = ['session'] as const;

export async function fetchSession(): Promise<SessionState> {
  const s = await apiFetch<SessionState>('/api/auth/session', { noAuthRedirect: true });
  setCsrfToken(s.csrfToken);
  return s;
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: 1 });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) =>
      apiFetch<SessionState>('/api/auth/login', { method: 'POST', body, noAuthRedirect: true }),
    onSuccess: (s) => {
      setCsrfToken(s.csrfToken);
      qc.clear();
      qc.setQueryData(SESSION_KEY, s);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch('/api/auth/logout', { method: 'POST', noAuthRedirect: true }),
    onSettled: async () => {
      setCsrfToken(null);
      qc.clear();
      await qc.fetchQuery({ queryKey: SESSION_KEY, queryFn: fetchSession });
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiFetch('/api/auth/password', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

/** Activate an account with its activation code (public, before login). */
export function useActivate() {
  return useMutation({
    mutationFn: (body: ActivateBody) => apiFetch('/api/auth/activate', { method: 'POST', body, noAuthRedirect: true }),
  });
}
