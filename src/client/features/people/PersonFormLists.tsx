/** Editable lists of the cadre form: résumé lines and family members. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  FAMILY_RELATIONS,
  FAMILY_RELATION_LABELS,
  POLITICAL_STATUSES,
  POLITICAL_STATUS_LABELS,
} from '../../../common/contracts/people.js';
import { useT } from '../../i18n.js';

const cell = { style: { marginBottom: 0 } };
/** Shown as on the 任免审批表 (1998.07); typed also as 1998-07 or 199807. */
const MONTH_FORMATS = ['YYYY.MM', 'YYYY-MM', 'YYYYMM'];

export function ResumeList() {
  const t = useT();
  return (
    <Form.List name="resume">
      {(fields, { add, remove, move }) => (
        <>
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey="key"
            dataSource={fields}
            locale={{ emptyText: t('person.resumeEmpty') }}
            columns={[
              {
                title: t('person.resumeStart'),
                key: 's',
                width: 150,
                render: (_, f) => (
                  <Form.Item
                    {...cell}
                    name={[f.name, 'startMonth']}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <DatePicker picker="month" format={MONTH_FORMATS} />
                  </Form.Item>
                ),
              },
              {
                title: t('person.resumeEnd'),
                key: 'e',
                width: 150,
                render: (_, f) => (
                  <Form.Item
                    {...cell}
                    name={[f.name, 'endMonth']}
                    dependencies={[['resume', f.name, 'startMonth']]}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: async (_r, v: Dayjs | null | undefined) => {
                          const start = getFieldValue(['resume', f.name, 'startMonth']) as Dayjs | null | undefined;
                          if (v && start && v.isBefore(start, 'month')) throw new Error(t('person.resumeOrder'));
                        },
                      }),
                    ]}
                  >
                    <DatePicker picker="month" format={MONTH_FORMATS} placeholder={t('person.resumeNow')} />
                  </Form.Item>
                ),
              },
              {
                title: t('person.resumeText'),
                key: 'x',
                render: (_, f) => (
                  <Form.Item
                    {...cell}
                    name={[f.name, 'text']}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <Input maxLength={300} placeholder={t('person.resumeTextHint')} />
                  </Form.Item>
                ),
              },
              {
                title: '',
                key: 'a',
                width: 110,
                render: (_, f, i) => (
                  <>
                    <Button
                      size="small"
                      type="text"
                      disabled={i === 0}
                      onClick={() => move(i, i - 1)}
                      aria-label={t('common.up')}
                    >
                      ↑
                    </Button>
                    <Button
                      size="small"
                      type="text"
                      disabled={i === fields.length - 1}
                      onClick={() => move(i, i + 1)}
                      aria-label={t('common.down')}
                    >
                      ↓
                    </Button>
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t('common.delete')}
                    />
                  </>
                ),
              },
            ]}
          />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginTop: 8 }}>
            {t('person.resumeAdd')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function FamilyList() {
  const t = useT();
  return (
    <Form.List name="family">
      {(fields, { add, remove }) => (
        <>
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey="key"
            dataSource={fields}
            locale={{ emptyText: t('person.familyEmpty') }}
            columns={[
              {
                title: t('person.relation'),
                key: 'r',
                width: 130,
                render: (_, f) => (
                  <Form.Item
                    {...cell}
                    name={[f.name, 'relation']}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <Select options={FAMILY_RELATIONS.map((r) => ({ value: r, label: FAMILY_RELATION_LABELS[r] }))} />
                  </Form.Item>
                ),
              },
              {
                title: t('person.name'),
                key: 'n',
                width: 120,
                render: (_, f) => (
                  <Form.Item
                    {...cell}
                    name={[f.name, 'name']}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <Input maxLength={40} />
                  </Form.Item>
                ),
              },
              {
                title: t('person.birthDate'),
                key: 'b',
                width: 150,
                render: (_, f) => (
                  <Form.Item {...cell} name={[f.name, 'birthDate']}>
                    <DatePicker />
                  </Form.Item>
                ),
              },
              {
                title: t('person.politicalStatus'),
                key: 'p',
                width: 140,
                render: (_, f) => (
                  <Form.Item {...cell} name={[f.name, 'politicalStatus']}>
                    <Select
                      allowClear
                      options={POLITICAL_STATUSES.map((p) => ({ value: p, label: POLITICAL_STATUS_LABELS[p] }))}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('person.employerPost'),
                key: 'w',
                render: (_, f) => (
                  <Form.Item {...cell} name={[f.name, 'employerPost']}>
                    <Input maxLength={200} />
                  </Form.Item>
                ),
              },
              {
                title: '',
                key: 'a',
                width: 48,
                render: (_, f) => (
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('common.delete')}
                  />
                ),
              },
            ]}
          />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginTop: 8 }}>
            {t('person.familyAdd')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
