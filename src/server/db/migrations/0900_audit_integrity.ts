/**
 * Issue 8 §2: audit_head only moves forward, to an existing event's (seq, hash), and can be
 * neither deleted nor joined by a second row; on PostgreSQL TRUNCATE of either audit table is
 * refused too (row triggers do not fire on TRUNCATE). An index on the action serves the anchor
 * lookup and the auditor's filter. These guards stop mistakes and casual edits; an insider who
 * drops them is caught by the keyed chain and the checkpoints outside the database. Frozen once
 * released: never edit, add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

async function isPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_events_action_idx').on('audit_events').column('action').execute();
  if (await isPostgres(db)) {
    await sql`create function banzi_audit_head_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then raise exception 'audit_head cannot be deleted'; end if;
        if tg_op = 'TRUNCATE' then raise exception 'audit_head cannot be truncated'; end if;
        if tg_op = 'INSERT' then raise exception 'audit_head has exactly one row'; end if;
        if new.id <> old.id or new.seq <= old.seq
           or not exists (select 1 from audit_events e where e.seq = new.seq and e.hash = new.hash) then
          raise exception 'audit_head only moves forward to an existing audit event';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger audit_head_guard before insert or update or delete on audit_head
      for each row execute function banzi_audit_head_guard()`.execute(db);
    await sql`create trigger audit_head_no_truncate before truncate on audit_head
      for each statement execute function banzi_audit_head_guard()`.execute(db);
    await sql`create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function banzi_audit_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_head_forward before update on audit_head
      when new.id is not old.id or new.seq <= old.seq
        or not exists (select 1 from audit_events e where e.seq = new.seq and e.hash = new.hash)
      begin select raise(abort, 'audit_head only moves forward to an existing audit event'); end`.execute(db);
    await sql`create trigger audit_head_no_delete before delete on audit_head
      begin select raise(abort, 'audit_head cannot be deleted'); end`.execute(db);
    await sql`create trigger audit_head_single before insert on audit_head
      begin select raise(abort, 'audit_head has exactly one row'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (await isPostgres(db)) {
    await sql`drop trigger if exists audit_events_no_truncate on audit_events`.execute(db);
    await sql`drop trigger if exists audit_head_no_truncate on audit_head`.execute(db);
    await sql`drop trigger if exists audit_head_guard on audit_head`.execute(db);
    await sql`drop function if exists banzi_audit_head_guard()`.execute(db);
  } else {
    await sql`drop trigger if exists audit_head_single`.execute(db);
    await sql`drop trigger if exists audit_head_no_delete`.execute(db);
    await sql`drop trigger if exists audit_head_forward`.execute(db);
  }
  await db.schema.dropIndex('audit_events_action_idx').ifExists().execute();
}
