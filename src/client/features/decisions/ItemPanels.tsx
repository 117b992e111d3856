/** Side panels of an item: pre-consultation notes per member (个别酝酿, PG-01) and files with their SM3 digest. */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, List, Modal, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ItemDetail } from '../../../common/contracts/decisions.js';
import { downloadUrl } from '../../api/client.js';
import { useTeam } from '../../api/orgs.js';
import { useT } from '../../i18n.js';
import { toDate, todayBeijing } from '../../lib/format.js';
import { useMe } from '../../session.js';
import { useRun } from '../meetings/useRun.js';
import { useDecisionWrite } from './api.js';

export function ConsultationsPanel({ it }: { it: ItemDetail }) {
  const t = useT();
  const { me } = useMe();
  const team = useTeam(it.unitId, false);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const { run } = useRun();
  const write = useDecisionWrite<Record<string, unknown>>(() => `/api/decisions/items/${it.id}/consultations`);
  const members = (team.data?.members ?? []).filter((m) => m.isPartyGroupMember);
  const submit = async () => {
    const v = await form.validateFields();
    const r = await run(() => write.mutateAsync({ ...v, consultedOn: toDate(v.consultedOn) }), t('common.saved'));
    if (r !== undefined) setOpen(false);
  };
  return (
    <Card
      size="small"
      title={t('dec.consultations')}
      style={{ marginBottom: 12 }}
      extra={
        it.abilities.consult ? (
          <Button
            size="small"
            onClick={() => {
              form.setFieldsValue({ personId: me.personId ?? undefined, consultedOn: todayBeijing() });
              setOpen(true);
            }}
          >
            {t('dec.addConsultation')}
          </Button>
        ) : null
      }
    >
      <List
        size="small"
        dataSource={it.consultations}
        locale={{ emptyText: t('dec.noConsultations') }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta title={`${c.personName} · ${c.consultedOn}`} description={c.note} />
          </List.Item>
        )}
      />
      <Modal
        open={open}
        title={t('dec.addConsultation')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        confirmLoading={write.isPending}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="personId"
            label={t('dec.consultedMember')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select options={members.map((m) => ({ value: m.personId, label: m.personName }))} />
          </Form.Item>
          <Form.Item
            name="consultedOn"
            label={t('dec.consultedOn')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('dec.consultNote')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(typeof r.result === 'string' ? (r.result.split(',')[1] ?? '') : '');
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

export function FilesPanel({ it }: { it: ItemDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const { run } = useRun();
  const write = useDecisionWrite<Record<string, unknown>>(() => `/api/decisions/items/${it.id}/files`);
  const canUpload = it.abilities.consult || it.abilities.procedures;
  return (
    <Card
      size="small"
      title={t('dec.files')}
      style={{ marginBottom: 12 }}
      extra={
        canUpload ? (
          <Upload
            showUploadList={false}
            beforeUpload={async (file) => {
              if (file.size > 3 * 1024 * 1024) {
                message.error(t('dec.fileTooLarge'));
                return false;
              }
              await run(
                async () =>
                  write.mutateAsync({
                    name: file.name,
                    mime: file.type || 'application/octet-stream',
                    contentBase64: await readBase64(file),
                  }),
                t('dec.uploaded'),
              );
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />}>
              {t('dec.upload')}
            </Button>
          </Upload>
        ) : null
      }
    >
      <List
        size="small"
        dataSource={[...it.files, ...it.procedures.flatMap((p) => p.files)]}
        locale={{ emptyText: t('dec.noFiles') }}
        renderItem={(f) => (
          <List.Item>
            <a href={downloadUrl(`/api/decisions/files/${f.id}`)}>{f.name}</a>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {Math.ceil(f.size / 1024)} KB · SM3 {f.sm3.slice(0, 12)}…
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
