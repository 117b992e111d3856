/**
 * One meeting, also its live screen: the office runs it from here (attendance, quorum, the item
 * being voted, results with the rule that decided them); members follow it on their own devices.
 * It updates live (server-sent events) and a reload loses nothing.
 */
import {
  DesktopOutlined,
  EditOutlined,
  FileWordOutlined,
  MobileOutlined,
  PlusOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import { Alert, Badge, Button, Col, Descriptions, Dropdown, Popconfirm, Row, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { MEETING_STATUS_LABELS, type MeetingDetail } from '../../../common/contracts/meetings.js';
import { downloadUrl } from '../../api/client.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useT } from '../../i18n.js';
import { AddItemModal } from './AddItemModal.js';
import { useMeeting, useMeetingAction } from './api.js';
import { AttendancePanel } from './AttendancePanel.js';
import { HeadingModal } from './HeadingModal.js';
import { ItemsPanel } from './ItemsPanel.js';
import { MinutesPanel } from './MinutesPanel.js';
import { QuorumBar } from './QuorumBar.js';
import { useRun } from './useRun.js';

export default function MeetingPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  return <QueryState query={meeting}>{(m) => <MeetingView m={m} connected={meeting.connected} />}</QueryState>;
}

function MeetingView({ m, connected }: { m: MeetingDetail; connected: boolean }) {
  const t = useT();
  const { run, findings, clear } = useRun();
  const [adding, setAdding] = useState(false);
  const [heading, setHeading] = useState(false);
  const act = useMeetingAction<string>(m.id, (p) => `/api/meetings/${m.id}/${p}`);
  const doAct = (p: string, done: string) => void run(() => act.mutateAsync(p), done);
  const office = m.abilities.manage;
  const canVote = m.me.role === 'member' && m.status === 'open';

  const extra = (
    <>
      <Badge status={connected ? 'processing' : 'default'} text={connected ? t('mtg.live') : t('mtg.offline')} />
      {canVote ? (
        <Link to={`/meetings/${m.id}/vote`}>
          <Button type="primary" icon={<MobileOutlined />}>
            {t('mtg.toVote')}
          </Button>
        </Link>
      ) : null}
      <Link to={`/meetings/${m.id}/projector`}>
        <Button icon={<DesktopOutlined />}>{t('mtg.projector')}</Button>
      </Link>
      {m.status !== 'cancelled' ? (
        <Dropdown
          menu={{
            items: [
              {
                key: 'agenda',
                label: <a href={downloadUrl(`/api/meetings/${m.id}/agenda.docx`)}>{t('mtg.printAgenda')}</a>,
              },
              {
                key: 'notice',
                label: <a href={downloadUrl(`/api/meetings/${m.id}/notice.docx`)}>{t('mtg.printNotice')}</a>,
              },
            ],
          }}
        >
          <Button icon={<PrinterOutlined />}>{t('mtg.printAgenda')}</Button>
        </Dropdown>
      ) : null}
      {office && (m.status === 'draft' || m.status === 'published') ? (
        <Button icon={<EditOutlined />} onClick={() => setHeading(true)}>
          {t('mtg.heading')}
        </Button>
      ) : null}
      {office && m.status !== 'closed' ? (
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('mtg.addItem')}
        </Button>
      ) : null}
      {office && m.status === 'draft' && m.entryMode === 'live' ? (
        <Button onClick={() => doAct('publish', t('mtg.published'))}>{t('mtg.publish')}</Button>
      ) : null}
      {office && (m.status === 'published' || (m.entryMode === 'retrospective' && m.status === 'draft')) ? (
        <Button type="primary" onClick={() => doAct('open', t('mtg.opened'))}>
          {t('mtg.open')}
        </Button>
      ) : null}
      {office && m.status === 'open' ? (
        <Popconfirm title={t('mtg.closeConfirm')} onConfirm={() => doAct('close', t('mtg.closed'))}>
          <Button danger>{t('mtg.close')}</Button>
        </Popconfirm>
      ) : null}
      {office && (m.status === 'draft' || m.status === 'published') ? (
        <Popconfirm title={t('mtg.cancelConfirm')} onConfirm={() => doAct('cancel', t('mtg.cancelled'))}>
          <Button>{t('mtg.cancel')}</Button>
        </Popconfirm>
      ) : null}
      {m.abilities.downloadSummary ? (
        <Button icon={<FileWordOutlined />} href={downloadUrl(`/api/meetings/${m.id}/summary.docx`)}>
          {t('mtg.summary')}
        </Button>
      ) : null}
    </>
  );

  return (
    <>
      <PageHeader
        title={m.title}
        crumbs={[{ title: t('nav.meetings'), to: '/meetings' }, { title: m.title }]}
        sub={
          <Space size={4}>
            <Tag color={m.status === 'open' ? 'green' : 'blue'}>{MEETING_STATUS_LABELS[m.status]}</Tag>
            {m.entryMode === 'retrospective' ? <Tag>{t('mtg.retrospective')}</Tag> : null}
            {m.subject ? <strong data-testid="meeting-subject">{m.subject}</strong> : null}
            {`${m.date} ${m.startTime} · ${m.location}`}
          </Space>
        }
        extra={extra}
      />
      {m.entryMode === 'retrospective' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('mtg.retroNote', { reason: m.retrospectiveReason ?? '' })}
        />
      ) : null}
      <RuleFindings findings={findings} onClose={clear} />
      <RuleFindings findings={m.findings} />
      <Tabs
        items={[
          {
            key: 'room',
            label: t('mtg.tabRoom'),
            children: (
              <Row gutter={16}>
                <Col xs={24} xl={16}>
                  <QuorumBar m={m} />
                  <ItemsPanel m={m} run={run} />
                </Col>
                <Col xs={24} xl={8}>
                  <Descriptions
                    size="small"
                    column={1}
                    bordered
                    style={{ marginBottom: 12 }}
                    items={[
                      { key: 'chair', label: t('mtg.chair'), children: m.chair?.name ?? '—' },
                      { key: 'recorder', label: t('mtg.recorder'), children: m.recorder?.name ?? '—' },
                      { key: 'organ', label: t('mtg.organ'), children: `${m.unitName}${m.organLabel}` },
                    ]}
                  />
                  <AttendancePanel m={m} run={run} />
                </Col>
              </Row>
            ),
          },
          { key: 'minutes', label: t('mtg.tabMinutes'), children: <MinutesPanel m={m} /> },
        ]}
      />
      {adding ? <AddItemModal m={m} onClose={() => setAdding(false)} /> : null}
      {heading ? <HeadingModal m={m} run={run} onClose={() => setHeading(false)} /> : null}
    </>
  );
}
