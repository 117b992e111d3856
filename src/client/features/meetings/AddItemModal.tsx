/** Put an approved item on the agenda: the server checks PG-05 and the statutory procedures, and warns on an ad-hoc personnel item (ZZ-03). */
import { Form, Modal, Select, Tag, Typography } from 'antd';
import { ITEM_KIND_LABELS } from '../../../common/contracts/decisions.js';
import { VOTE_METHOD_LABELS, VOTE_METHODS, type MeetingDetail } from '../../../common/contracts/meetings.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useT } from '../../i18n.js';
import { useItems } from '../decisions/api.js';
import { useAddItem } from './api.js';
import { useRun } from './useRun.js';

export function AddItemModal({ m, onClose }: { m: MeetingDetail; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ agendaItemId: string; voteMethod: string }>();
  const pool = useItems({ unitId: m.unitId, pool: '1', pageSize: 200 });
  const add = useAddItem(m.id);
  const { run, findings, clear } = useRun();
  const items = pool.data?.items ?? [];
  const chosen = Form.useWatch('agendaItemId', form);
  const kind = items.find((i) => i.id === chosen)?.kind;

  const submit = async () => {
    const v = await form.validateFields();
    const r = await run(() => add.mutateAsync(v), t('mtg.itemAdded'));
    if (r !== undefined && r.findings.length === 0) onClose();
  };

  return (
    <Modal
      open
      width={640}
      title={t('mtg.addItem')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={add.isPending}
      okText={t('mtg.addItem')}
    >
      <RuleFindings findings={findings} onClose={clear} />
      <Typography.Paragraph type="secondary">{t('mtg.addItemHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ voteMethod: 'hands' }}
        onValuesChange={(c: { agendaItemId?: string }) => {
          const it = items.find((i) => i.id === c.agendaItemId);
          if (it) {
            form.setFieldValue('voteMethod', it.kind === 'personnel' ? 'secret' : it.tzydCategory ? 'named' : 'hands');
          }
        }}
      >
        <Form.Item
          name="agendaItemId"
          label={t('mtg.agendaItem')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'title' }}
            loading={pool.isPending}
            options={items.map((i) => ({
              value: i.id,
              title: i.title,
              label: (
                <span>
                  {i.title} <Tag>{ITEM_KIND_LABELS[i.kind]}</Tag>
                  {i.ready ? null : <Tag color="red">{t('mtg.notReady')}</Tag>}
                  {i.deferredCount ? <Tag color="orange">{t('mtg.deferredTimes', { n: i.deferredCount })}</Tag> : null}
                </span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="voteMethod"
          label={t('mtg.voteMethod')}
          extra={kind === 'personnel' ? t('mtg.personnelMethodHint') : undefined}
        >
          <Select options={VOTE_METHODS.map((v) => ({ value: v, label: VOTE_METHOD_LABELS[v] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
