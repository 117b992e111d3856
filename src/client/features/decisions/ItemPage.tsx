/** One agenda item: what it is, whether it may go on an agenda (with the rules that say so), its statutory procedures, consultations, files, meetings and follow-through. */
import { Button, Col, Descriptions, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  AMEND_KIND_LABELS,
  TZYD_LABELS,
  type AmendKind,
  type ItemDetail,
} from '../../../common/contracts/decisions.js';
import {
  ITEM_STATE_LABELS,
  RESULT_LABELS,
  type MeetingItemState,
  type Result,
} from '../../../common/contracts/meetings.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useT } from '../../i18n.js';
import { beijingDate, DASH } from '../../lib/format.js';
import { useRun } from '../meetings/useRun.js';
import { useDecisionWrite, useItem } from './api.js';
import { ItemFormModal } from './ItemFormModal.js';
import { ConsultationsPanel, FilesPanel } from './ItemPanels.js';
import { ProceduresPanel } from './ProceduresPanel.js';
import { TasksPanel } from './TasksPanel.js';

export default function ItemPage() {
  const { id = '' } = useParams();
  const item = useItem(id);
  return <QueryState query={item}>{(it) => <ItemView it={it} />}</QueryState>;
}

const yuan = (fen: number | null) => (fen === null ? DASH : `${(fen / 100).toLocaleString('zh-CN')} 元`);

function ItemView({ it }: { it: ItemDetail }) {
  const t = useT();
  const { run, findings, clear } = useRun();
  const [amend, setAmend] = useState<AmendKind | null>(null);
  const act = useDecisionWrite<string>((p) => `/api/decisions/items/${it.id}/${p}`, { body: () => undefined });

  return (
    <>
      <PageHeader
        title={it.title}
        crumbs={[{ title: t('nav.decisions'), to: '/decisions' }, { title: it.title }]}
        sub={
          <Space size={4} wrap>
            <Tag color="blue">{it.statusLabel}</Tag>
            <Tag>{it.kindLabel}</Tag>
            {it.tzydCategory ? (
              <Tag color="red">
                {TZYD_LABELS[it.tzydCategory]}
                {it.tzydAuto ? t('dec.auto') : ''}
              </Tag>
            ) : null}
            {it.majorDecision ? <Tag color="magenta">{t('mtg.majorDecision')}</Tag> : null}
            {it.origin === 'outside_meeting' ? <Tag color="red">{t('dec.outside')}</Tag> : null}
          </Space>
        }
        extra={
          <>
            {it.abilities.approve ? (
              <Button type="primary" onClick={() => void run(() => act.mutateAsync('approve'), t('dec.approved'))}>
                {t('dec.approve')}
              </Button>
            ) : null}
            {it.abilities.withdraw ? (
              <Popconfirm
                title={t('dec.withdrawConfirm')}
                onConfirm={() => void run(() => act.mutateAsync('withdraw'), t('dec.withdrawn'))}
              >
                <Button>{t('dec.withdraw')}</Button>
              </Popconfirm>
            ) : null}
            {it.status === 'decided' && it.abilities.tasks ? (
              <>
                {(
                  ['change', 'suspend', ...(it.kind === 'personnel' ? ['reconsider' as const] : [])] as AmendKind[]
                ).map((k) => (
                  <Button key={k} onClick={() => setAmend(k)}>
                    {AMEND_KIND_LABELS[k]}
                  </Button>
                ))}
              </>
            ) : null}
          </>
        }
      />
      <RuleFindings findings={findings} onClose={clear} />
      {it.readiness.length ? (
        <div data-testid="readiness">
          <Typography.Text strong>{t('dec.readiness')}</Typography.Text>
          <RuleFindings findings={it.readiness} />
        </div>
      ) : it.status === 'approved' ? (
        <Tag color="green" style={{ marginBottom: 12 }}>
          {t('dec.ready')}
        </Tag>
      ) : null}
      <RuleFindings findings={it.findings.filter((f) => f.kind !== 'info')} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Descriptions
            size="small"
            bordered
            column={2}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'cat', label: t('dec.catalogue'), children: it.catalogueName, span: 2 },
              {
                key: 'summary',
                label: t('dec.summary'),
                children: (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                    {it.summary}
                  </Typography.Paragraph>
                ),
                span: 2,
              },
              { key: 'amount', label: t('dec.amount'), children: yuan(it.amountFen) },
              { key: 'sponsor', label: t('dec.sponsor'), children: it.sponsorName ?? DASH },
              {
                key: 'proposed',
                label: t('dec.proposedBy'),
                children: `${it.proposedBy} ${beijingDate(it.proposedAt)}`,
              },
              {
                key: 'approved',
                label: t('dec.approvedOn'),
                children: it.approvedOn
                  ? `${it.approvedBy ?? ''} ${it.approvedOn}${it.paperEntry ? t('dec.paperTag') : ''}`
                  : t('dec.awaitingSecretary'),
              },
              ...(it.decidedOn
                ? [
                    {
                      key: 'decided',
                      label: t('dec.decidedOn'),
                      children: `${it.decidedOn}${it.decidedHow ? `（${it.decidedHow}）` : ''}`,
                    },
                    {
                      key: 'outcome',
                      label: t('dec.outcome'),
                      children: it.outcome ? (RESULT_LABELS[it.outcome as Result] ?? it.outcome) : DASH,
                    },
                    ...(it.decisionText
                      ? [{ key: 'text', label: t('dec.decisionText'), children: it.decisionText, span: 2 }]
                      : []),
                  ]
                : []),
              ...(it.amendsItemId
                ? [
                    {
                      key: 'amends',
                      label: t('dec.amends'),
                      children: (
                        <Link to={`/decisions/items/${it.amendsItemId}`}>
                          {it.amendKind ? AMEND_KIND_LABELS[it.amendKind] : ''}
                        </Link>
                      ),
                      span: 2,
                    },
                  ]
                : []),
            ]}
          />
          {it.amendedBy.length ? (
            <Typography.Paragraph>
              {t('dec.amendedBy')}：
              {it.amendedBy.map((a) => (
                <Link key={a.id} to={`/decisions/items/${a.id}`} style={{ marginRight: 8 }}>
                  {AMEND_KIND_LABELS[a.amendKind]}·{a.title}
                </Link>
              ))}
            </Typography.Paragraph>
          ) : null}
          {it.candidates.length ? (
            <Table
              size="small"
              bordered
              pagination={false}
              rowKey="id"
              style={{ marginBottom: 16 }}
              title={() => t('dec.candidates')}
              dataSource={it.candidates}
              columns={[
                { title: t('dec.candidateName'), dataIndex: 'name', key: 'n' },
                { title: t('dec.currentPost'), dataIndex: 'currentPost', key: 'c' },
                { title: t('dec.proposedPost'), dataIndex: 'proposedPost', key: 'p' },
              ]}
            />
          ) : null}
          <ProceduresPanel it={it} />
          {it.meetings.length ? (
            <Table
              size="small"
              bordered
              pagination={false}
              rowKey="meetingItemId"
              style={{ marginTop: 16 }}
              title={() => t('dec.meetings')}
              dataSource={it.meetings}
              columns={[
                { title: t('mtg.date'), dataIndex: 'date', key: 'd', width: 110 },
                {
                  title: t('mtg.title'),
                  key: 't',
                  render: (_, r) => <Link to={`/meetings/${r.meetingId}`}>{r.title}</Link>,
                },
                {
                  title: t('mtg.status'),
                  key: 's',
                  width: 90,
                  render: (_, r) => ITEM_STATE_LABELS[r.state as MeetingItemState] ?? r.state,
                },
                {
                  title: t('mtg.result'),
                  key: 'r',
                  width: 90,
                  render: (_, r) => (r.result ? (RESULT_LABELS[r.result as Result] ?? r.result) : DASH),
                },
              ]}
            />
          ) : null}
        </Col>
        <Col xs={24} xl={9}>
          <ConsultationsPanel it={it} />
          <FilesPanel it={it} />
          {it.status === 'decided' ? <TasksPanel it={it} /> : null}
        </Col>
      </Row>
      {amend ? (
        <ItemFormModal
          unitId={it.unitId}
          outside={false}
          isOffice={false}
          amends={{ id: it.id, title: it.title, kind: amend, catalogueId: it.catalogueId }}
          onClose={() => setAmend(null)}
        />
      ) : null}
    </>
  );
}
