/**
 * A grading batch: the team's grade and each member's, with the democratic evaluation's overall
 * result beside them; the 优秀 share warning (KH-05) and the follow-up a 不称职 grade creates (KH-07).
 */
import { App, Card, DatePicker, Flex, Input, Progress, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { GRADES, GRADE_LABELS, type EvaluationSummary, type Grade } from '../../../common/contracts/assessments.js';
import { INFLUENCE_BLOCK_LABELS } from '../../../common/contracts/eligibility.js';
import type { Finding } from '../../../common/rules/types.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useT } from '../../i18n.js';
import { fromDate, toDate } from '../../lib/format.js';
import { useBatch, useSetGrade, useSetTeamGrade } from './api.js';

const COLORS = ['#389e0d', '#1677ff', '#faad14', '#cf1322'];

/** The overall rating's distribution as one stacked bar with a legend in the tooltip. */
export function EvaluationBar({ e }: { e: EvaluationSummary | null }) {
  const t = useT();
  if (!e) return <Typography.Text type="secondary">{t('grades.noEvaluation')}</Typography.Text>;
  const total = e.options.reduce((n, o) => n + (e.counts[o] ?? 0), 0) || 1;
  const text = e.options.map((o) => `${o} ${Math.round(((e.counts[o] ?? 0) / total) * 100)}%`).join('　');
  return (
    <Tooltip title={`${e.title}：${text}（${e.ballots} 票）`}>
      <Flex vertical gap={2} style={{ minWidth: 200 }}>
        <div style={{ display: 'flex', height: 10, borderRadius: 3, overflow: 'hidden', background: '#f0f0f0' }}>
          {e.options.map((o, i) => (
            <div
              key={o}
              style={{ width: `${((e.counts[o] ?? 0) / total) * 100}%`, background: COLORS[i % COLORS.length] }}
            />
          ))}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {text}
        </Typography.Text>
      </Flex>
    </Tooltip>
  );
}

export default function BatchPage() {
  const t = useT();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const batch = useBatch(id);
  const setGrade = useSetGrade(id);
  const setTeam = useSetTeamGrade(id);
  const [findings, setFindings] = useState<Finding[]>([]);
  const fail = (e: unknown) => message.error(e instanceof Error ? e.message : String(e));
  const grade = (personId: string, body: { grade: Grade | null; notifiedOn?: string | null; note?: string | null }) =>
    void setGrade.mutateAsync({ personId, body }).then((r) => {
      setFindings(r.findings);
      if (r.tasks.length) message.info(t('grades.tasksCreated', { n: r.tasks.length }));
    }, fail);
  return (
    <QueryState query={batch}>
      {(b) => (
        <>
          <PageHeader
            title={b.title}
            crumbs={[{ title: t('nav.grades'), to: '/assessments' }, { title: b.title }]}
            sub={t('grades.batchSub', { graded: b.graded, members: b.members })}
          />
          <RuleFindings
            findings={[...b.findings, ...findings.filter((f) => !b.findings.some((x) => x.ruleId === f.ruleId))]}
          />
          <Card size="small" title={t('grades.teamGrade')} style={{ marginBottom: 12 }}>
            <Flex gap={16} wrap align="center">
              <Select
                style={{ width: 140 }}
                value={b.teamGrade ?? undefined}
                placeholder={t('grades.pending')}
                disabled={!b.abilities.edit}
                allowClear
                aria-label={t('grades.teamGrade')}
                options={b.teamGradeLabels.map((l) => ({ value: l, label: l }))}
                onChange={(v: string | undefined) =>
                  void setTeam.mutateAsync({ teamGrade: v ?? null, note: b.teamGradeNote }).catch(fail)
                }
              />
              <Space>
                <Typography.Text type="secondary">{t('grades.evaluation')}</Typography.Text>
                <EvaluationBar e={b.teamEvaluation} />
              </Space>
              {b.teamGradeNote ? <Typography.Text type="secondary">{b.teamGradeNote}</Typography.Text> : null}
            </Flex>
          </Card>
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey="personId"
            dataSource={b.grades}
            columns={[
              {
                title: t('grades.person'),
                key: 'n',
                width: 180,
                render: (_, r) => (
                  <>
                    {r.name}
                    <br />
                    <Typography.Text type="secondary">{r.post}</Typography.Text>
                    {r.limits.map((l) => (
                      <div key={l}>
                        <Tooltip title={t('grades.limitHint')}>
                          <Tag color="red">{INFLUENCE_BLOCK_LABELS[l]}（KH-06）</Tag>
                        </Tooltip>
                      </div>
                    ))}
                  </>
                ),
              },
              { title: t('grades.evaluation'), key: 'e', render: (_, r) => <EvaluationBar e={r.evaluation} /> },
              {
                title: t('grades.grade'),
                key: 'g',
                width: 150,
                render: (_, r) =>
                  b.abilities.edit ? (
                    <Select
                      style={{ width: 130 }}
                      value={r.grade ?? undefined}
                      placeholder={t('grades.pending')}
                      allowClear
                      aria-label={`${r.name} ${t('grades.grade')}`}
                      options={GRADES.map((g) => ({
                        value: g,
                        label: GRADE_LABELS[g],
                        disabled: r.limits.includes('forced_incompetent')
                          ? g !== 'incompetent'
                          : g !== 'ungraded' &&
                            (r.limits.includes('any_grade') ||
                              (g === 'excellent' && r.limits.includes('excellent_grade'))),
                      }))}
                      onChange={(g: Grade | undefined) =>
                        grade(r.personId, { grade: g ?? null, notifiedOn: r.notifiedOn, note: r.note })
                      }
                    />
                  ) : (
                    (r.gradeLabel ?? t('grades.pending'))
                  ),
              },
              {
                title: t('grades.notified'),
                key: 'nt',
                width: 150,
                render: (_, r) =>
                  b.abilities.edit ? (
                    <DatePicker
                      size="small"
                      value={fromDate(r.notifiedOn)}
                      onChange={(d) => grade(r.personId, { grade: r.grade, notifiedOn: toDate(d), note: r.note })}
                      aria-label={`${r.name} ${t('grades.notified')}`}
                    />
                  ) : (
                    (r.notifiedOn ?? '—')
                  ),
              },
              {
                title: t('grades.reviewBy'),
                dataIndex: 'reviewDeadline',
                key: 'rd',
                width: 110,
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t('grades.note'),
                key: 'no',
                width: 180,
                render: (_, r) =>
                  b.abilities.edit ? (
                    <Input
                      size="small"
                      defaultValue={r.note ?? ''}
                      onBlur={(e) => {
                        if ((e.target.value || null) !== r.note) {
                          grade(r.personId, { grade: r.grade, notifiedOn: r.notifiedOn, note: e.target.value || null });
                        }
                      }}
                      aria-label={`${r.name} ${t('grades.note')}`}
                    />
                  ) : (
                    (r.note ?? '')
                  ),
              },
              {
                title: t('grades.tasks'),
                key: 't',
                width: 220,
                render: (_, r) =>
                  r.tasks.map((x) => (
                    <Tag key={x.id} color={x.status === 'open' ? 'red' : 'default'}>
                      {x.title.split('（')[0]}·{t(`grades.taskStatus.${x.status}`)}
                    </Tag>
                  )),
              },
            ]}
          />
          <Flex style={{ marginTop: 12 }}>
            <Progress
              percent={b.members ? Math.round((b.graded / b.members) * 100) : 0}
              size="small"
              style={{ maxWidth: 320 }}
            />
          </Flex>
        </>
      )}
    </QueryState>
  );
}
