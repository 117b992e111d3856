/** The audit log (安全审计员). */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { auditEventSchema, verifyResultSchema } from '../../common/contracts/audit.js';
import { pageOf } from '../../common/contracts/common.js';
import { apiFetch, type Query } from './client.js';

const pageSchema = pageOf(auditEventSchema);

export interface AuditQuery extends Query {
  actor?: string;
  unitId?: string;
  action?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function useAuditEvents(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => apiFetch('/api/audit/events', { query, schema: pageSchema }),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({
    mutationFn: () => apiFetch('/api/audit/verify', { method: 'POST', schema: verifyResultSchema }),
  });
}
