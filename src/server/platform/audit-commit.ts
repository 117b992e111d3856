/**
 * Tells the audit checkpoint writer about a new audit head only once the transaction that moved
 * it has committed (issue 8 §2): a rolled-back transaction leaves no checkpoint ahead of the
 * database. The database dialect is wrapped so each connection notices the AuditLog's
 * `update audit_head set seq, hash` (read from the query tree, not from SQL text), keeps it while
 * the transaction runs (with savepoints), and hands it to the listener right after COMMIT returns.
 * A crash between the commit and the listener leaves events after the last checkpoint: verify
 * reports them as not yet anchored (a warning), not as tampering.
 */
import {
  ColumnNode,
  TableNode,
  UpdateQueryNode,
  ValueNode,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

export interface AuditHead {
  seq: number;
  hash: string;
}

/** One listener per database handle: the context's checkpoint writer. */
export class AuditCommitHook {
  private listener: ((head: AuditHead) => void) | null = null;

  listen(fn: ((head: AuditHead) => void) | null): void {
    this.listener = fn;
  }

  emit(head: AuditHead): void {
    this.listener?.(head);
  }
}

/** The (seq, hash) an `update audit_head` query sets, or null for any other query. */
export function auditHeadUpdateOf(query: CompiledQuery['query']): AuditHead | null {
  if (!UpdateQueryNode.is(query) || !query.table || !TableNode.is(query.table)) return null;
  if (query.table.table.identifier.name !== 'audit_head') return null;
  const set: Record<string, unknown> = {};
  for (const u of query.updates ?? []) {
    if (ColumnNode.is(u.column) && ValueNode.is(u.value)) set[u.column.column.name] = u.value.value;
  }
  return typeof set.seq === 'number' && typeof set.hash === 'string' ? { seq: set.seq, hash: set.hash } : null;
}

class HookedConnection implements DatabaseConnection {
  inTransaction = false;
  pending: AuditHead | null = null;
  readonly savepoints: { name: string; pending: AuditHead | null }[] = [];

  constructor(
    readonly inner: DatabaseConnection,
    private readonly hook: AuditCommitHook,
  ) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.inner.executeQuery<R>(compiledQuery);
    const head = auditHeadUpdateOf(compiledQuery.query);
    if (head) {
      if (this.inTransaction) this.pending = head;
      else this.hook.emit(head);
    }
    return result;
  }

  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiledQuery, chunkSize);
  }

  reset(): void {
    this.inTransaction = false;
    this.pending = null;
    this.savepoints.length = 0;
  }
}

type Compile = QueryCompiler['compileQuery'];

function hookedDriver(inner: Driver, hook: AuditCommitHook): Driver {
  const c = (conn: unknown) => conn as HookedConnection;
  const driver: Driver = {
    init: () => inner.init(),
    acquireConnection: async () => new HookedConnection(await inner.acquireConnection(), hook),
    beginTransaction: async (conn, settings: TransactionSettings) => {
      await inner.beginTransaction(c(conn).inner, settings);
      c(conn).reset();
      c(conn).inTransaction = true;
    },
    commitTransaction: async (conn) => {
      await inner.commitTransaction(c(conn).inner);
      const head = c(conn).pending;
      c(conn).reset();
      if (head) hook.emit(head);
    },
    rollbackTransaction: async (conn) => {
      try {
        await inner.rollbackTransaction(c(conn).inner);
      } finally {
        c(conn).reset();
      }
    },
    releaseConnection: (conn) => inner.releaseConnection(c(conn).inner),
    destroy: () => inner.destroy(),
  };
  if (inner.savepoint) {
    const savepoint = inner.savepoint.bind(inner);
    driver.savepoint = async (conn, name: string, compile: Compile) => {
      await savepoint(c(conn).inner, name, compile);
      c(conn).savepoints.push({ name, pending: c(conn).pending });
    };
  }
  if (inner.rollbackToSavepoint) {
    const rollbackTo = inner.rollbackToSavepoint.bind(inner);
    driver.rollbackToSavepoint = async (conn, name: string, compile: Compile) => {
      await rollbackTo(c(conn).inner, name, compile);
      const sp = c(conn).savepoints;
      const at = sp.map((s) => s.name).lastIndexOf(name);
      if (at >= 0) {
        c(conn).pending = sp[at]?.pending ?? null;
        sp.length = at;
      }
    };
  }
  if (inner.releaseSavepoint) {
    const release = inner.releaseSavepoint.bind(inner);
    driver.releaseSavepoint = async (conn, name: string, compile: Compile) => {
      await release(c(conn).inner, name, compile);
      const sp = c(conn).savepoints;
      const at = sp.map((s) => s.name).lastIndexOf(name);
      if (at >= 0) sp.length = at;
    };
  }
  return driver;
}

/** The dialect with every connection reporting committed audit heads to the hook. */
export function withAuditCommitHook(dialect: Dialect, hook: AuditCommitHook): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => hookedDriver(dialect.createDriver(), hook),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}
