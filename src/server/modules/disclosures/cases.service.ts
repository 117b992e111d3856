/**
 * Handling (PM-09..PM-11, FB-03..FB-04). A case's measures come from the unit's mapping
 * (classification, severity) -> allowed measures (PM-09 parameter; UNVERIFIED, so a measure
 * outside it is kept with a warning, never refused). Closing a concealment case ends its
 * restriction. A relatives' business case ends with the relative's exit or the cadre's adjustment
 * by its deadline; an overdue one warns of FB-04's escalation.
 */
import { FB_ACTIVITY_LABELS, type FbActivity } from '../../../common/contracts/disclosures.js';
import { AppError, forbidden, invalidField, notFound } from '../../../common/errors.js';
import type { Finding } from '../../../common/rules/types.js';
import type { AppContext } from '../../context.js';
import { toJson } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { nowIso, today } from '../../platform/clock.js';
import { closeInfluencePeriodsOf, openInfluencePeriodsOf } from '../eligibility/index.js';
import { finding } from '../../../common/rules/finding.js';
import { findingsOf, param, ruleContext, storeFindings, type RuleContext } from '../rules/index.js';
import * as checksRepo from './checks.repository.js';
import { canDecideCase, canReadReport, canResolveBusinessCase } from './disclosures.policy.js';
import { caseBase } from './disclosures.presenter.js';
import { field, recordCaseReads, seal, unseal } from './disclosures.shared.js';

type Severity = 'minor' | 'serious';
export type Mapping = Record<'omission' | 'concealment', Record<Severity, string[]>>;

const CLASS_KEYS: Record<string, 'omission' | 'concealment'> = {
  漏报: 'omission',
  omission: 'omission',
  隐瞒不报: 'concealment',
  concealment: 'concealment',
};
const SEVERITY_KEYS: Record<string, Severity> = {
  较轻: 'minor',
  情节较轻: 'minor',
  minor: 'minor',
  较重: 'serious',
  情节较重: 'serious',
  serious: 'serious',
};
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * PM-09's consequenceMapping: { 漏报|omission: { 较轻|minor: [...], 较重|serious: [...] }, 隐瞒不报|concealment: ... }.
 * A class mapped to a plain list allows those measures at both severities (the older shape).
 */
export function parseMapping(v: unknown): Mapping {
  const out: Mapping = { omission: { minor: [], serious: [] }, concealment: { minor: [], serious: [] } };
  if (!v || typeof v !== 'object') return out;
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    const cls = CLASS_KEYS[k];
    if (!cls) continue;
    if (Array.isArray(val)) out[cls] = { minor: strings(val), serious: strings(val) };
    else if (val && typeof val === 'object') {
      for (const [sk, sv] of Object.entries(val)) {
        const sev = SEVERITY_KEYS[sk];
        if (sev) out[cls][sev] = strings(sv);
      }
    }
  }
  return out;
}

async function caseOr404(ctx: AppContext, actor: Actor, id: string) {
  const c = await checksRepo.findCase(ctx.db, id);
  if (!c || !canReadReport(actor, { personId: c.person_id, unitId: c.person_unit_id })) throw notFound('案件');
  return c;
}

async function presentCase(ctx: AppContext, actor: Actor, c: checksRepo.CaseWithNames, mapping: Mapping) {
  const facts = { personId: c.person_id, unitId: c.person_unit_id };
  const decide = canDecideCase(actor, facts);
  return {
    ...caseBase(c),
    allowedMeasures: mapping[c.classification as 'omission' | 'concealment'] ?? { minor: [], serious: [] },
    note: c.note_enc && decide ? unseal<string>(ctx, c.note_enc, field('disclosure_cases', 'note_enc', c.id)) : null,
    restrictionActive: (await openInfluencePeriodsOf(ctx.db, 'disclosure_case', c.id)).length > 0,
    findings: await findingsOf(ctx.db, 'disclosure_case', c.id),
    canDecide: decide && c.status === 'open',
    canClose: decide && c.status === 'decided',
  };
}

export async function listCases(
  ctx: AppContext,
  actor: Actor,
  q: { unitId?: string | undefined; year?: number | undefined },
  meta: RequestMeta,
) {
  const managed = actor.adminRole ? [] : actor.managed.map((m) => m.unitId);
  if (q.unitId && !managed.includes(q.unitId)) throw notFound('单位');
  const rows = await checksRepo.listCases(ctx.db, {
    unitIds: q.unitId ? [q.unitId] : managed,
    selfId: q.unitId || actor.adminRole ? null : actor.personId,
    year: q.year,
  });
  const out = [];
  const read: typeof rows = [];
  const cache = new Map<string, Mapping>();
  for (const c of rows) {
    if (!cache.has(c.unit_id)) {
      cache.set(c.unit_id, parseMapping(param(await ruleContext(ctx, 'PM-09', c.unit_id), 'consequenceMapping')));
    }
    const view = await presentCase(ctx, actor, c, cache.get(c.unit_id) as Mapping);
    // Only the notes this response decrypts (for the offices that decide) are reads.
    if (view.note !== null) read.push(c);
    out.push(view);
  }
  await recordCaseReads(ctx, actor, meta, 'case', read, 'list');
  return out;
}

export async function getCase(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta) {
  const c = await caseOr404(ctx, actor, id);
  const view = await presentCase(
    ctx,
    actor,
    c,
    parseMapping(param(await ruleContext(ctx, 'PM-09', c.unit_id), 'consequenceMapping')),
  );
  if (view.note !== null) await recordCaseReads(ctx, actor, meta, 'case', [c], 'view');
  return view;
}

export async function decideCase(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { severity: Severity; measures: string[]; note?: string | null | undefined; referDiscipline: boolean },
  meta: RequestMeta,
) {
  const c = await caseOr404(ctx, actor, id);
  if (!canDecideCase(actor, { personId: c.person_id, unitId: c.person_unit_id })) {
    throw forbidden('只有具有干部管理权限的人事、纪检部门可以提出处理意见');
  }
  if (c.status !== 'open') throw new AppError('INVALID_STATE', '该案件已有处理决定');
  const d = today(ctx.clock);
  const pm09: RuleContext = await ruleContext(ctx, 'PM-09', c.unit_id, d);
  const allowed = parseMapping(param(pm09, 'consequenceMapping'))[c.classification as 'omission' | 'concealment'][
    body.severity
  ];
  const outside = body.measures.filter((m) => !allowed.includes(m));
  const findings: Finding[] = [];
  if (outside.length) {
    findings.push(
      finding(pm09.rule.id, { outside, allowed }, pm09.params, {
        zh: `处理措施“${outside.join('、')}”不在本单位对该情形配置的措施范围内（${allowed.join('、') || '未配置'}），请核实`,
        en: 'Measures outside the configured mapping',
        kind: 'warn',
      }),
    );
  }
  if (body.referDiscipline) {
    const pm10 = await ruleContext(ctx, 'PM-10', c.unit_id, d);
    findings.push(
      finding(pm10.rule.id, { classification: c.classification }, pm10.params, {
        zh: '移送纪检监察机关：隐瞒不报情节较重的，给予警告或者严重警告处分',
        en: 'Referred to the discipline body',
        kind: 'info',
      }),
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    await checksRepo.updateCase(trx, id, {
      severity: body.severity,
      measures: toJson(body.measures),
      refer_discipline: body.referDiscipline ? 1 : 0,
      note_enc: body.note ? seal(ctx, body.note, field('disclosure_cases', 'note_enc', id)) : null,
      status: 'decided',
      decided_at: nowIso(ctx.clock),
      decided_by: actor.userId,
    });
    await storeFindings(trx, ctx, c.unit_id, 'disclosure_case', id, findings);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'disclosures.case_decided',
      entityType: 'disclosure_case',
      entityId: id,
      unitId: c.unit_id,
      details: {
        severity: body.severity,
        measures: body.measures,
        referDiscipline: body.referDiscipline,
        outsideMapping: outside,
      },
    });
  });
  return findings;
}

/** Close a decided case; a concealment restriction ends the same day. */
export async function closeCase(
  ctx: AppContext,
  actor: Actor,
  id: string,
  note: string | null | undefined,
  meta: RequestMeta,
): Promise<void> {
  const c = await caseOr404(ctx, actor, id);
  if (!canDecideCase(actor, { personId: c.person_id, unitId: c.person_unit_id })) {
    throw forbidden('只有具有干部管理权限的人事、纪检部门可以结案');
  }
  if (c.status !== 'decided') {
    throw new AppError('INVALID_STATE', c.status === 'closed' ? '该案件已结案' : '请先作出处理决定');
  }
  const d = today(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const by = auditActorOf(actor, meta.requestId);
    await checksRepo.updateCase(trx, id, {
      status: 'closed',
      closed_on: d,
      closed_by: actor.userId,
      ...(note ? { note_enc: seal(ctx, note, field('disclosure_cases', 'note_enc', id)) } : {}),
    });
    const ended = await closeInfluencePeriodsOf(trx, ctx, by, {
      type: 'disclosure_case',
      id,
      endDate: d,
      unitId: c.unit_id,
    });
    await ctx.audit.record(trx, by, {
      action: 'disclosures.case_closed',
      entityType: 'disclosure_case',
      entityId: id,
      unitId: c.unit_id,
      details: { closedOn: d, restrictionsEnded: ended },
    });
  });
}

// ── relatives' business (FB-03, FB-04) ──────────────────────────────────────
interface BusinessDetails {
  relativeName: string;
  relationLabel: string;
  detail: string;
  message: string;
}

async function presentBusinessCase(ctx: AppContext, actor: Actor, b: checksRepo.BusinessCaseWithNames, d: string) {
  const det = unseal<BusinessDetails>(ctx, b.details_enc, field('disclosure_business_cases', 'details_enc', b.id));
  const overdue = b.status === 'open' && !!b.deadline && d > b.deadline;
  const findings = await findingsOf(ctx.db, 'disclosure_business_case', b.id);
  if (overdue) {
    const fb04 = await ruleContext(ctx, 'FB-04', b.unit_id, d);
    findings.push(
      finding(fb04.rule.id, { deadline: b.deadline }, fb04.params, {
        zh: `已超过纠正期限（${b.deadline ?? ''}）：拒不纠正的，领导干部应辞去现任职务或接受调整，仍不服从的给予撤销党内职务处分`,
        en: 'Past the correction deadline (FB-04)',
        kind: 'warn',
      }),
    );
  }
  return {
    id: b.id,
    personId: b.person_id,
    personName: b.person_name,
    unitId: b.unit_id,
    unitName: b.unit_name,
    reportId: b.report_id,
    relativeName: det.relativeName,
    relationLabel: det.relationLabel,
    activity: b.activity,
    activityLabel: FB_ACTIVITY_LABELS[b.activity as FbActivity] ?? b.activity,
    ruleId: b.rule_id,
    detail: det.detail,
    status: b.status as 'open' | 'resolved',
    deadline: b.deadline,
    overdue,
    outcome: (b.outcome ?? null) as never,
    resolvedOn: b.resolved_on,
    note: b.note_enc ? unseal<string>(ctx, b.note_enc, field('disclosure_business_cases', 'note_enc', b.id)) : null,
    findings,
    canResolve:
      canResolveBusinessCase(actor, { personId: b.person_id, unitId: b.person_unit_id }) && b.status === 'open',
  };
}

/** Every listed business case carries its decrypted details (the relative, the activity): each read is recorded. */
export async function listBusinessCases(ctx: AppContext, actor: Actor, unitId: string | undefined, meta: RequestMeta) {
  const managed = actor.adminRole ? [] : actor.managed.map((m) => m.unitId);
  if (unitId && !managed.includes(unitId)) throw notFound('单位');
  const rows = await checksRepo.listBusinessCases(ctx.db, {
    unitIds: unitId ? [unitId] : managed,
    selfId: unitId || actor.adminRole ? null : actor.personId,
  });
  const d = today(ctx.clock);
  const out = [];
  for (const b of rows) out.push(await presentBusinessCase(ctx, actor, b, d));
  await recordCaseReads(ctx, actor, meta, 'business_case', rows, 'list');
  return out;
}

export async function resolveBusinessCase(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { outcome: 'relative_exit' | 'cadre_adjusted'; resolvedOn: string; note?: string | null | undefined },
  meta: RequestMeta,
): Promise<void> {
  const b = await checksRepo.findBusinessCase(ctx.db, id);
  if (!b || !canReadReport(actor, { personId: b.person_id, unitId: b.person_unit_id })) throw notFound('案件');
  if (!canResolveBusinessCase(actor, { personId: b.person_id, unitId: b.person_unit_id })) {
    throw forbidden('只有具有干部管理权限的人事部门可以办结');
  }
  if (b.status !== 'open') throw new AppError('INVALID_STATE', '该案件已办结');
  const d = today(ctx.clock);
  if (body.resolvedOn > d) throw invalidField('resolvedOn', '办结日期不能晚于今天');
  if (body.resolvedOn < b.opened_on) throw invalidField('resolvedOn', '办结日期不能早于立案日期');
  await ctx.db.transaction().execute(async (trx) => {
    await checksRepo.updateBusinessCase(trx, id, {
      status: 'resolved',
      outcome: body.outcome,
      resolved_on: body.resolvedOn,
      resolved_by: actor.userId,
      note_enc: body.note ? seal(ctx, body.note, field('disclosure_business_cases', 'note_enc', id)) : null,
    });
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'disclosures.business_case_resolved',
      entityType: 'disclosure_business_case',
      entityId: id,
      unitId: b.unit_id,
      details: {
        outcome: body.outcome,
        resolvedOn: body.resolvedOn,
        late: !!b.deadline && body.resolvedOn > b.deadline,
      },
    });
  });
}
