/**
 * The first view of an evaluation's results: a chart with one bar per person evaluated (summing
 * their questions) or, for a team evaluation, one per question, over the questions that share one
 * scale; and a dense table of all rating questions with each option's count and share. Details per
 * question are in the tabs.
 */
import { Card, Table } from 'antd';
import { useMemo } from 'react';
import type { QuestionResult } from '../../../common/contracts/ballots.js';
import { EChart, type ChartOption } from '../../components/EChart.js';
import { useT } from '../../i18n.js';

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);

/** The largest set of rating questions that share their options (the chart needs one scale). */
function largestSharedGroup(qs: readonly QuestionResult[]): QuestionResult[] {
  const groups = new Map<string, QuestionResult[]>();
  for (const q of qs) {
    const key = JSON.stringify(q.options);
    groups.set(key, [...(groups.get(key) ?? []), q]);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

/** One bar per person evaluated (questions about a person), else one per question. */
function chartOf(qs: readonly QuestionResult[]): { option: ChartOption; bars: number } | null {
  const options = qs[0]?.options;
  if (!options) return null;
  const byPerson = qs.some((q) => q.subjectPersonId);
  const rows = new Map<string, Record<string, number>>();
  for (const q of qs) {
    const key = byPerson ? (q.section ?? q.text) : q.text;
    const sum = rows.get(key) ?? {};
    for (const o of options) sum[o] = (sum[o] ?? 0) + (q.total.counts[o] ?? 0);
    rows.set(key, sum);
  }
  const labels = [...rows.keys()].reverse();
  const totals = labels.map((l) => options.reduce((n, o) => n + (rows.get(l)?.[o] ?? 0), 0));
  return {
    bars: labels.length,
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: labels, axisLabel: { width: 220, overflow: 'truncate' } },
      series: options.map((o) => ({
        name: o,
        type: 'bar',
        stack: 'share',
        data: labels.map((l, i) => pct(rows.get(l)?.[o] ?? 0, totals[i] ?? 0)),
      })),
    },
  };
}

export function ResultsOverview({ questions }: { questions: readonly QuestionResult[] }) {
  const t = useT();
  const group = useMemo(() => largestSharedGroup(questions), [questions]);
  const chart = useMemo(() => chartOf(group), [group]);
  // one column per option when every question shares them, else one column listing each
  const options = group.length === questions.length ? (group[0]?.options ?? null) : null;
  const cell = (q: QuestionResult, o: string) =>
    `${q.total.counts[o] ?? 0}（${pct(q.total.counts[o] ?? 0, q.total.answered)}%）`;
  return (
    <Card size="small" title={t('ballots.results.overview')}>
      {chart ? <EChart option={chart.option} height={Math.max(160, 40 + chart.bars * 30)} /> : null}
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey="id"
        dataSource={questions}
        style={{ marginTop: 12 }}
        columns={[
          { title: '#', key: 'n', width: 48, render: (_, __, i) => i + 1 },
          {
            title: t('ballots.results.section'),
            dataIndex: 'section',
            key: 's',
            width: 180,
            render: (v: string | null) => v ?? '—',
          },
          { title: t('ballots.results.question'), dataIndex: 'text', key: 'q' },
          {
            title: t('ballots.results.answered'),
            key: 'a',
            width: 72,
            align: 'right',
            render: (_, q) => q.total.answered,
          },
          ...(options
            ? options.map((o) => ({
                title: o,
                key: `o-${o}`,
                width: 110,
                align: 'right' as const,
                render: (_: unknown, q: QuestionResult) => cell(q, o),
              }))
            : [
                {
                  title: t('ballots.results.distribution'),
                  key: 'd',
                  render: (_: unknown, q: QuestionResult) => q.options.map((o) => `${o} ${cell(q, o)}`).join(' · '),
                },
              ]),
        ]}
      />
    </Card>
  );
}
