/**
 * The items of a report as form sections (inside the page's antd Form): one card per item, each
 * list an editable grid. Used for the report, an amendment and a checker's registry entry
 * (`selectable`: a tick per item says it was checked).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import { ITEM_LABELS } from '../../../common/contracts/disclosures.js';
import { FAMILY_RELATION_LABELS } from '../../../common/contracts/people.js';
import { useT } from '../../i18n.js';
import { emptyRow, type FieldSpec, type ItemSpec, type ListSpec } from './itemSpecs.js';

export interface Relative {
  id: string;
  relation: string;
  name: string;
}

const WIDTH: Partial<Record<FieldSpec['type'], number>> = {
  date: 140,
  money: 150,
  area: 110,
  int: 110,
  pct: 100,
  bool: 80,
  relative: 150,
  owner: 150,
  select: 140,
};
const width = (s: FieldSpec) => s.width ?? WIDTH[s.type] ?? 150;
const label = (r: Relative) =>
  `${FAMILY_RELATION_LABELS[r.relation as keyof typeof FAMILY_RELATION_LABELS] ?? r.relation} ${r.name}`;

function control(s: FieldSpec, relatives: readonly Relative[]) {
  const a = { 'aria-label': s.label };
  switch (s.type) {
    case 'date':
      return <DatePicker {...a} size="small" style={{ width: '100%' }} />;
    case 'money':
      return <InputNumber {...a} size="small" precision={2} style={{ width: '100%' }} suffix="元" />;
    case 'area':
      return <InputNumber {...a} size="small" precision={2} style={{ width: '100%' }} suffix="㎡" />;
    case 'int':
      return <InputNumber {...a} size="small" precision={0} style={{ width: '100%' }} />;
    case 'pct':
      return <InputNumber {...a} size="small" style={{ width: '100%' }} suffix="%" />;
    case 'bool':
      return <Checkbox {...a} />;
    case 'select':
      return (
        <Select
          {...a}
          size="small"
          options={Object.entries(s.options ?? {}).map(([value, l]) => ({ value, label: l }))}
          popupMatchSelectWidth={false}
        />
      );
    case 'relative':
      return (
        <Select
          {...a}
          size="small"
          options={relatives
            .filter((r) => s.relations?.includes(r.relation))
            .map((r) => ({ value: r.id, label: label(r) }))}
          popupMatchSelectWidth={false}
        />
      );
    case 'owner':
      return (
        <Select
          {...a}
          size="small"
          options={[
            { value: 'self', label: '本人' },
            ...relatives
              .filter((r) => ['spouse', 'son', 'daughter'].includes(r.relation))
              .map((r) => ({ value: r.id, label: label(r) })),
          ]}
          popupMatchSelectWidth={false}
        />
      );
    case 'text':
      return <Input {...a} size="small" />;
  }
}

function fieldItem(s: FieldSpec, name: (string | number)[], relatives: readonly Relative[], withLabel: boolean) {
  const required = !s.optional && s.type !== 'bool';
  return (
    <Form.Item
      key={s.name}
      name={name}
      label={withLabel ? s.label : undefined}
      valuePropName={s.type === 'bool' ? 'checked' : 'value'}
      style={{ marginBottom: withLabel ? 8 : 0 }}
      rules={required ? [{ required: true, message: `请填写${s.label}` }] : []}
    >
      {control(s, relatives)}
    </Form.Item>
  );
}

function ListEditor({
  path,
  l,
  relatives,
}: {
  path: (string | number)[];
  l: ListSpec;
  relatives: readonly Relative[];
}) {
  const t = useT();
  const columns = `${l.fields.map((s) => `${width(s)}px`).join(' ')} 32px`;
  return (
    <div style={{ marginBottom: 8 }}>
      {l.title ? <Typography.Text strong>{l.title}</Typography.Text> : null}
      <Form.List name={[...path, l.list]}>
        {(rows, { add, remove }) => (
          <div style={{ overflowX: 'auto' }}>
            {rows.length ? (
              <div style={{ display: 'grid', gridTemplateColumns: columns, gap: 6, minWidth: 'max-content' }}>
                {l.fields.map((s) => (
                  <Typography.Text key={s.name} type="secondary" style={{ fontSize: 12 }}>
                    {s.label}
                    {s.optional ? '' : ' *'}
                  </Typography.Text>
                ))}
                <span />
                {rows.map((row) => [
                  ...l.fields.map((s) => fieldItem(s, [row.name, s.name], relatives, false)),
                  <Button
                    key="del"
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() => remove(row.name)}
                  />,
                ])}
              </div>
            ) : (
              <Typography.Text type="secondary">{t('disc.none')}</Typography.Text>
            )}
            <div>
              <Button
                size="small"
                type="dashed"
                icon={<PlusOutlined />}
                style={{ marginTop: 6 }}
                onClick={() => add(emptyRow(l))}
              >
                {t('disc.addRow')}
              </Button>
            </div>
          </div>
        )}
      </Form.List>
    </div>
  );
}

export function ItemsFields({
  specs,
  relatives,
  selectable = false,
  root = 'items',
}: {
  specs: readonly ItemSpec[];
  relatives: readonly Relative[];
  selectable?: boolean;
  root?: string;
}) {
  const t = useT();
  return (
    <>
      {specs.map((spec) => (
        <Card
          key={spec.key}
          size="small"
          title={ITEM_LABELS[spec.key]}
          style={{ marginBottom: 12 }}
          styles={{ header: { whiteSpace: 'normal' } }}
          extra={
            selectable ? (
              <Form.Item name={['include', spec.key]} valuePropName="checked" noStyle>
                <Checkbox>{t('disc.checkedItem')}</Checkbox>
              </Form.Item>
            ) : null
          }
        >
          {spec.fields ? (
            <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
              {spec.fields.map((s) => (
                <div key={s.name} style={{ width: width(s) + 40 }}>
                  {fieldItem(s, [root, spec.key, s.name], relatives, true)}
                </div>
              ))}
            </div>
          ) : (
            (spec.lists ?? []).map((l) => (
              <ListEditor key={l.list} path={[root, spec.key]} l={l} relatives={relatives} />
            ))
          )}
        </Card>
      ))}
    </>
  );
}
