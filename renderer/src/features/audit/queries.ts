import type { AuditEntity } from '@core/api';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';

/** How many entries a History panel shows first, and adds per "show older". */
export const AUDIT_PAGE = 20;

/**
 * Audit keys hang off one root: every write that records an entry (billing's settle
 * helpers, the contract wording) invalidates it, so an open History panel follows.
 */
export const auditKeys = {
  all: ['audit'] as const,
  list: (entity: AuditEntity, entityId: string, limit: number) =>
    [...auditKeys.all, entity, entityId, limit] as const,
};

export const auditQueries = {
  list: (entity: AuditEntity, entityId: string, limit = AUDIT_PAGE) =>
    queryOptions({
      queryKey: auditKeys.list(entity, entityId, limit),
      queryFn: () => call('audit.list', { entity, entityId, offset: 0, limit }),
      placeholderData: keepPreviousData,
    }),
};
