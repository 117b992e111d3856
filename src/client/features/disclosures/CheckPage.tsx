/**
 * One check: the checker enters what the registries showed (prefilled with the report, so only
 * differences are typed; a tick marks each item checked); Banzi classifies each item by PM-08
 * with the reason; the cadre files an explanation; the case follows.
 */
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ITEM_KEYS, TRIGGER_LABELS, type ItemKey } from '../../../common/contracts/disclosures.js';
import { usePerson } from '../../api/people.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { instant } from '../../lib/format.js';
import { useT } from '../../i18n.js';
import { useCheck, useDiscAction } from './api.js';
import { DisclosuresNav, KindTag } from './common.js';
import { ItemsFields, type Relative } from './ItemsForm.js';
import { ClassTag, ItemsView } from './ItemsView.js';
import { ITEM_SPECS, fromFormItems, toFormItems } from './itemSpecs.js';
import { useRun } from './useRun.js';

type CheckDetail = NonNullable<ReturnType<typeof useCheck>['data']>;
interface Values {
  items: Record<string, unknown>;
  include: Partial<Record<ItemKey, boolean>>;
  assets?: { familyAssetsYuan?: number | null; normalIncomeYuan?: number | null };
}

function RegistryForm({ c }: { c: CheckDetail }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const person = usePerson(c.personId);
  const relatives: Relative[] = person.data?.access === 'full' ? person.data.family : c.relatives;
  const put = useDiscAction('PUT');
  const { run, findings, clear } = useRun(form);
  const initial = useMemo(() => ({ items: toFormItems(c.report?.items ?? {}), include: {} }), [c]);
  const submit = async (v: Values) => {
    const keys = ITEM_KEYS.filter((k) => v.include?.[k]);
    const a = v.assets;
    const assets =
      typeof a?.familyAssetsYuan === 'number' && typeof a.normalIncomeYuan === 'number'
        ? {
            familyAssetsFen: Math.round(a.familyAssetsYuan * 100),
            normalIncomeFen: Math.round(a.normalIncomeYuan * 100),
          }
        : null;
    await run(
      () =>
        put.mutateAsync({
          path: `/api/disclosures/checks/${c.id}/registry`,
          body: { items: fromFormItems(v.items, keys), assets },
        }),
      t('disc.classifiedOk'),
    );
  };
  return (
    <Form form={form} layout="vertical" size="small" initialValues={initial} onFinish={(v) => void submit(v)}>
      <RuleFindings findings={findings} onClose={clear} />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('disc.registryHint')} />
      <ItemsFields specs={ITEM_SPECS} relatives={relatives} selectable />
      <Card size="small" title={t('disc.assetsTitle')} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Form.Item name={['assets', 'familyAssetsYuan']} label={t('disc.familyAssets')}>
            <InputNumber min={0} precision={2} suffix="元" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name={['assets', 'normalIncomeYuan']} label={t('disc.normalIncome')}>
            <InputNumber min={0} precision={2} suffix="元" style={{ width: 200 }} />
          </Form.Item>
        </Space>
      </Card>
      <Button type="primary" htmlType="submit" loading={put.isPending}>
        {t('disc.classify')}
      </Button>
    </Form>
  );
}

function Explanations({ c }: { c: CheckDetail }) {
  const t = useT();
  const post = useDiscAction('POST');
  const { run } = useRun();
  const [text, setText] = useState('');
  return (
    <Card size="small" title={t('disc.explanations')} style={{ marginTop: 12 }}>
      {c.explanations.length === 0 ? (
        <Typography.Text type="secondary">{t('disc.none')}</Typography.Text>
      ) : (
        c.explanations.map((e) => (
          <div key={e.id} style={{ marginBottom: 8 }}>
            <Space>
              <Tag color={e.kind === 'assets_income' ? 'red' : 'orange'}>
                {e.kind === 'assets_income' ? t('disc.explainAssets') : t('disc.explainDiscrepancy')}
              </Tag>
              <Tag color={e.status === 'filed' ? 'green' : 'gold'}>
                {e.status === 'filed' ? t('disc.filed') : t('disc.requested')}
              </Tag>
              {instant(e.filedAt ?? e.requestedAt)}
            </Space>
            {e.text ? (
              <Typography.Paragraph style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{e.text}</Typography.Paragraph>
            ) : null}
          </div>
        ))
      )}
      {c.canExplain ? (
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('disc.explainHint')}
            aria-label={t('disc.explanations')}
          />
          <Button
            type="primary"
            disabled={!text.trim()}
            onClick={() =>
              void run(
                () => post.mutateAsync({ path: `/api/disclosures/checks/${c.id}/explanation`, body: { text } }),
                t('common.saved'),
              )
            }
          >
            {t('disc.submit')}
          </Button>
        </Space.Compact>
      ) : null}
    </Card>
  );
}

export default function CheckPage() {
  const t = useT();
  const { id = '' } = useParams();
  const check = useCheck(id);
  const c = check.data;
  return (
    <>
      <PageHeader
        title={c ? t('disc.checkTitle', { name: c.personName, year: c.year }) : t('disc.tab.checks')}
        crumbs={[
          { title: t('disc.title'), to: '/disclosures' },
          { title: t('disc.tab.checks'), to: '/disclosures/checks' },
          { title: c?.personName ?? '…' },
        ]}
        sub={
          c ? (
            <Space size={4}>
              <KindTag kind={c.kind} />
              {c.trigger ? TRIGGER_LABELS[c.trigger] : null}
              {c.status === 'classified' ? <ClassTag c={c.result} /> : <Tag color="gold">{t('disc.pending')}</Tag>}
            </Space>
          ) : undefined
        }
      />
      <DisclosuresNav />
      <QueryState query={check}>
        {(d) => {
          const names = new Map(d.relatives.map((x) => [x.id, `${x.relationLabel} ${x.name}`]));
          const who = (x: string) => names.get(x) ?? x;
          const results = Object.fromEntries(d.results.map((r) => [r.item, r]));
          return (
            <>
              <Descriptions
                size="small"
                bordered
                column={{ xs: 1, md: 3 }}
                style={{ marginBottom: 12 }}
                items={[
                  { key: 'u', label: t('disc.unit'), children: d.unitName },
                  {
                    key: 'r',
                    label: t('disc.checkReason'),
                    children:
                      d.reason ??
                      (d.drawId ? <Link to={`/disclosures/draws/${d.drawId}`}>{t('disc.fromDraw')}</Link> : '—'),
                  },
                  {
                    key: 'b',
                    label: t('disc.baseline'),
                    children: d.report ? (
                      <Link to={`/disclosures/reports/${d.report.id}?v=${d.report.version}`}>
                        {d.report.version
                          ? t('disc.baselineVersion', { v: d.report.version })
                          : t('disc.baselineOriginal')}
                      </Link>
                    ) : (
                      <Tag color="red">{t('disc.noReport')}</Tag>
                    ),
                  },
                  {
                    key: 'case',
                    label: t('disc.case'),
                    children: d.caseId ? <Link to="/disclosures/cases">{t('disc.open')}</Link> : '—',
                  },
                  { key: 'at', label: t('disc.checkedAt'), children: instant(d.checkedAt) },
                ]}
              />
              <RuleFindings findings={d.findings} />
              {d.canEnter ? (
                <RegistryForm c={d} />
              ) : d.status === 'classified' ? (
                <Tabs
                  items={[
                    {
                      key: 'res',
                      label: t('disc.results'),
                      children: (
                        <Table
                          size="small"
                          bordered
                          rowKey="item"
                          pagination={false}
                          dataSource={d.results.filter((r) => r.classification !== 'not_checked')}
                          columns={[
                            { title: t('disc.item'), dataIndex: 'label', width: 320 },
                            {
                              title: t('disc.result'),
                              key: 'c',
                              width: 100,
                              render: (_, r) => <ClassTag c={r.classification} />,
                            },
                            {
                              title: t('disc.reason'),
                              key: 'r',
                              render: (_, r) =>
                                r.reasons.length
                                  ? r.reasons.map((x, i) => (
                                      <div key={i}>
                                        <Tag color="geekblue">{x.ruleId}</Tag>
                                        {x.message_zh}
                                      </div>
                                    ))
                                  : '—',
                            },
                          ]}
                        />
                      ),
                    },
                    {
                      key: 'reg',
                      label: t('disc.registry'),
                      children: d.registry ? (
                        <ItemsView
                          specs={ITEM_SPECS.filter((s) => d.registry?.items[s.key] !== undefined)}
                          items={d.registry.items}
                          who={who}
                          results={results}
                        />
                      ) : null,
                    },
                    {
                      key: 'rep',
                      label: t('disc.reportContent'),
                      children: d.report ? (
                        <ItemsView specs={ITEM_SPECS} items={d.report.items} who={who} />
                      ) : (
                        <Tag color="red">{t('disc.noReport')}</Tag>
                      ),
                    },
                  ]}
                />
              ) : (
                <Alert type="info" showIcon title={t('disc.awaitingEntry')} />
              )}
              <Explanations c={d} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
