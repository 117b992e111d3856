/**
 * The supervision records' vocabulary (regulations.md §7, §17; issue 10): every kind of measure a
 * discipline or personnel office records, its "four forms" tier (TX-01) and the rule that sets its
 * effects. Pure data, no I/O.
 */

/** Records without an effect on eligibility: talks, reminders, inquiry letters (TX-03, TX-04, TX-06). */
export const NOTE_KINDS = ['heart_talk', 'reminder_talk', 'reminder_written', 'inquiry_letter'] as const;

/** First-form measures (TX-02) and the civil-servant toolkit (TX-07), several per case. */
export const FIRST_FORM_MEASURES = [
  'meeting_talk', // 约谈
  'criticism', // 批评教育
  'rectify_by_deadline', // 限期整改
  'written_self_examination', // 责令作出检查
  'criticism_at_life_meeting', // 在民主生活会、组织生活会上批评
  'circulated_notice', // 通报
] as const;

/** 诫勉 (TX-05), by talk or in writing; its effects are IP-07's (UNVERIFIED nationally). */
export const ADMONITION_KINDS = ['admonition_talk', 'admonition_written'] as const;

/** Organisational handling (NS-03; effects NS-04 / IP-08, UNVERIFIED). */
export const HANDLING_KINDS = [
  'transfer_out', // 调离岗位
  'rank_only', // 改任职级
  'removal', // 免职
  'demotion', // 降职
  'resign_blame', // 引咎辞职
  'ordered_resign', // 责令辞职
] as const;

/** Party sanctions (纪律处分条例; IP-01..IP-05). */
export const PARTY_SANCTIONS = [
  'party_warning',
  'party_serious_warning',
  'party_post_removal',
  'party_probation',
  'party_expulsion',
] as const;

/** Government sanctions (政务处分法 Art. 7), lightest first: the order Art. 15's "heaviest" uses. */
export const GOV_SANCTIONS = [
  'gov_warning',
  'gov_demerit',
  'gov_major_demerit',
  'gov_demotion',
  'gov_dismissal',
  'gov_expulsion',
] as const;

/** 留党察看 ends with a restoration decision; the 2-year bar on an equal or higher post starts there (IP-04). */
export const PROBATION_RESTORED = 'party_probation_restored' as const;

/** An open case (立案审查调查, IP-09): restrictions until it is concluded. */
export const CASE_OPEN = 'case_open' as const;

export type NoteKind = (typeof NOTE_KINDS)[number];
export type FirstFormMeasure = (typeof FIRST_FORM_MEASURES)[number];
export type AdmonitionKind = (typeof ADMONITION_KINDS)[number];
export type HandlingKind = (typeof HANDLING_KINDS)[number];
export type PartySanction = (typeof PARTY_SANCTIONS)[number];
export type GovSanction = (typeof GOV_SANCTIONS)[number];
export type MeasureKind =
  | NoteKind
  | FirstFormMeasure
  | AdmonitionKind
  | HandlingKind
  | PartySanction
  | GovSanction
  | typeof PROBATION_RESTORED
  | typeof CASE_OPEN;

export const MEASURE_KINDS: readonly MeasureKind[] = [
  ...NOTE_KINDS,
  ...FIRST_FORM_MEASURES,
  ...ADMONITION_KINDS,
  ...HANDLING_KINDS,
  ...PARTY_SANCTIONS,
  ...GOV_SANCTIONS,
  PROBATION_RESTORED,
  CASE_OPEN,
];

export const MEASURE_LABELS: Record<MeasureKind, string> = {
  heart_talk: '谈心谈话',
  reminder_talk: '谈话提醒',
  reminder_written: '书面提醒',
  inquiry_letter: '函询',
  meeting_talk: '约谈',
  criticism: '批评教育',
  rectify_by_deadline: '限期整改',
  written_self_examination: '责令作出书面检查',
  criticism_at_life_meeting: '在民主生活会、组织生活会上作检查或接受批评',
  circulated_notice: '通报',
  admonition_talk: '诫勉（谈话）',
  admonition_written: '诫勉（书面）',
  transfer_out: '调离岗位',
  rank_only: '改任职级',
  removal: '免职',
  demotion: '降职',
  resign_blame: '引咎辞职',
  ordered_resign: '责令辞职',
  party_warning: '党内警告',
  party_serious_warning: '党内严重警告',
  party_post_removal: '撤销党内职务',
  party_probation: '留党察看',
  party_expulsion: '开除党籍',
  gov_warning: '政务警告',
  gov_demerit: '记过',
  gov_major_demerit: '记大过',
  gov_demotion: '降级',
  gov_dismissal: '撤职',
  gov_expulsion: '开除',
  party_probation_restored: '留党察看期满恢复党员权利',
  case_open: '立案审查调查',
};

export type Tier = 1 | 2 | 3 | 4;

/**
 * TX-01 (党内监督条例 Art. 7): the tier a measure is counted in. Talks, reminders, inquiry letters,
 * first-form measures and 诫勉 are the first form; light sanctions and light organisational
 * adjustment the second; heavy sanctions and major post changes the third; expulsion (serious
 * violations, suspected crimes) the fourth. A heart-to-heart talk and an open case are not
 * measures: no tier. The discipline office may override a record's tier with a reason.
 */
export function tierOf(kind: MeasureKind): Tier | null {
  switch (kind) {
    case 'heart_talk':
    case 'case_open':
    case 'party_probation_restored':
      return null;
    case 'reminder_talk':
    case 'reminder_written':
    case 'inquiry_letter':
    case 'meeting_talk':
    case 'criticism':
    case 'rectify_by_deadline':
    case 'written_self_examination':
    case 'criticism_at_life_meeting':
    case 'circulated_notice':
    case 'admonition_talk':
    case 'admonition_written':
      return 1;
    case 'party_warning':
    case 'party_serious_warning':
    case 'gov_warning':
    case 'gov_demerit':
    case 'gov_major_demerit':
    case 'transfer_out':
    case 'rank_only':
      return 2;
    case 'party_post_removal':
    case 'party_probation':
    case 'gov_demotion':
    case 'gov_dismissal':
    case 'removal':
    case 'demotion':
    case 'resign_blame':
    case 'ordered_resign':
      return 3;
    case 'party_expulsion':
    case 'gov_expulsion':
      return 4;
  }
}

export function isGovSanction(kind: MeasureKind): kind is GovSanction {
  return (GOV_SANCTIONS as readonly string[]).includes(kind);
}

/** Art. 15: the heavier of two government sanctions (later in GOV_SANCTIONS). */
export function heavierGov(a: GovSanction, b: GovSanction): GovSanction {
  return GOV_SANCTIONS.indexOf(a) >= GOV_SANCTIONS.indexOf(b) ? a : b;
}
