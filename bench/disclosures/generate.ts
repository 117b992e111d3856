/**
 * Benchmark data for the disclosures: one checking office (乌鲁木齐海关-like) managing `units`
 * subordinate units of `perUnit` reporters each (副处 ranks), an annual report per reporter
 * (encrypted like real ones) and, for the statistics, classified checks with per-item results.
 * Inserted directly in batches (the benchmark measures the use cases, not the loading).
 */
import type { AppContext } from '../../src/server/context.js';
import { chunk } from '../../src/server/db/helpers.js';
import { ITEM_KEYS, emptyItems, type ReportItems } from '../../src/common/contracts/disclosures-items.js';
import { seededRandom, uuidv7 } from '../../src/server/platform/random.js';
import { field, seal } from '../../src/server/modules/disclosures/disclosures.shared.js';

export interface BenchWorld {
  officeUnitId: string;
  unitIds: string[];
  personIds: string[];
  personnelUserId: string;
  year: number;
}

export function benchItems(i: number): ReportItems {
  return {
    ...emptyItems(),
    income: { salaryFen: 15_000_000 + (i % 50) * 10_000, bonusFen: 2_000_000, allowanceFen: 1_000_000 },
    housing: {
      entries: [
        {
          owner: 'self',
          kind: 'residence',
          address: `测试市建设路${i}号1-${100 + (i % 9)}`,
          certificateNo: `BENCH-${i}`,
          areaSqm: 90 + (i % 40),
          acquiredOn: '2015-05-01',
          source: 'purchase',
          priceFen: 50_000_000,
        },
        ...(i % 3 === 0
          ? [
              {
                owner: 'self',
                kind: 'parking' as const,
                address: `测试市建设路${i}号车位`,
                certificateNo: `BENCH-P-${i}`,
                areaSqm: 13,
                acquiredOn: '2016-01-01',
                source: 'purchase' as const,
                priceFen: 8_000_000,
              },
            ]
          : []),
      ],
    },
    securities: {
      stocks: i % 4 === 0 ? [{ owner: 'self', name: '中国银行', code: '601988', shares: 1000, valueFen: 450_000 }] : [],
      funds: [],
      insurance: [],
    },
  };
}

/** What a registry shows for reporter i: mostly the same, sometimes more (to exercise every class). */
export function benchRegistry(i: number): Partial<ReportItems> {
  const r = benchItems(i);
  if (i % 10 === 1) r.housing.entries[0] = { ...r.housing.entries[0]!, areaSqm: r.housing.entries[0]!.areaSqm + 8 };
  if (i % 25 === 2) {
    r.housing.entries.push({
      owner: 'self',
      kind: 'residence',
      address: `另一城市幸福路${i}号`,
      certificateNo: `BENCH-X-${i}`,
      areaSqm: 77,
      acquiredOn: '2020-01-01',
      source: 'purchase',
      priceFen: 60_000_000,
    });
  }
  return { housing: r.housing, income: r.income, securities: r.securities, marriage: r.marriage };
}

export async function generate(
  ctx: AppContext,
  opts: { units: number; perUnit: number; year: number; statsChecksPerUnit: number },
): Promise<BenchWorld> {
  const g = seededRandom(42);
  const id = () => uuidv7(g, 1_767_225_600_000);
  const now = '2026-01-01T00:00:00.000Z';
  const rootId = id();
  const officeUnitId = id();
  const unitIds = Array.from({ length: opts.units }, () => id());
  const personIds: string[] = [];
  const personnelUserId = id();
  await ctx.db.transaction().execute(async (trx) => {
    const unit = (uid: string, parent: string | null, name: string, level: string, sort: number) => ({
      id: uid,
      parent_id: parent,
      name,
      short_name: name,
      level,
      organ_type: 'party_group',
      code: null,
      sort_order: sort,
      created_at: now,
      updated_at: now,
    });
    await trx
      .insertInto('units')
      .values([unit(rootId, null, '基准总署', 'gac', 0), unit(officeUnitId, rootId, '基准直属海关', 'direct', 1)])
      .execute();
    for (const part of chunk(
      unitIds.map((u, i) =>
        unit(u, officeUnitId, `基准隶属海关${String(i + 1).padStart(3, '0')}`, 'subordinate', 10 + i),
      ),
      200,
    )) {
      await trx.insertInto('units').values(part).execute();
    }
    const people = [];
    const ranks = [];
    const reports = [];
    for (const [u, unitId] of unitIds.entries()) {
      for (let k = 0; k < opts.perUnit; k++) {
        const pid = id();
        personIds.push(pid);
        people.push({
          id: pid,
          unit_id: unitId,
          name: `报告人${u}-${k}`,
          sex: 'M',
          birth_month: '1975-01',
          ethnicity: '汉族',
          native_place: null,
          birthplace: null,
          political_status: 'cpc',
          party_join_date: null,
          work_start_date: null,
          health: null,
          professional_title: null,
          expertise: null,
          education_fulltime: null,
          education_inservice: null,
          rewards_punishments: null,
          id_number_enc: null,
          id_number_blind: null,
          id_number_last4: null,
          is_demo: 0,
          created_at: now,
          updated_at: now,
        });
        ranks.push({
          id: id(),
          person_id: pid,
          rank_code: k === 0 ? 'L-DIV-CHIEF' : k % 3 === 0 ? 'G-DY4' : 'L-DIV-DEPUTY',
          start_date: '2018-01-01',
          end_date: null,
          note: null,
          created_at: now,
        });
        const onTime = (u + k) % 7 !== 0;
        const reportId = id();
        // Each ciphertext is bound to its own row (issue 8 §7b): one value cannot be shared.
        const payload = seal(
          ctx,
          { items: benchItems(0), relatives: [], notes: null },
          field('disclosure_reports', 'payload_enc', reportId),
        );
        reports.push({
          id: reportId,
          person_id: pid,
          unit_id: unitId,
          year: opts.year,
          kind: 'annual',
          event_date: null,
          annual_key: `${pid}:${opts.year}`,
          status: 'submitted',
          due_date: `${opts.year}-01-31`,
          reminder_from: `${opts.year}-01-01`,
          payload_enc: payload,
          payload_hash: '0'.repeat(64),
          signature: '报告人',
          submitted_at: now,
          submitted_on: onTime ? `${opts.year}-01-20` : `${opts.year}-02-10`,
          on_time: onTime ? 1 : 0,
          amendment_count: k % 11 === 0 ? 1 : 0,
          created_at: now,
          updated_at: now,
        });
      }
    }
    for (const part of chunk(people, 500)) await trx.insertInto('people').values(part).execute();
    for (const part of chunk(ranks, 500)) await trx.insertInto('person_ranks').values(part).execute();
    for (const part of chunk(reports, 300)) await trx.insertInto('disclosure_reports').values(part).execute();
    // Classified checks for the statistics (not the ones the classify benchmark writes).
    const checks = [];
    const items = [];
    for (const [u, unitId] of unitIds.entries()) {
      for (let k = 0; k < opts.statsChecksPerUnit; k++) {
        const cid = id();
        const result = (u + k) % 13 === 0 ? 'concealment' : (u + k) % 5 === 0 ? 'omission' : 'consistent';
        checks.push({
          id: cid,
          person_id: personIds[u * opts.perUnit + k] as string,
          unit_id: unitId,
          year: opts.year,
          kind: 'random',
          trigger: null,
          reason_enc: null,
          draw_id: null,
          report_id: null,
          report_version: 0,
          status: 'classified',
          registry_enc: null,
          result,
          assets_flag: 0,
          created_by: personnelUserId,
          created_at: now,
          checked_by: null,
          checked_at: now,
        });
        for (const [j, item] of ITEM_KEYS.entries()) {
          if (j > 4) break;
          items.push({
            id: id(),
            check_id: cid,
            unit_id: unitId,
            year: opts.year,
            item_key: item,
            classification: j === 2 && result !== 'consistent' ? result : 'consistent',
            reasons_enc: '', // no reasons: '' stands for []
          });
        }
      }
    }
    for (const part of chunk(checks, 300)) await trx.insertInto('disclosure_checks').values(part).execute();
    for (const part of chunk(items, 500)) await trx.insertInto('disclosure_check_items').values(part).execute();
  });
  return { officeUnitId, unitIds, personIds, personnelUserId, year: opts.year };
}
