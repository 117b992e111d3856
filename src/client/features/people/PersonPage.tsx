/** A cadre record (GET /api/people/:id). Basic access shows name, unit, post and 分工 only. */
import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { PersonDetail } from '../../../common/contracts/people.js';
import { usePerson, type HistoryKind, type PersonBasic } from '../../api/people.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { instant, show } from '../../lib/format.js';
import { useT } from '../../i18n.js';
import { HistoryModal } from './HistoryModals.js';
import { PersonHistory } from './PersonHistory.js';
import { FamilyView, RecordFacts, ResumeView } from './PersonRecord.js';
import { RestrictionsPanel } from '../eligibility/RestrictionsPanel.js';

function BasicView({ p }: { p: PersonBasic }) {
  const t = useT();
  return (
    <>
      <Alert type="info" showIcon title={t('person.basicOnly')} style={{ marginBottom: 16 }} />
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'n', label: t('person.name'), children: p.name },
          { key: 'u', label: t('person.unit'), children: p.unitName },
          { key: 'p', label: t('person.currentPost'), children: show(p.currentPost) },
          { key: 'd', label: t('team.division'), children: show(p.divisionOfWork) },
        ]}
      />
    </>
  );
}

function FullView({ p }: { p: PersonDetail }) {
  const t = useT();
  return (
    <>
      <RecordFacts p={p} />
      <Card size="small" title={t('person.section.resume')} style={{ marginTop: 16 }}>
        <ResumeView p={p} />
      </Card>
      <Card size="small" title={t('person.section.history')} style={{ marginTop: 16 }}>
        <PersonHistory p={p} />
      </Card>
      <Card size="small" title={t('person.section.family')} style={{ marginTop: 16 }}>
        <FamilyView p={p} />
      </Card>
      <RestrictionsPanel personId={p.id} />
      <div style={{ marginTop: 8, color: '#999', fontSize: 12 }}>
        {t('person.updatedAt', { at: instant(p.updatedAt) })}
      </div>
    </>
  );
}

export default function PersonPage() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const person = usePerson(id);
  const [dialog, setDialog] = useState<HistoryKind | null>(null);
  const p = person.data;
  return (
    <>
      <PageHeader
        title={p ? p.name : t('nav.people')}
        sub={p ? [p.unitName, p.currentPost].filter(Boolean).join(' · ') : undefined}
        crumbs={[{ title: t('nav.people'), to: '/people' }, { title: p?.name ?? '…' }]}
        extra={
          p?.access === 'full' && p.canEdit ? (
            <>
              <Button onClick={() => setDialog('ranks')}>{t('person.addRank')}</Button>
              <Button onClick={() => setDialog('posts')}>{t('person.addPost')}</Button>
              <Button onClick={() => setDialog('transfer')}>{t('person.transfer')}</Button>
              <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(`/people/${id}/edit`)}>
                {t('common.edit')}
              </Button>
            </>
          ) : undefined
        }
      />
      <QueryState query={person}>{(d) => (d.access === 'full' ? <FullView p={d} /> : <BasicView p={d} />)}</QueryState>
      {dialog && p?.access === 'full' ? (
        <HistoryModal personId={p.id} unitId={p.unitId} kind={dialog} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
