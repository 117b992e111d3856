/** One unit's team (班子): members, history, editing for those with authority, structure summary. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  ORGAN_TYPE_LABELS,
  UNIT_LEVEL_LABELS,
  teamPostLabel,
  type Team,
  type TeamMember,
} from '../../../common/contracts/orgs.js';
import { SEX_LABELS } from '../../../common/contracts/people.js';
import { useTeam } from '../../api/orgs.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { ageFromBirthMonth } from '../../lib/age.js';
import { show } from '../../lib/format.js';
import { useT } from '../../i18n.js';
import { AddMemberModal, EditMemberModal, EndMemberModal } from './MemberModals.js';
import { StructureChart } from './StructureChart.js';

/** Current members in the server's order, then (with history) former members, latest first. */
function ordered(members: TeamMember[], history: boolean): TeamMember[] {
  const current = members.filter((m) => m.current);
  if (!history) return current;
  const former = members.filter((m) => !m.current).sort((a, b) => (b.endDate ?? '').localeCompare(a.endDate ?? ''));
  return [...current, ...former];
}

type Dialog = { kind: 'add' } | { kind: 'edit' | 'end'; member: TeamMember } | null;

function TeamTable({ team, history, onDialog }: { team: Team; history: boolean; onDialog: (d: Dialog) => void }) {
  const t = useT();
  const columns = [
    {
      title: t('team.name'),
      key: 'name',
      width: 100,
      fixed: 'left' as const,
      render: (_: unknown, m: TeamMember) =>
        team.canViewRecords ? <Link to={`/people/${m.personId}`}>{m.personName}</Link> : m.personName,
    },
    {
      title: t('team.post'),
      key: 'post',
      width: 150,
      render: (_: unknown, m: TeamMember) => m.teamPostLabel || teamPostLabel(m.teamPost, team.unit.organType),
    },
    { title: t('team.adminPost'), dataIndex: 'adminPost', key: 'adminPost', width: 110, render: show },
    {
      title: t('team.partyMember'),
      dataIndex: 'isPartyGroupMember',
      key: 'pg',
      width: 90,
      render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
    },
    {
      title: t('team.division'),
      dataIndex: 'divisionOfWork',
      key: 'division',
      width: 260,
      render: (v: string | null) => (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: 'collapsible' }} style={{ margin: 0 }}>
          {show(v)}
        </Typography.Paragraph>
      ),
    },
    { title: t('team.startDate'), dataIndex: 'startDate', key: 'startDate', width: 106 },
    ...(history
      ? [
          { title: t('team.endDate'), dataIndex: 'endDate', key: 'endDate', width: 106, render: show },
          { title: t('team.endReason'), dataIndex: 'endReason', key: 'endReason', width: 120, render: show },
        ]
      : []),
    {
      title: t('person.sex'),
      dataIndex: 'sex',
      key: 'sex',
      width: 56,
      render: (s: TeamMember['sex']) => SEX_LABELS[s],
    },
    {
      title: t('person.age'),
      key: 'age',
      width: 56,
      render: (_: unknown, m: TeamMember) => show(ageFromBirthMonth(m.birthMonth)),
    },
    { title: t('person.ethnicity'), dataIndex: 'ethnicity', key: 'ethnicity', width: 80 },
    ...(team.canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            fixed: 'right' as const,
            render: (_: unknown, m: TeamMember) =>
              m.current ? (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => onDialog({ kind: 'edit', member: m })}>
                    {t('common.edit')}
                  </Button>
                  <Button type="link" size="small" danger onClick={() => onDialog({ kind: 'end', member: m })}>
                    {t('team.endShort')}
                  </Button>
                </Space>
              ) : (
                <Tag>{t('team.ended')}</Tag>
              ),
          },
        ]
      : []),
  ];
  return (
    <Table<TeamMember>
      rowKey="id"
      size="small"
      bordered
      columns={columns}
      dataSource={ordered(team.members, history)}
      pagination={false}
      scroll={{ x: history ? 1400 : 1150 }}
      rowClassName={(m) => (m.current ? '' : 'row-ended')}
    />
  );
}

export default function TeamPage() {
  const t = useT();
  const { id = '' } = useParams();
  const [history, setHistory] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const team = useTeam(id, history);
  const unit = team.data?.unit;

  return (
    <>
      <PageHeader
        title={unit ? `${unit.name} ${t('team.title')}` : t('team.title')}
        crumbs={[{ title: t('nav.orgs'), to: '/orgs' }, { title: unit?.name ?? '…' }]}
        sub={
          unit
            ? `${UNIT_LEVEL_LABELS[unit.level]} · ${team.data?.organLabel || ORGAN_TYPE_LABELS[unit.organType]}`
            : undefined
        }
        extra={
          <>
            <Space size={6}>
              <Switch size="small" checked={history} onChange={setHistory} aria-label={t('team.history')} />
              {t('team.history')}
            </Space>
            {team.data?.canEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
                {t('team.add')}
              </Button>
            ) : null}
          </>
        }
      />
      <QueryState query={team}>
        {(data) => (
          <>
            <TeamTable team={data} history={history} onDialog={setDialog} />
            <StructureChart members={data.members.filter((m) => m.current)} />
          </>
        )}
      </QueryState>
      {dialog?.kind === 'add' && unit ? <AddMemberModal unit={unit} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? (
        <EditMemberModal unitId={id} member={dialog.member} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'end' ? (
        <EndMemberModal unitId={id} member={dialog.member} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
