/** Set up a session from a template (team, members, recommendation), or edit a draft. Everything is fixed once it opens. */
import { App, Alert, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  BALLOT_KINDS,
  BALLOT_KIND_LABELS,
  SMALL_GROUP_POLICY_LABELS,
  type BallotKind,
  type Category,
  type Questionnaire,
  type SmallGroupPolicy,
} from '../../../common/contracts/ballots.js';
import { useTeam } from '../../api/orgs.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView, Loading } from '../../components/QueryState.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { useT } from '../../i18n.js';
import { beijingWallTime, instantOfBeijing, thisYearBeijing } from '../../lib/format.js';
import { useMe } from '../../session.js';
import { errorText, fetchTemplate, useBallotSession, useSaveSession } from './api.js';
import { CategoriesEditor, QuestionsEditor } from './QuestionsEditor.js';

interface Draft {
  unitId: string | undefined;
  kind: BallotKind;
  year: number;
  title: string;
  questionnaire: Questionnaire | null;
  categories: Category[];
  policy: SmallGroupPolicy;
  window: [Dayjs, Dayjs];
}

export default function SessionFormPage() {
  const { id } = useParams();
  const { unitId } = useMe();
  const existing = useBallotSession(id ?? '', Boolean(id));
  if (id && !existing.data) return existing.error ? <ErrorView error={existing.error} /> : <Loading />;
  const s = existing.data;
  const initial: Draft = s
    ? {
        unitId: s.unitId,
        kind: s.kind,
        year: s.year,
        title: s.title,
        questionnaire: s.questionnaire,
        categories: s.categories.map(({ issued: _i, ...c }) => c),
        policy: s.smallGroupPolicy,
        window: [beijingWallTime(s.opensAt), beijingWallTime(s.closesAt)],
      }
    : {
        unitId,
        kind: 'team_evaluation',
        year: thisYearBeijing(),
        title: '',
        questionnaire: null,
        categories: [],
        policy: 'merge',
        window: [beijingWallTime(), beijingWallTime().add(3, 'hour')],
      };
  return <SessionForm key={id ?? 'new'} id={id} initial={initial} />;
}

function SessionForm({ id, initial }: { id: string | undefined; initial: Draft }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const save = useSaveSession(id);
  const [d, setD] = useState<Draft>(initial);
  const [error, setError] = useState<string | null>(null);
  const team = useTeam(d.unitId ?? '', false);
  const people = (team.data?.members ?? [])
    .filter((m) => m.current)
    .map((m) => ({ value: m.personId, label: `${m.personName}（${m.adminPost ?? m.teamPostLabel}）` }));

  const load = async () => {
    if (!d.unitId) return;
    try {
      const tpl = await fetchTemplate(d.unitId, d.kind, d.year);
      setD({ ...d, title: tpl.title, questionnaire: tpl.questionnaire, categories: tpl.categories });
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const submit = async () => {
    if (!d.unitId || !d.questionnaire) return;
    try {
      const r = await save.mutateAsync({
        unitId: d.unitId,
        kind: d.kind,
        title: d.title,
        year: d.year,
        questionnaire: d.questionnaire,
        categories: d.categories,
        smallGroupPolicy: d.policy,
        opensAt: instantOfBeijing(d.window[0]),
        closesAt: instantOfBeijing(d.window[1]),
      });
      message.success(t('common.saved'));
      void navigate(`/ballots/${r.id}`);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <>
      <PageHeader
        title={id ? t('ballots.edit') : t('ballots.new')}
        crumbs={[{ title: t('nav.ballots'), to: '/ballots' }, { title: id ? t('ballots.edit') : t('ballots.new') }]}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('ballots.col.unit')}>
            <UnitSelect value={d.unitId} onChange={(v) => setD({ ...d, unitId: v })} allowClear={false} />
          </Form.Item>
          <Form.Item label={t('ballots.col.kind')}>
            <Select
              style={{ width: 180 }}
              value={d.kind}
              disabled={Boolean(id)}
              onChange={(k: BallotKind) => setD({ ...d, kind: k })}
              options={BALLOT_KINDS.map((k) => ({ value: k, label: BALLOT_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item label={t('ballots.col.year')}>
            <InputNumber min={2000} max={2100} value={d.year} onChange={(v) => setD({ ...d, year: v ?? d.year })} />
          </Form.Item>
          {id ? null : (
            <Button onClick={() => void load()} disabled={!d.unitId}>
              {t('ballots.form.loadTemplate')}
            </Button>
          )}
        </Form>
      </Card>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {d.questionnaire ? (
        <Flex vertical gap={12}>
          <Card size="small" title={t('ballots.form.basics')}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Input
                value={d.title}
                onChange={(e) => setD({ ...d, title: e.target.value })}
                aria-label={t('ballots.col.title')}
                placeholder={t('ballots.col.title')}
              />
              <Space wrap>
                {t('ballots.col.window')}
                <DatePicker.RangePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  value={d.window}
                  onChange={(v) => {
                    if (v?.[0] && v[1]) setD({ ...d, window: [v[0], v[1]] });
                  }}
                  allowClear={false}
                />
              </Space>
              <Radio.Group
                value={d.policy}
                onChange={(e) => setD({ ...d, policy: e.target.value as SmallGroupPolicy })}
                options={(['merge', 'withhold'] as const).map((p) => ({
                  value: p,
                  label: SMALL_GROUP_POLICY_LABELS[p],
                }))}
              />
              <Alert type="info" showIcon title={t('ballots.form.fixedOnOpen')} />
            </Space>
          </Card>
          <Card size="small" title={t('ballots.form.categories')}>
            <CategoriesEditor value={d.categories} onChange={(c) => setD({ ...d, categories: c })} people={people} />
          </Card>
          <Card size="small" title={t('ballots.form.questionnaire', { n: d.questionnaire.questions.length })}>
            <QuestionsEditor value={d.questionnaire} onChange={(q) => setD({ ...d, questionnaire: q })} />
          </Card>
          <div>
            <Button type="primary" loading={save.isPending} onClick={() => void submit()}>
              {t('common.save')}
            </Button>
          </div>
        </Flex>
      ) : (
        <Alert type="info" showIcon title={t('ballots.form.pickTemplate')} />
      )}
    </>
  );
}
