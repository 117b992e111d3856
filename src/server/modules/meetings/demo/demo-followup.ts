/**
 * Demo follow-through and the rest of Altay's decision work: tasks with progress (some done, some
 * running, a few overdue), the statutory procedures of its major administrative decision with an
 * evaluation, items waiting in the pool (one not yet ready), and decisions registered outside
 * meetings (the lapses the unit above should see).
 */
import { addWorkingDays, type HolidayTable } from '../../../../common/calendar.js';
import { addDays } from '../../../../common/dates.js';
import { toJson } from '../../../db/helpers.js';
import type { DemoWorld } from '../../../demo/extensions.js';
import type { DemoBuilder } from './demo-builder.js';

export function demoFollowThrough(b: DemoBuilder, world: DemoWorld, d0: string, table: HolidayTable): void {
  const altay = world.unitIds.altay as string;
  const office = world.userIds['alt-bangong'] as string;
  const secretary = world.userIds['alt-shuji'] as string;
  const member = world.userIds['alt-chengyuan'] as string;
  const at = (d: string, h = 6) => `${d}T0${h}:00:00.000Z`;

  for (const d of b.decided) {
    for (const t of d.tasks) {
      const deadline = addDays(d.date, t.days);
      const past = deadline < d0;
      // Long past deadlines were met in the end; the recent ones still open show as overdue.
      const percent = past ? (deadline < addDays(d0, -60) ? 100 : t.progress) : Math.min(t.progress, 50);
      const done = percent === 100;
      const id = b.id(d.date);
      b.push('decision_tasks', {
        id,
        unit_id: d.unitId,
        agenda_item_id: d.agendaId,
        title: t.title,
        owner_unit: t.owner,
        owner_person_id: null,
        deadline,
        status: done ? 'done' : percent > 0 ? 'in_progress' : 'not_started',
        percent,
        completed_on: done ? addDays(deadline, -3) : null,
        suspended_reason: null,
        created_by: office,
        created_at: at(addDays(d.date, 1)),
        updated_at: at(addDays(d.date, 2)),
      });
      const steps = done ? [Math.round(percent / 2), 100] : percent > 0 ? [percent] : [];
      steps.forEach((p, i) => {
        const when = done && i === 1 ? addDays(deadline, -3) : addDays(d.date, Math.max(2, Math.round(t.days / 3)));
        if (when > d0) return;
        b.push('task_progress', {
          id: b.id(when),
          task_id: id,
          percent: p,
          note: p === 100 ? `${t.title}已完成，相关材料已归档。` : `${t.title}正在推进，已完成${p}%。`,
          file_id: null,
          reported_by: office,
          reported_at: at(when, 8),
        });
      });
    }
  }

  if (b.major) {
    const m = b.major;
    const sent = addDays(m.approvedOn, -25);
    const due = addWorkingDays(table, sent, 7);
    const legalDone = due.ok ? due.date : addDays(sent, 12);
    const step = (kind: string, result: string, completedOn: string, data: Record<string, unknown>) => {
      const id = b.id(completedOn);
      b.push('procedure_steps', {
        id,
        agenda_item_id: m.agendaId,
        kind,
        result,
        completed_on: completedOn,
        data: toJson(data),
        recorded_by: office,
        recorded_at: at(completedOn),
        updated_at: at(completedOn),
      });
      return id;
    };
    step('legality', 'lawful', legalDone, {
      reviewer: '法规科',
      sentOn: sent,
      opinion: '方案符合海关法及相关规章，未发现超越权限情形。',
      lawyerOpinion: true,
    });
    step('public_participation', 'done', addDays(m.approvedOn, -12), {
      methods: ['座谈会', '书面征求意见'],
      adoptionReport: '召开进出口企业座谈会2场，收到意见14条，采纳9条，未采纳意见已说明理由。',
    });
    const expert = step('expert_review', 'done', addDays(m.approvedOn, -10), {
      method: '论证会',
      conclusion: '方案技术上可行，建议分阶段实施。',
    });
    for (const [name, org] of [
      ['陈志远', '新疆大学经济与管理学院'],
      ['赵雅琴', '上海海关学院'],
    ]) {
      b.push('procedure_experts', {
        id: b.id(m.approvedOn),
        step_id: expert,
        name,
        organization: org,
        field: '口岸物流',
        opinion_signed: 1,
        recorded_by: office,
        recorded_at: at(addDays(m.approvedOn, -10)),
      });
    }
    step('risk_assessment', 'controllable', addDays(m.approvedOn, -8), {
      riskPoints: '高峰时段车辆积压；系统切换风险',
      measures: '错峰预约；新旧系统并行一周',
      contingencyPlan: '启动人工应急通关通道',
      assessor: '监管科',
    });
    const decidedOn = b.decided.find((x) => x.agendaId === m.agendaId)?.date;
    if (decidedOn && addDays(decidedOn, 90) < d0) {
      b.push('decision_evaluations', {
        id: b.id(addDays(decidedOn, 90)),
        agenda_item_id: m.agendaId,
        evaluated_on: addDays(decidedOn, 90),
        conclusion: '基本达到预期',
        text: '整体通关时间压缩约18%，第二阶段措施需结合企业反馈继续完善。',
        recorded_by: office,
        recorded_at: at(addDays(decidedOn, 90)),
      });
    }
  }

  const catalogue = (unitId: string, fragment: string) => {
    const row = b.rows.decision_catalogue?.find((r) => r.unit_id === unitId && String(r.name).includes(fragment));
    if (!row) throw new Error(`demo: no catalogue entry ${fragment}`);
    return row;
  };
  const pool = (title: string, fragment: string, approvedOn: string | null, proposedBy: string, status: string) => {
    const e = catalogue(altay, fragment);
    const id = b.id(approvedOn ?? addDays(d0, -1));
    const created = at(addDays(approvedOn ?? d0, -1));
    b.push('agenda_items', {
      id,
      unit_id: altay,
      catalogue_id: e.id,
      title,
      summary: `${title}。请党组研究。`,
      kind: e.item_kind,
      tzyd_category: e.tzyd_category,
      tzyd_auto: 0,
      collective_required: 1,
      amount_fen: null,
      project_amount_fen: null,
      important: e.important,
      major_decision: e.major_decision,
      technical: e.technical,
      stability_risk: e.stability_risk,
      not_public: e.not_public,
      exploratory_reform: 0,
      legal_risk_note: null,
      sponsor_person_id: null,
      proposed_by: proposedBy,
      proposed_at: created,
      approved_by: approvedOn ? secretary : null,
      approved_at: approvedOn ? at(approvedOn) : null,
      approved_on: approvedOn,
      status,
      origin: 'agenda',
      paper_entry: 0,
      deferred_count: 0,
      decided_on: null,
      outcome: null,
      decision_text: null,
      decided_how: null,
      decided_by_person_id: null,
      decided_meeting_item_id: null,
      amends_item_id: null,
      amend_kind: null,
      created_at: created,
      updated_at: created,
    });
    return id;
  };
  pool('关于优化口岸营商环境的若干措施', '其他须集体讨论', addDays(d0, -3), office, 'approved');
  pool('关于开展“一流党组、一流边关”主题实践活动的建议', '贯彻落实上级重大决策部署', null, member, 'proposed');
  const night = pool(
    '关于调整吉木乃口岸夜间通关时段的方案（重大行政决策）',
    '口岸监管重大政策措施',
    addDays(d0, -10),
    office,
    'approved',
  );
  b.push('procedure_steps', {
    id: b.id(d0),
    agenda_item_id: night,
    kind: 'legality',
    result: 'lawful',
    completed_on: addDays(d0, -2),
    data: toJson({ reviewer: '法规科', sentOn: addDays(d0, -20), opinion: '合法。' }),
    recorded_by: office,
    recorded_at: at(addDays(d0, -2)),
    updated_at: at(addDays(d0, -2)),
  });

  const outside = (
    unitKey: string,
    title: string,
    fragment: string,
    decidedOn: string,
    how: string,
    ruleId: string,
    zh: string,
    amountFen: number | null,
  ) => {
    const unitId = world.unitIds[unitKey] as string;
    const e = catalogue(unitId, fragment);
    const id = b.id(decidedOn);
    b.push('agenda_items', {
      id,
      unit_id: unitId,
      catalogue_id: e.id,
      title,
      summary: title,
      kind: e.item_kind,
      tzyd_category: e.tzyd_category,
      tzyd_auto: 0,
      collective_required: 1,
      amount_fen: amountFen,
      project_amount_fen: null,
      important: e.important,
      major_decision: e.major_decision,
      technical: e.technical,
      stability_risk: e.stability_risk,
      not_public: e.not_public,
      exploratory_reform: 0,
      legal_risk_note: null,
      sponsor_person_id: null,
      proposed_by: world.userIds['wlmq-renshi'],
      proposed_at: at(decidedOn),
      approved_by: null,
      approved_at: null,
      approved_on: null,
      status: 'decided',
      origin: 'outside_meeting',
      paper_entry: 1,
      deferred_count: 0,
      decided_on: decidedOn,
      outcome: 'passed',
      decision_text: title,
      decided_how: how,
      decided_by_person_id: null,
      decided_meeting_item_id: null,
      amends_item_id: null,
      amend_kind: null,
      created_at: at(decidedOn),
      updated_at: at(decidedOn),
    });
    b.storeFindings(
      unitId,
      'agenda_item',
      id,
      [b.finding(ruleId, { title }, zh, `${ruleId}: "${title}" was decided outside a meeting.`, 'warn')],
      decidedOn,
    );
  };
  outside(
    'yining',
    '临时调整缉私分局负责人',
    '科级干部任免',
    addDays(d0, -150),
    '个人决定',
    'ZZ-03',
    '干部任免事项未召开党组会议讨论决定（ZZ-03 第三项）：“临时调整缉私分局负责人”。',
    null,
  );
  outside(
    'tacheng',
    '办公楼维修改造工程追加资金',
    '大额资金使用',
    addDays(d0, -200),
    '文件圈阅',
    'DC-03',
    '“办公楼维修改造工程追加资金”属须集体决策事项，未经会议讨论表决即作出决定，涉嫌规避集体决策（DC-03）。',
    28_000_000,
  );
}
