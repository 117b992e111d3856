/**
 * Results of a closed session: totals and groups per question with charts, participation, notes on
 * merged or withheld categories (C-01), the SE-04 label on recommendations, and exports.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import type { QuestionResult, Results } from '../../../common/contracts/ballots.js';
import { downloadUrl } from '../../api/client.js';
import { EChart, type ChartOption } from '../../components/EChart.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useT } from '../../i18n.js';
import { useResults } from './api.js';
import { ResultsOverview } from './ResultsOverview.js';

function chartOf(q: QuestionResult): ChartOption {
  const groups = [q.total, ...q.groups];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: groups.map((g) => g.label) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: q.options.map((o) => ({
      name: o,
      type: 'bar',
      stack: 'share',
      data: groups.map((g) => (g.answered ? Math.round(((g.counts[o] ?? 0) / g.answered) * 1000) / 10 : 0)),
    })),
  };
}

function QuestionCard({ q, n }: { q: QuestionResult; n: number }) {
  const t = useT();
  const option = useMemo(() => chartOf(q), [q]);
  const groups = [q.total, ...q.groups];
  return (
    <Card size="small" title={`${n}. ${q.section ? `【${q.section}】` : ''}${q.text}`}>
      <Flex gap={16} wrap>
        <div style={{ flex: '1 1 320px', minWidth: 280 }}>
          <EChart option={option} height={200} />
        </div>
        <Table
          size="small"
          pagination={false}
          style={{ flex: '1 1 360px' }}
          rowKey="o"
          dataSource={q.options.map((o) => ({ o }))}
          columns={[
            { title: t('ballots.results.option'), dataIndex: 'o', key: 'o' },
            ...groups.map((g) => ({
              title: `${g.label}（${g.answered}）`,
              key: g.key,
              render: (_: unknown, r: { o: string }) => `${g.counts[r.o] ?? 0}`,
            })),
          ]}
        />
      </Flex>
    </Card>
  );
}

/** Rating results: the overview first, then one tab per person evaluated (section) with each question's chart and table. */
function QuestionTabs({ questions }: { questions: QuestionResult[] }) {
  const t = useT();
  const ratings = questions.filter((q) => q.type === 'rating');
  const sections = [...new Set(questions.map((q) => q.section ?? ''))];
  const numbered = questions.map((q, i) => ({ q, n: i + 1 }));
  const cards = (section: string | null) => (
    <Flex vertical gap={12}>
      {numbered
        .filter((x) => section === null || (x.q.section ?? '') === section)
        .map((x) => (
          <QuestionCard key={x.q.id} q={x.q} n={x.n} />
        ))}
    </Flex>
  );
  if (!ratings.length) return cards(null);
  return (
    <Tabs
      items={[
        { key: '__overview', label: t('ballots.results.overview'), children: <ResultsOverview questions={ratings} /> },
        ...(sections.length > 1
          ? sections.map((s) => ({ key: s || '__none', label: s || t('ballots.results.other'), children: cards(s) }))
          : [{ key: '__all', label: t('ballots.results.details'), children: cards(null) }]),
      ]}
    />
  );
}

function Notes({ r }: { r: Results }) {
  const t = useT();
  const tl = r.tally;
  const notes = [
    ...tl.groups
      .filter((g) => g.categories.length > 1)
      .map((g) => t('ballots.results.merged', { label: g.label, n: g.ballots })),
    ...(tl.withheld
      ? [t('ballots.results.withheld', { labels: tl.withheld.labels.join('、'), n: tl.withheld.ballots })]
      : []),
  ];
  return notes.length ? (
    <Alert
      type="info"
      showIcon
      title={t('ballots.results.groupRule', { n: tl.minGroupSize })}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {notes.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      }
    />
  ) : null;
}

export default function ResultsPage() {
  const t = useT();
  const { id = '' } = useParams();
  const results = useResults(id, true);
  return (
    <QueryState query={results}>
      {(r) => (
        <>
          <PageHeader
            title={t('ballots.results.heading', { title: r.session.title })}
            crumbs={[
              { title: t('nav.ballots'), to: '/ballots' },
              { title: r.session.title, to: `/ballots/${id}` },
              { title: t('ballots.results.title') },
            ]}
            sub={t('ballots.results.sub', { n: r.tally.totalBallots, receipts: r.receiptsPublished })}
            extra={
              <>
                <a href={downloadUrl(`/api/ballots/sessions/${id}/results.xlsx`)}>
                  <Button icon={<DownloadOutlined />}>Excel</Button>
                </a>
                <a href={downloadUrl(`/api/ballots/sessions/${id}/results.docx`)}>
                  <Button icon={<DownloadOutlined />}>Word</Button>
                </a>
              </>
            }
          />
          <Flex vertical gap={12}>
            {r.referenceValidUntil ? (
              <Alert type="warning" showIcon title={t('ballots.results.reference', { date: r.referenceValidUntil })} />
            ) : null}
            <RuleFindings findings={r.findings.filter((f) => f.ruleId === 'SE-04' || f.ruleId === 'AJ-01')} />
            <Notes r={r} />
            {r.tally.allWithheld ? (
              <Alert type="warning" showIcon title={t('ballots.results.allWithheld', { n: r.tally.minGroupSize })} />
            ) : null}
            <Table
              size="small"
              bordered
              pagination={false}
              rowKey="key"
              dataSource={r.participation}
              columns={[
                { title: t('ballots.form.category'), dataIndex: 'label', key: 'l' },
                { title: t('ballots.form.expected'), dataIndex: 'expected', key: 'e' },
                { title: t('ballots.codes.issued'), dataIndex: 'issued', key: 'i' },
                { title: t('ballots.form.loginVoters'), dataIndex: 'loginVoters', key: 'lv' },
                { title: t('ballots.hall.participation'), dataIndex: 'voted', key: 'v' },
              ]}
            />
            <QuestionTabs questions={r.tally.questions} />
            <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
              {t('ballots.digest')}：{r.settingsDigest}
            </Typography.Text>
          </Flex>
        </>
      )}
    </QueryState>
  );
}
