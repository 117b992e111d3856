/** One rule: substance, citation, parameters with sources, the unit's override history and form. */
import { Alert, Descriptions, Divider, Drawer, Table, Tag, Typography } from 'antd';
import type { RuleView } from '../../../common/contracts/rules.js';
import { useUnits } from '../../api/orgs.js';
import { useOverrides } from '../../api/rules.js';
import { CitationTag, KindTag, VerificationTag } from '../../components/CitationTag.js';
import { instant } from '../../lib/format.js';
import { describeValue, formatParamValue } from '../../lib/params.js';
import { labelOr, useLang, useT } from '../../i18n.js';
import { hasRole, useMe } from '../../session.js';
import { GovernanceTag } from './GovernanceTag.js';
import { OverrideForm } from './OverrideForm.js';

/**
 * Who may set the unit's parameters (issue 8 §3): the personnel office of its parent unit ('above':
 * may also loosen tighten-only ones), or the unit's own office ('own': may only tighten them).
 */
function useOverrideAuthority(unitId: string | undefined): 'own' | 'above' | null {
  const { me } = useMe();
  const units = useUnits();
  if (!unitId) return null;
  const parentId = units.data?.find((u) => u.id === unitId)?.parentId;
  if (parentId && hasRole(me, 'personnel', parentId)) return 'above';
  return hasRole(me, 'office', unitId) ? 'own' : null;
}

export function RuleDrawer({
  rule,
  unitId,
  onClose,
}: {
  rule: RuleView | null;
  unitId: string | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const authority = useOverrideAuthority(unitId);
  const overrides = useOverrides(rule && unitId ? rule.id : undefined, unitId);
  return (
    <Drawer
      open={rule !== null}
      onClose={onClose}
      size={720}
      title={rule ? `${rule.id} ${lang === 'en' ? rule.title_en : rule.title_zh}` : ''}
      destroyOnHidden
    >
      {rule ? (
        <>
          <Descriptions
            size="small"
            bordered
            column={2}
            items={[
              { key: 'kind', label: t('rules.kind'), children: <KindTag kind={rule.kind} /> },
              { key: 'label', label: t('rules.label'), children: <VerificationTag label={rule.label} /> },
              { key: 'module', label: t('rules.module'), children: labelOr(t, 'module', rule.module) },
              { key: 'section', label: t('rules.section'), children: `§${rule.section}` },
              { key: 'counting', label: t('rules.counting'), children: labelOr(t, 'counting', rule.counting) },
              {
                key: 'encoded',
                label: t('rules.encoded'),
                children: rule.encoded ? (
                  <Tag color="green">{t('common.yes')}</Tag>
                ) : (
                  <Tag>{t('rules.notEncoded')}</Tag>
                ),
              },
              {
                key: 'citation',
                label: t('rules.citation'),
                children: <CitationTag citation={rule.citation} />,
                span: 2,
              },
              { key: 'summary', label: t('rules.summary'), children: rule.summary_zh, span: 2 },
            ]}
          />
          {rule.label === 'UNVERIFIED' ? (
            <Alert type="warning" showIcon title={t('rules.unverifiedNote')} style={{ marginTop: 12 }} />
          ) : null}
          <Divider titlePlacement="start">{t('rules.params')}</Divider>
          <Table
            size="small"
            bordered
            rowKey="key"
            pagination={false}
            dataSource={rule.params}
            locale={{ emptyText: t('rules.noParams') }}
            columns={[
              { title: t('rules.param'), key: 'label', render: (_, p) => (lang === 'en' ? p.label_en : p.label_zh) },
              {
                title: t('rules.governance'),
                key: 'governance',
                width: 170,
                render: (_, p) => <GovernanceTag p={p} />,
              },
              {
                title: t('rules.default'),
                key: 'default',
                width: 120,
                render: (_, p) => formatParamValue(p.default, p.type, p.unit, lang),
              },
              {
                title: t('rules.effective'),
                key: 'effective',
                width: 120,
                render: (_, p) => <strong>{formatParamValue(p.effective, p.type, p.unit, lang)}</strong>,
              },
              {
                title: t('rules.source'),
                key: 'source',
                width: 170,
                render: (_, p) =>
                  p.source ? `${p.source.unitName}（${p.source.effectiveFrom}起）` : t('rules.sourceDefault'),
              },
            ]}
          />
          {unitId && rule.params.length > 0 ? (
            <>
              <Divider titlePlacement="start">{t('rules.history')}</Divider>
              <Table
                size="small"
                bordered
                rowKey="id"
                pagination={false}
                loading={overrides.isPending}
                dataSource={overrides.data ?? []}
                locale={{ emptyText: t('rules.noOverrides') }}
                columns={[
                  { title: t('rules.effectiveFrom'), dataIndex: 'effectiveFrom', width: 110 },
                  {
                    title: t('rules.values'),
                    key: 'params',
                    render: (_, o) =>
                      Object.entries(o.params).map(([k, v]) => {
                        const p = rule.params.find((x) => x.key === k);
                        return (
                          <div key={k}>
                            {p ? (lang === 'en' ? p.label_en : p.label_zh) : k}：
                            {p ? formatParamValue(v, p.type, p.unit, lang) : describeValue(v, lang)}
                          </div>
                        );
                      }),
                  },
                  { title: t('rules.reason'), dataIndex: 'reason' },
                  {
                    title: t('rules.setBy'),
                    key: 'by',
                    width: 150,
                    render: (_, o) => (
                      <>
                        {o.setBy}
                        <br />
                        <Typography.Text type="secondary">{instant(o.setAt)}</Typography.Text>
                      </>
                    ),
                  },
                ]}
              />
              {authority && rule.params.some((p) => p.governance.kind !== 'fixed') ? (
                <>
                  <Divider titlePlacement="start">{t('rules.addOverride')}</Divider>
                  <Alert
                    type="info"
                    showIcon
                    title={t(authority === 'above' ? 'rules.aboveMay' : 'rules.ownOnlyTighten')}
                    style={{ marginBottom: 12 }}
                  />
                  <OverrideForm
                    key={JSON.stringify(rule.params.map((p) => p.effective))}
                    rule={rule}
                    unitId={unitId}
                    onDone={() => undefined}
                  />
                </>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
