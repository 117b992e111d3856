/** A report's items (or a registry entry) as read-only tables, with the classification of each item when given. */
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import {
  CLASSIFICATION_LABELS,
  ITEM_LABELS,
  type Classification,
  type ItemKey,
  type PartialItems,
} from '../../../common/contracts/disclosures.js';
import { useT } from '../../i18n.js';
import { showValue, type ItemSpec } from './itemSpecs.js';

export const CLASS_COLOR: Record<Classification, string> = {
  consistent: 'green',
  omission: 'orange',
  concealment: 'red',
  not_checked: 'default',
};

export function ClassTag({ c }: { c: Classification | null | undefined }) {
  return c ? <Tag color={CLASS_COLOR[c]}>{CLASSIFICATION_LABELS[c]}</Tag> : <Tag>—</Tag>;
}

type Row = Record<string, unknown>;

export function ItemsView({
  specs,
  items,
  who,
  results,
}: {
  specs: readonly ItemSpec[];
  items: PartialItems;
  who: (id: string) => string;
  results?: Partial<
    Record<ItemKey, { classification: Classification; reasons: { message_zh: string; ruleId: string }[] }>
  >;
}) {
  const t = useT();
  return (
    <>
      {specs.map((spec) => {
        const value = items[spec.key] as Row | undefined;
        const r = results?.[spec.key];
        return (
          <Card
            key={spec.key}
            size="small"
            title={ITEM_LABELS[spec.key]}
            style={{ marginBottom: 12 }}
            styles={{ header: { whiteSpace: 'normal' } }}
            extra={r ? <ClassTag c={r.classification} /> : null}
          >
            {r?.reasons.length ? (
              <ul style={{ margin: '0 0 8px', paddingLeft: 18 }}>
                {r.reasons.map((x, i) => (
                  <li key={i}>
                    <Space size={4}>
                      <Tag color="geekblue">{x.ruleId}</Tag>
                      <Typography.Text>{x.message_zh}</Typography.Text>
                    </Space>
                  </li>
                ))}
              </ul>
            ) : null}
            {value === undefined ? (
              <Typography.Text type="secondary">{t('disc.notFilled')}</Typography.Text>
            ) : spec.fields ? (
              <Descriptions
                size="small"
                column={3}
                items={spec.fields.map((s) => ({
                  key: s.name,
                  label: s.label,
                  children: showValue(s, value[s.name], who),
                }))}
              />
            ) : (
              (spec.lists ?? []).map((l) => {
                const rows = (value[l.list] as Row[] | undefined) ?? [];
                return (
                  <div key={l.list} style={{ marginBottom: 6 }}>
                    {l.title ? <Typography.Text strong>{l.title}</Typography.Text> : null}
                    {rows.length ? (
                      <Table<Row>
                        size="small"
                        bordered
                        pagination={false}
                        rowKey={(_, i) => String(i)}
                        dataSource={rows}
                        scroll={{ x: 'max-content' }}
                        columns={l.fields.map((s) => ({
                          key: s.name,
                          title: s.label,
                          render: (_: unknown, row: Row) => showValue(s, row[s.name], who),
                          align:
                            s.type === 'money' || s.type === 'area' || s.type === 'int'
                              ? ('right' as const)
                              : ('left' as const),
                        }))}
                      />
                    ) : (
                      <div>
                        <Typography.Text type="secondary">{t('disc.none')}</Typography.Text>
                      </div>
                    )}
                  </div>
                );
              })
            )}
          </Card>
        );
      })}
    </>
  );
}
