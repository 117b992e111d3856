/**
 * New cadre (POST /api/people) and edit (PUT /api/people/:id), with the 任免审批表 fields.
 * Server errors name a field ('idNumber', 'resume.2.text'); the message is shown on that field.
 */
import { Alert, App, Button, Card, Form, Input, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { PersonDetail } from '../../../common/contracts/people.js';
import type { Finding } from '../../../common/rules/types.js';
import { useCreatePerson, usePerson, useUpdatePerson } from '../../api/people.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useServerErrors } from '../../components/formErrors.js';
import { useT } from '../../i18n.js';
import { hasRole, useMe } from '../../session.js';
import { fromDetail, toCreateBody, toUpdateBody, type PersonFormValues } from './personForm.js';
import { BasicSection, CreationSection, EducationSection } from './PersonFormSections.js';
import { FamilyList, ResumeList } from './PersonFormLists.js';

function PersonForm({ person }: { person?: PersonDetail }) {
  const t = useT();
  const { me, unitId } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PersonFormValues>();
  const server = useServerErrors(form);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [error, setError] = useState<string | null>(null);
  const create = useCreatePerson();
  const update = useUpdatePerson(person?.id ?? '');
  const initial = useMemo<PersonFormValues>(
    () => (person ? fromDetail(person) : { unitId, resume: [], family: [] }),
    [person, unitId],
  );

  const onError = (e: unknown) => {
    const shown = server.apply(e);
    setFindings(shown.findings);
    setError(shown.message);
  };
  const submit = (v: PersonFormValues) => {
    setFindings([]);
    setError(null);
    if (person) {
      update.mutate(toUpdateBody(v), {
        onSuccess: () => {
          void message.success(t('common.saved'));
          void navigate(`/people/${person.id}`);
        },
        onError,
      });
    } else {
      create.mutate(toCreateBody(v), {
        onSuccess: (r) => {
          void message.success(t('common.saved'));
          void navigate(`/people/${r.id}`);
        },
        onError,
      });
    }
  };

  return (
    <Form
      form={form}
      onFieldsChange={server.onFieldsChange}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      scrollToFirstError={{ block: 'center' }}
      onFinishFailed={() => void message.error(t('form.checkFields'))}
    >
      <RuleFindings findings={findings} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {person ? null : (
        <Card size="small" title={t('person.section.creation')} style={{ marginBottom: 16 }}>
          <CreationSection canManage={(id) => hasRole(me, 'personnel', id)} />
        </Card>
      )}
      <Card size="small" title={t('person.section.basic')} style={{ marginBottom: 16 }}>
        <BasicSection maskedId={person?.idNumberMasked} />
      </Card>
      <Card size="small" title={t('person.section.education')} style={{ marginBottom: 16 }}>
        <EducationSection name="educationFulltime" title={t('person.eduFulltime')} />
        <EducationSection name="educationInservice" title={t('person.eduInservice')} />
      </Card>
      <Card size="small" title={t('person.rewards')} style={{ marginBottom: 16 }}>
        <Form.Item name="rewardsPunishments" style={{ marginBottom: 0 }}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Card>
      <Card size="small" title={t('person.section.resume')} style={{ marginBottom: 16 }}>
        <ResumeList />
      </Card>
      <Card size="small" title={t('person.section.family')} style={{ marginBottom: 16 }}>
        <FamilyList />
      </Card>
      <Space>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
          {t('common.save')}
        </Button>
        <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

export default function PersonFormPage() {
  const t = useT();
  const { id } = useParams();
  const person = usePerson(id);
  const title = id ? t('person.editTitle') : t('people.new');
  const crumbs = [
    { title: t('nav.people'), to: '/people' },
    ...(id && person.data ? [{ title: person.data.name, to: `/people/${id}` }] : []),
    { title },
  ];
  return (
    <>
      <PageHeader title={id && person.data ? `${title}：${person.data.name}` : title} crumbs={crumbs} />
      {id ? (
        <QueryState query={person}>
          {(p) =>
            p.access === 'full' && p.canEdit ? (
              <PersonForm person={p} />
            ) : (
              <Alert type="warning" showIcon title={t('person.noEdit')} />
            )
          }
        </QueryState>
      ) : (
        <PersonForm />
      )}
    </>
  );
}
