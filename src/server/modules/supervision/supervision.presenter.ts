/**
 * A supervision record as a reader sees it: texts decrypted only where the policy lets this reader
 * see them (others read null), the influence periods it wrote, and its effects as findings.
 */
import { MEASURE_LABELS, type MeasureKind } from '../../../common/supervision.js';
import { INQUIRY_OUTCOMES, RECORD_STATUS_LABELS, type RecordView } from '../../../common/contracts/supervision.js';
import type { InfluenceBlock } from '../../../common/contracts/eligibility.js';
import { getRule } from '../../../common/rules/catalogue.js';
import type { Finding } from '../../../common/rules/types.js';
import type { AppContext } from '../../context.js';
import { fromJson, toBool } from '../../db/helpers.js';
import type { RecordWithNames } from './supervision.repository.js';
import { visibleTexts, type Reader } from './supervision.policy.js';

export interface PeriodRowLike {
  rule_id: string;
  start_date: string;
  end_date: string | null;
  blocks: string;
  voided_on: string | null;
}

function open(ctx: AppContext, r: RecordWithNames, column: 'summary_enc' | 'allegations_enc' | 'reply_enc') {
  const enc = r[column];
  if (!enc) return null;
  return JSON.parse(ctx.crypto.decrypt(enc, { table: 'supervision_records', column, rowId: r.id })) as string;
}

export function present(
  ctx: AppContext,
  r: RecordWithNames,
  reader: Reader,
  opts: { today: string; periods: readonly PeriodRowLike[]; effects: Finding[]; canManage: boolean },
): RecordView {
  const kind = r.kind as MeasureKind;
  const show = visibleTexts(reader, kind);
  const outcome = INQUIRY_OUTCOMES.find((o) => o === r.outcome) ?? null;
  const due = r.reply_due;
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    kind,
    kindLabel: MEASURE_LABELS[kind],
    tier: r.tier,
    tierReason: r.tier_override_reason,
    groupId: r.group_id,
    issuedOn: r.issued_on,
    effectiveOn: r.effective_on,
    issuer: r.issuer,
    issuerLevel: r.issuer_level === 'higher' ? 'higher' : 'same',
    confidential: toBool(r.confidential),
    status: r.status,
    statusLabel: RECORD_STATUS_LABELS[r.status] ?? r.status,
    summary: show.summary ? open(ctx, r, 'summary_enc') : null,
    allegations: show.allegations ? open(ctx, r, 'allegations_enc') : null,
    receivedOn: r.received_on,
    replyDue: due,
    overdue: r.status === 'issued' && due !== null && due < opts.today,
    extensionReason: r.extension_reason,
    repliedOn: r.replied_on,
    reply: show.reply ? open(ctx, r, 'reply_enc') : null,
    outcome,
    probationMonths: r.probation_months,
    statedMonths: r.stated_months,
    combinedKinds: fromJson(r.combined_kinds, null),
    concludedOn: r.concluded_on,
    revokedOn: r.revoked_on,
    revokeReason: r.revoke_reason,
    replacedBy: r.replaced_by,
    effects: opts.effects,
    periods: opts.periods.map((p) => ({
      ruleId: p.rule_id,
      start: p.start_date,
      end: p.end_date,
      blocks: fromJson<InfluenceBlock[]>(p.blocks, []),
      voided: p.voided_on !== null,
    })),
    citation: kind in CITING ? getRule(CITING[kind] as string).citation : null,
    can: {
      reply: opts.canManage && kind === 'inquiry_letter' && r.status === 'issued',
      conclude: opts.canManage && kind === 'case_open' && r.status === 'open',
      revoke: opts.canManage && r.status === 'in_force',
    },
  };
}

/** The rule that governs each kind of record (shown with it). */
const CITING: Partial<Record<MeasureKind, string>> = {
  reminder_talk: 'TX-03',
  reminder_written: 'TX-03',
  inquiry_letter: 'TX-04',
  admonition_talk: 'TX-05',
  admonition_written: 'TX-05',
  heart_talk: 'TX-06',
  party_warning: 'IP-01',
  party_serious_warning: 'IP-02',
  party_post_removal: 'IP-03',
  party_probation: 'IP-04',
  party_probation_restored: 'IP-04',
  party_expulsion: 'IP-05',
  gov_warning: 'IP-06',
  gov_demerit: 'IP-06',
  gov_major_demerit: 'IP-06',
  gov_demotion: 'IP-06',
  gov_dismissal: 'IP-06',
  gov_expulsion: 'IP-06',
  transfer_out: 'NS-04',
  removal: 'NS-04',
  demotion: 'NS-04',
  resign_blame: 'NS-04',
  ordered_resign: 'NS-04',
  rank_only: 'NS-04',
  case_open: 'IP-09',
};
