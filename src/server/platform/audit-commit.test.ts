/**
 * The checkpoint hook learns an audit head only after its transaction commits (issue 8 §2): never
 * for a rolled-back transaction or a rolled-back savepoint.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type DatabaseHandle } from '../db/connect.js';
import { auditHeadUpdateOf, type AuditHead } from './audit-commit.js';

describe('audit commit hook', () => {
  let h: DatabaseHandle;
  let seen: AuditHead[];
  beforeEach(async () => {
    h = openSqlite(':memory:');
    seen = [];
    h.auditCommits.listen((head) => seen.push(head));
    await sql`create table audit_head (id integer primary key, seq integer not null, hash text not null)`.execute(h.db);
    await sql`insert into audit_head values (1, 0, 'g')`.execute(h.db);
  });
  afterEach(() => h.close());

  const move = (db: typeof h.db, seq: number) =>
    db
      .updateTable('audit_head')
      .set({ seq, hash: `h${seq}` })
      .where('id', '=', 1)
      .execute();

  it('reads (seq, hash) from an update of audit_head and ignores other queries', () => {
    const q = h.db.updateTable('audit_head').set({ seq: 3, hash: 'x' }).where('id', '=', 1).compile();
    expect(auditHeadUpdateOf(q.query)).toEqual({ seq: 3, hash: 'x' });
    expect(auditHeadUpdateOf(h.db.selectFrom('audit_head').selectAll().compile().query)).toBeNull();
    expect(auditHeadUpdateOf(h.db.updateTable('users').set({ username: 'x' }).compile().query)).toBeNull();
  });

  it('reports the head after COMMIT, once, and nothing for a rollback', async () => {
    await h.db.transaction().execute(async (trx) => {
      await move(trx, 1);
      await move(trx, 2);
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual([{ seq: 2, hash: 'h2' }]);
    await expect(
      h.db.transaction().execute(async (trx) => {
        await move(trx, 3);
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(seen).toEqual([{ seq: 2, hash: 'h2' }]);
  });

  it('forgets a head moved inside a savepoint that was rolled back', async () => {
    const trx = await h.db.startTransaction().execute();
    await move(trx, 5);
    const sp = await trx.savepoint('inner').execute();
    await move(sp, 6);
    await sp.rollbackToSavepoint('inner').execute();
    await trx.commit().execute();
    expect(seen).toEqual([{ seq: 5, hash: 'h5' }]);
  });
});
