/**
 * The rules a personal-matters report is refused or warned by (issue 8 §4: a refusal carries its
 * rule): its items as PM-02 (family) and PM-03 (assets) define them, and its deadline (PM-04 for the
 * annual report, PM-05 for first and change reports).
 */
import { FAMILY_ITEM_KEYS, PROPERTY_ITEM_KEYS } from '../../../common/contracts/disclosures-items.js';
import { AppError } from '../../../common/errors.js';
import { finding } from '../../../common/rules/finding.js';
import type { AppContext } from '../../context.js';
import { ruleContext } from '../rules/index.js';
import type { FieldProblem } from './disclosures.rules.js';

/**
 * Refuse a report's items: 400 naming the first field, with all problems; a problem in one of the
 * 8 family items carries PM-02, one in the 6 asset items PM-03 (the rules that define the items).
 */
export async function refuse(ctx: AppContext, unitId: string, problems: FieldProblem[]): Promise<void> {
  const first = problems[0];
  if (!first) return;
  const key = first.field.split('.')[1] ?? '';
  const ruleId = (FAMILY_ITEM_KEYS as readonly string[]).includes(key)
    ? 'PM-02'
    : (PROPERTY_ITEM_KEYS as readonly string[]).includes(key)
      ? 'PM-03'
      : null;
  const findings = ruleId
    ? [
        finding(ruleId, { field: first.field }, (await ruleContext(ctx, ruleId, unitId)).params, {
          zh: `${first.message}（${ruleId}）`,
          en: `The report item is not filled as the rules define it (${ruleId}).`,
        }),
      ]
    : undefined;
  throw new AppError('VALIDATION_FAILED', first.message, {
    field: first.field,
    details: { issues: problems },
    ...(findings ? { findings } : {}),
  });
}

/** PM-04 (annual) or PM-05 (first and change reports): a report submitted after its deadline. */
export async function lateFinding(
  ctx: AppContext,
  r: { unit_id: string; kind: string; due_date: string | null },
  submittedOn: string,
) {
  if (!r.due_date || submittedOn <= r.due_date) return [];
  const ruleId = r.kind === 'annual' ? 'PM-04' : 'PM-05';
  const rc = await ruleContext(ctx, ruleId, r.unit_id, submittedOn);
  return [
    finding(ruleId, { dueDate: r.due_date, submittedOn, kind: r.kind }, rc.params, {
      zh: `逾期报告：应于 ${r.due_date} 前报告，${submittedOn} 才提交（${ruleId}）。`,
      en: `Submitted on ${submittedOn}, after the deadline ${r.due_date} (${ruleId}).`,
      kind: 'warn',
    }),
  ];
}
