/**
 * Benchmark history for meetings and decisions: `units` subordinate units under `parents` units
 * above (100 each by default), five years of monthly Party Group meetings with 8 items each,
 * attendance, tallies and decided agenda items; about 1% of items carry a detector flag (below
 * quorum, ad-hoc personnel item, outcome differs), one decision a year per unit was taken outside
 * any meeting, and some minutes were approved late. Inserted directly in batches: the benchmark
 * measures the report and the list, not the loading.
 */
import type { AppContext } from '../../src/server/context.js';
import { addDays } from '../../src/common/dates.js';
import {
  FLAG_AD_HOC_PERSONNEL,
  FLAG_BELOW_QUORUM,
  FLAG_OUTCOME_DIFFERS,
} from '../../src/server/modules/meetings/meetings.rules.js';
import { seededRandom, uuidv7, type Random } from '../../src/server/platform/random.js';

export interface BenchWorld {
  parentIds: string[];
  unitIds: string[];
  userId: string;
  rows: number;
}

const TEAM = 7;
const pad = (n: number) => String(n).padStart(2, '0');

class Batch {
  private readonly pending = new Map<string, Record<string, unknown>[]>();
  rows = 0;
  constructor(
    private readonly ctx: AppContext,
    private readonly size = 20_000,
  ) {}
  async add(table: string, row: Record<string, unknown>): Promise<void> {
    const list = this.pending.get(table) ?? [];
    list.push(row);
    this.pending.set(table, list);
    this.rows += 1;
    if (this.rows % this.size === 0) await this.flush();
  }
  /** Tables in foreign-key order. */
  async flush(): Promise<void> {
    const order = [
      'units',
      'people',
      'users',
      'team_members',
      'decision_catalogue',
      'agenda_items',
      'meetings',
      'meeting_attendance',
      'meeting_items',
      'meeting_item_tallies',
    ];
    await this.ctx.db.transaction().execute(async (trx) => {
      for (const t of order) {
        const list = this.pending.get(t) ?? [];
        for (let i = 0; i < list.length; i += 500) {
          await trx
            .insertInto(t as never)
            .values(list.slice(i, i + 500))
            .execute();
        }
        this.pending.set(t, []);
      }
    });
  }
}

export async function generate(
  ctx: AppContext,
  opts: { units: number; perParent: number; years: number; lastYear: number; lastMonth: number },
): Promise<BenchWorld> {
  const r: Random = seededRandom(7);
  const id = (t = Date.parse('2026-01-01')) => uuidv7(r, t);
  const now = '2026-06-08T02:00:00.000Z';
  const b = new Batch(ctx);
  const gac = id();
  await b.add('units', {
    id: gac,
    parent_id: null,
    name: '总署',
    short_name: '总署',
    level: 'gac',
    organ_type: 'party_committee',
    code: null,
    sort_order: 0,
    created_at: now,
    updated_at: now,
  });
  const parentIds: string[] = [];
  const unitIds: string[] = [];
  for (let p = 0; p < Math.ceil(opts.units / opts.perParent); p++) {
    const pid = id();
    parentIds.push(pid);
    await b.add('units', {
      id: pid,
      parent_id: gac,
      name: `直属海关${p + 1}`,
      short_name: `直属${p + 1}`,
      level: 'direct',
      organ_type: 'party_group',
      code: null,
      sort_order: p,
      created_at: now,
      updated_at: now,
    });
  }
  const userId = id();
  const person = (unitId: string, name: string) => ({
    id: id(),
    unit_id: unitId,
    name,
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
  const officer = person(parentIds[0] as string, '基准人事处');
  await b.add('people', officer);
  await b.add('users', {
    id: userId,
    username: 'bench-office',
    display_name: '基准',
    password_hash: 'x',
    person_id: officer.id,
    admin_role: null,
    status: 'active',
    failed_logins: 0,
    locked_until: null,
    must_change_password: 0,
    password_changed_at: now,
    last_login_at: null,
    is_demo: 0,
    created_at: now,
    updated_at: now,
  });

  for (let u = 0; u < opts.units; u++) {
    const unitId = id();
    unitIds.push(unitId);
    await b.add('units', {
      id: unitId,
      parent_id: parentIds[Math.floor(u / opts.perParent)],
      name: `隶属海关${u + 1}`,
      short_name: `隶属${u + 1}`,
      level: 'subordinate',
      organ_type: 'party_group',
      code: null,
      sort_order: u,
      created_at: now,
      updated_at: now,
    });
    const team = Array.from({ length: TEAM }, (_, i) => person(unitId, `成员${u}-${i}`));
    for (const [i, p] of team.entries()) {
      await b.add('people', p);
      await b.add('team_members', {
        id: id(),
        unit_id: unitId,
        person_id: p.id,
        team_post: i === 0 ? 'secretary' : 'member',
        admin_post: i === 0 ? '关长' : '副关长',
        is_party_group_member: 1,
        division_of_work: null,
        start_date: '2020-01-01',
        end_date: null,
        end_reason: null,
        sort_order: i,
        created_at: now,
        updated_at: now,
      });
    }
    const cats = ['ordinary', 'personnel', 'large_fund'].map((kind) => ({ id: id(), kind }));
    for (const c of cats) {
      await b.add('decision_catalogue', {
        id: c.id,
        unit_id: unitId,
        name: `事项-${c.kind}`,
        category: '本单位重大问题',
        tzyd_category: c.kind === 'personnel' ? 'cadre_appointment' : c.kind === 'large_fund' ? 'large_fund' : null,
        item_kind: c.kind === 'personnel' ? 'personnel' : 'ordinary',
        collective_required: 1,
        major_decision: 0,
        technical: 0,
        stability_risk: 0,
        not_public: 0,
        important: c.kind === 'ordinary' ? 0 : 1,
        active: 1,
        sort_order: 0,
        note: null,
        created_at: now,
        updated_at: now,
      });
    }
    let seq = 0;
    for (let y = opts.lastYear - opts.years; y <= opts.lastYear; y++) {
      for (let m = 1; m <= 12; m++) {
        if ((y === opts.lastYear - opts.years && m <= opts.lastMonth) || (y === opts.lastYear && m > opts.lastMonth)) {
          continue;
        }
        seq = m === 1 || seq === 0 ? 1 : seq + 1;
        const date = `${y}-${pad(m)}-${pad(10 + (u % 10))}`;
        const t = Date.parse(date);
        const meetingId = id(t);
        const late = r.int(100) === 0;
        await b.add('meetings', {
          id: meetingId,
          unit_id: unitId,
          year: y,
          seq,
          title: `${y}年第${seq}次党组会议`,
          date,
          start_time: '09:00',
          location: '会议室',
          chair_person_id: team[0]?.id,
          recorder_person_id: team[1]?.id,
          status: 'closed',
          entry_mode: 'live',
          retrospective_reason: null,
          published_at: now,
          opened_at: now,
          closed_at: now,
          minutes_approved_on: late ? addDays(date, 30) : addDays(date, 5),
          version: 1,
          created_by: userId,
          created_at: now,
          updated_at: now,
        });
        for (const [i, p] of team.entries()) {
          await b.add('meeting_attendance', {
            meeting_id: meetingId,
            person_id: p.id,
            role: 'member',
            name: p.name,
            post: null,
            status: i === 6 && m % 4 === 0 ? 'leave' : 'present',
            leave_reason: null,
            leave_requested_at: null,
            written_opinion: null,
            sort_order: i,
            updated_at: now,
          });
        }
        for (let k = 0; k < 8; k++) {
          const c = cats[k === 0 && m % 3 === 0 ? 1 : k === 1 ? 2 : 0] as { id: string; kind: string };
          const personnel = c.kind === 'personnel';
          const roll = r.int(300);
          const flags =
            roll === 0
              ? FLAG_BELOW_QUORUM
              : roll === 1 && personnel
                ? FLAG_AD_HOC_PERSONNEL
                : roll === 2
                  ? FLAG_OUTCOME_DIFFERS
                  : 0;
          const agendaId = id(t);
          const miId = id(t);
          await b.add('agenda_items', {
            id: agendaId,
            unit_id: unitId,
            catalogue_id: c.id,
            title: `议题${y}${pad(m)}-${k + 1}`,
            summary: '说明',
            kind: personnel ? 'personnel' : 'ordinary',
            tzyd_category: personnel ? 'cadre_appointment' : c.kind === 'large_fund' ? 'large_fund' : null,
            tzyd_auto: 0,
            collective_required: 1,
            amount_fen: c.kind === 'large_fund' ? 2_000_000 : null,
            project_amount_fen: null,
            important: c.kind === 'ordinary' ? 0 : 1,
            major_decision: 0,
            technical: 0,
            stability_risk: 0,
            not_public: 0,
            exploratory_reform: 0,
            legal_risk_note: null,
            sponsor_person_id: null,
            proposed_by: userId,
            proposed_at: now,
            approved_by: userId,
            approved_at: now,
            approved_on: flags === FLAG_AD_HOC_PERSONNEL ? date : addDays(date, -5),
            status: 'decided',
            origin: 'agenda',
            paper_entry: 0,
            deferred_count: 0,
            decided_on: date,
            outcome: 'passed',
            decision_text: '同意',
            decided_how: null,
            decided_by_person_id: null,
            decided_meeting_item_id: miId,
            amends_item_id: null,
            amend_kind: null,
            created_at: now,
            updated_at: now,
          });
          await b.add('meeting_items', {
            id: miId,
            meeting_id: meetingId,
            agenda_item_id: agendaId,
            unit_id: unitId,
            meeting_date: date,
            item_kind: personnel ? 'personnel' : 'ordinary',
            tzyd_category: null,
            seq: k + 1,
            vote_method: personnel ? 'secret' : 'hands',
            state: 'closed',
            is_prior: flags === FLAG_AD_HOC_PERSONNEL ? 0 : 1,
            is_reconsideration: 0,
            added_at: now,
            voting_opened_at: now,
            closed_at: now,
            members_count: TEAM,
            expected_count: TEAM,
            present_count: flags === FLAG_BELOW_QUORUM ? 3 : TEAM,
            quorum_required: personnel ? 5 : 4,
            quorum_ok: flags === FLAG_BELOW_QUORUM ? 0 : 1,
            participants: TEAM,
            result: 'passed',
            recorded_outcome: flags === FLAG_OUTCOME_DIFFERS ? 'not_passed' : 'passed',
            defer_reason: null,
            flags,
          });
          await b.add('meeting_item_tallies', {
            meeting_item_id: miId,
            candidate_id: 'main',
            agree: TEAM - 1,
            disagree: 1,
            abstain: 0,
            defer: 0,
            result: 'passed',
          });
        }
      }
      const od = `${y}-07-${pad(1 + (u % 20))}`;
      if (od < `${opts.lastYear}-${pad(opts.lastMonth)}-01`) {
        await b.add('agenda_items', {
          id: id(),
          unit_id: unitId,
          catalogue_id: cats[2]?.id,
          title: `会外决定${y}`,
          summary: '说明',
          kind: 'ordinary',
          tzyd_category: 'large_fund',
          tzyd_auto: 0,
          collective_required: 1,
          amount_fen: 5_000_000,
          project_amount_fen: null,
          important: 1,
          major_decision: 0,
          technical: 0,
          stability_risk: 0,
          not_public: 0,
          exploratory_reform: 0,
          legal_risk_note: null,
          sponsor_person_id: null,
          proposed_by: userId,
          proposed_at: now,
          approved_by: null,
          approved_at: null,
          approved_on: null,
          status: 'decided',
          origin: 'outside_meeting',
          paper_entry: 1,
          deferred_count: 0,
          decided_on: od,
          outcome: 'passed',
          decision_text: '同意',
          decided_how: '文件圈阅',
          decided_by_person_id: null,
          decided_meeting_item_id: null,
          amends_item_id: null,
          amend_kind: null,
          created_at: now,
          updated_at: now,
        });
      }
    }
  }
  await b.flush();
  return { parentIds, unitIds, userId, rows: b.rows };
}
