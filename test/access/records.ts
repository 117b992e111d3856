/**
 * Small records the rows need fresh copies of, inserted directly (a person who is not on a team).
 */
import { makeIdNumber } from '../fixtures.js';
import { nowIso } from '../../src/server/platform/clock.js';
import { uuidv7 } from '../../src/server/platform/random.js';
import type { AccessWorld } from './world.js';

/** A staff member of a unit (rank G-ZR2, not on the team); returns the person id. */
export async function staffPerson(w: AccessWorld, unitId: string, name = '测试人员'): Promise<string> {
  const ctx = w.env.ctx;
  const id = uuidv7(ctx.random);
  const now = nowIso(ctx.clock);
  const n = w.next();
  const idNumber = makeIdNumber(
    `1990-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
    'M',
    40 + (n % 50),
  );
  await ctx.db
    .insertInto('people')
    .values({
      id,
      unit_id: unitId,
      name,
      sex: 'M',
      birth_month: '1990-01',
      ethnicity: '汉族',
      native_place: null,
      birthplace: null,
      political_status: 'cpc',
      party_join_date: null,
      work_start_date: '2012-08-01',
      health: null,
      professional_title: null,
      expertise: null,
      education_fulltime: null,
      education_inservice: null,
      rewards_punishments: null,
      id_number_enc: ctx.crypto.encrypt(idNumber, { table: 'people', column: 'id_number_enc', rowId: id }),
      id_number_blind: ctx.crypto.blindIndex('id_number', idNumber),
      id_number_last4: idNumber.slice(-4),
      is_demo: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('person_units')
    .values({
      id: uuidv7(ctx.random),
      person_id: id,
      unit_id: unitId,
      start_date: '2012-08-01',
      end_date: null,
      created_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('person_ranks')
    .values({
      id: uuidv7(ctx.random),
      person_id: id,
      rank_code: 'G-ZR2',
      start_date: '2020-01-01',
      end_date: null,
      note: null,
      created_at: now,
    })
    .execute();
  return id;
}
