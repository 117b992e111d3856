/** Sections of the cadre form: basic facts, education, creation-only rank and post. */
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  DEGREES,
  ETHNICITIES,
  POLITICAL_STATUSES,
  POLITICAL_STATUS_LABELS,
  QUALIFICATIONS,
  SEX_LABELS,
} from '../../../common/contracts/people.js';
import { parseIdNumber } from '../../../common/id-number.js';
import { RANKS } from '../../../common/ranks.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { toMonth } from '../../lib/format.js';
import { useT } from '../../i18n.js';

const half = { xs: 24, md: 12, xl: 8 };

export function BasicSection({ maskedId }: { maskedId?: string | null }) {
  const t = useT();
  const req = [{ required: true, message: t('common.required') }];
  return (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item name="name" label={t('person.name')} rules={req}>
          <Input maxLength={40} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="sex" label={t('person.sex')} rules={req}>
          <Select options={Object.entries(SEX_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="birthMonth" label={t('person.birthMonth')} rules={req}>
          <DatePicker picker="month" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="ethnicity" label={t('person.ethnicity')} rules={req}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={ETHNICITIES.map((e) => ({ value: e, label: e }))}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="nativePlace" label={t('person.nativePlace')}>
          <Input maxLength={60} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="birthplace" label={t('person.birthplace')}>
          <Input maxLength={60} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="politicalStatus" label={t('person.politicalStatus')} rules={req}>
          <Select options={POLITICAL_STATUSES.map((p) => ({ value: p, label: POLITICAL_STATUS_LABELS[p] }))} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="partyJoinDate" label={t('person.partyJoinDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="workStartDate" label={t('person.workStartDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="health" label={t('person.health')}>
          <Input maxLength={40} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="professionalTitle" label={t('person.title')}>
          <Input maxLength={60} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="idNumber"
          label={t('person.idNumber')}
          extra={maskedId ? t('person.idNumberKeep', { masked: maskedId }) : undefined}
          dependencies={['birthMonth']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, v: string | undefined) => {
                if (!v?.trim()) return;
                const r = parseIdNumber(v);
                if (!r.ok) throw new Error(r.message);
                const month = toMonth(getFieldValue('birthMonth') as Dayjs | null | undefined);
                if (month && r.birthDate.slice(0, 7) !== month) {
                  throw new Error(t('person.idBirthMismatch', { date: r.birthDate, month }));
                }
              },
            }),
          ]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="expertise" label={t('person.expertise')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function EducationSection({ name, title }: { name: 'educationFulltime' | 'educationInservice'; title: string }) {
  const t = useT();
  return (
    <Row gutter={16}>
      <Col span={24}>
        <strong>{title}</strong>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={[name, 'qualification']} label={t('person.qualification')}>
          <Select allowClear options={QUALIFICATIONS.map((q) => ({ value: q, label: q }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={[name, 'degree']} label={t('person.degree')}>
          <Select allowClear options={DEGREES.map((d) => ({ value: d, label: d }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={[name, 'school']} label={t('person.school')}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={[name, 'major']} label={t('person.major')}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function CreationSection({ canManage }: { canManage: (unitId: string) => boolean }) {
  const t = useT();
  return (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item name="unitId" label={t('person.unit')} rules={[{ required: true, message: t('common.required') }]}>
          <UnitSelect filter={(u) => u.canManage || canManage(u.id)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="postTitle" label={t('person.currentPost')}>
          <Input maxLength={60} placeholder={t('person.postHint')} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="postStartDate" label={t('person.postStartDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="rankCode" label={t('person.rank')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={RANKS.map((r) => ({ value: r.code, label: r.zh }))}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="rankStartDate" label={t('person.rankStartDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
