/**
 * Propose an agenda item (linked to a catalogue entry, PG-02; an amount at the unit's threshold
 * makes it 三重一大, TZ-02), or register a decision taken outside any meeting (flagged, DC-03).
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { AMEND_KIND_LABELS, TZYD_LABELS, type AmendKind } from '../../../common/contracts/decisions.js';
import type { Finding } from '../../../common/rules/types.js';
import { useServerErrors } from '../../components/formErrors.js';
import { PersonPicker } from '../../components/PersonPicker.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useT } from '../../i18n.js';
import { toDate } from '../../lib/format.js';
import { idFindings, useCatalogue } from './api.js';
import { apiFetch } from '../../api/client.js';

export function ItemFormModal({
  unitId,
  outside,
  isOffice,
  amends,
  onClose,
}: {
  unitId: string;
  outside: boolean;
  isOffice: boolean;
  amends?: { id: string; title: string; kind: AmendKind; catalogueId: string };
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const { apply, onFieldsChange } = useServerErrors(form);
  const qc = useQueryClient();
  const [findings, setFindings] = useState<Finding[]>([]);
  const cat = useCatalogue(unitId);
  const entries = (cat.data?.items ?? []).filter((e) => e.active);
  const entryId = Form.useWatch('catalogueId', form) as string | undefined;
  const entry = entries.find((e) => e.id === entryId);

  const submit = async () => {
    const v = await form.validateFields();
    const fen = (yuan: unknown) => (typeof yuan === 'number' ? Math.round(yuan * 100) : null);
    const body = outside
      ? {
          unitId,
          title: v.title,
          summary: v.summary,
          catalogueId: v.catalogueId,
          amountFen: fen(v.amountYuan),
          decidedOn: toDate(v.decidedOn),
          decidedByPersonId: v.decidedByPersonId ?? null,
          decidedHow: v.decidedHow,
          decisionText: v.decisionText,
        }
      : {
          unitId,
          title: v.title,
          summary: v.summary,
          catalogueId: v.catalogueId,
          amountFen: fen(v.amountYuan),
          sponsorPersonId: v.sponsorPersonId ?? null,
          candidates: v.candidates ?? [],
          ...(amends ? { amendsItemId: amends.id, amendKind: amends.kind } : {}),
          ...(v.paperApprovedOn ? { paperApprovedOn: toDate(v.paperApprovedOn) } : {}),
        };
    try {
      const r = await apiFetch(outside ? '/api/decisions/outside' : '/api/decisions/items', {
        method: 'POST',
        body,
        schema: idFindings,
      });
      for (const k of ['items', 'decisions', 'dashboard']) await qc.invalidateQueries({ queryKey: [k] });
      if (r.findings.length) message.warning(r.findings.map((f) => f.message_zh).join('；'), 8);
      else message.success(t('common.saved'));
      onClose();
      void navigate(`/decisions/items/${r.id}`);
    } catch (e) {
      const shown = apply(e);
      if (shown.message) message.error(shown.message);
      setFindings(shown.findings);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={
        outside
          ? t('dec.registerOutside')
          : amends
            ? `${AMEND_KIND_LABELS[amends.kind]}：${amends.title}`
            : t('dec.propose')
      }
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      destroyOnHidden
    >
      <RuleFindings findings={findings} onClose={() => setFindings([])} />
      {outside ? <Typography.Paragraph type="warning">{t('dec.outsideHint')}</Typography.Paragraph> : null}
      <Form
        form={form}
        layout="vertical"
        onFieldsChange={onFieldsChange}
        initialValues={{
          catalogueId: amends?.catalogueId,
          title: amends ? `关于${AMEND_KIND_LABELS[amends.kind]}“${amends.title}”的议题` : undefined,
        }}
      >
        <Form.Item
          name="catalogueId"
          label={t('dec.catalogue')}
          rules={[{ required: true, message: t('common.required') }]}
          extra={t('dec.catalogueHint')}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={cat.isPending}
            options={entries.map((e) => ({
              value: e.id,
              label: `${e.name}${e.tzydCategory ? `（${TZYD_LABELS[e.tzydCategory]}）` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={outside ? t('dec.matter') : t('dec.title')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={t('dec.summary')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={t('dec.amount')}
          extra={
            cat.data
              ? t('dec.thresholdHint', {
                  yuan: (cat.data.thresholds.largeFundThresholdFen / 100).toLocaleString('zh-CN'),
                })
              : undefined
          }
        >
          <InputNumber min={0} style={{ width: 220 }} addonAfter="元" />
        </Form.Item>
        {outside ? (
          <>
            <Form.Item
              name="decidedOn"
              label={t('dec.decidedOn')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item name="decidedByPersonId" label={t('dec.decidedBy')}>
              <PersonPicker unitId={unitId} />
            </Form.Item>
            <Form.Item
              name="decidedHow"
              label={t('dec.decidedHow')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input placeholder={t('dec.decidedHowPh')} />
            </Form.Item>
            <Form.Item
              name="decisionText"
              label={t('dec.decisionText')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="sponsorPersonId" label={t('dec.sponsor')}>
              <PersonPicker unitId={unitId} />
            </Form.Item>
            {entry?.itemKind === 'personnel' && amends?.kind !== 'reconsider' ? (
              <Form.List name="candidates" initialValue={[{ name: '', currentPost: '', proposedPost: '' }]}>
                {(rows, { add, remove }) => (
                  <Form.Item label={t('dec.candidates')} extra={t('dec.candidatesHint')}>
                    {rows.map((r) => (
                      <Space key={r.key} align="baseline">
                        <Form.Item name={[r.name, 'name']} rules={[{ required: true, message: t('common.required') }]}>
                          <Input placeholder={t('dec.candidateName')} style={{ width: 120 }} />
                        </Form.Item>
                        <Form.Item name={[r.name, 'currentPost']}>
                          <Input placeholder={t('dec.currentPost')} style={{ width: 160 }} />
                        </Form.Item>
                        <Form.Item
                          name={[r.name, 'proposedPost']}
                          rules={[{ required: true, message: t('common.required') }]}
                        >
                          <Input placeholder={t('dec.proposedPost')} style={{ width: 180 }} />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(r.name)} />
                      </Space>
                    ))}
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => add({ name: '', currentPost: '', proposedPost: '' })}
                    >
                      {t('dec.addCandidate')}
                    </Button>
                  </Form.Item>
                )}
              </Form.List>
            ) : null}
            {isOffice ? (
              <Form.Item name="paperApprovedOn" label={t('dec.paperApprovedOn')} extra={t('dec.paperHint')}>
                <DatePicker />
              </Form.Item>
            ) : null}
          </>
        )}
      </Form>
    </Modal>
  );
}
