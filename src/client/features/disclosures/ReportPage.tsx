/**
 * One report: a draft is edited item by item (prefilled) and signed on submission; a submitted
 * report is shown frozen, with its amendments (each dated), findings, the .docx export, and who
 * read it. Corrections are typed in the same form and filed as an amendment.
 */
import { DownloadOutlined, EditOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Modal,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import {
  DECLARATION_TEXT,
  ITEM_LABELS,
  type ItemKey,
  type ReportDetail,
} from '../../../common/contracts/disclosures.js';
import { usePerson } from '../../api/people.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { instant } from '../../lib/format.js';
import { useT } from '../../i18n.js';
import { docxUrl, useDiscAction, useReport, useReportReads } from './api.js';
import { DeadlineTag, DisclosuresNav, KindTag } from './common.js';
import { ItemsFields, type Relative } from './ItemsForm.js';
import { ItemsView } from './ItemsView.js';
import { FAMILY_SPECS, ITEM_SPECS, fromFormItems, toFormItems } from './itemSpecs.js';
import { useRun } from './useRun.js';

type Values = { items: Record<string, unknown>; notes?: string | null; reason?: string };

function Editor({ r, mode, onDone }: { r: ReportDetail; mode: 'draft' | 'amend'; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const person = usePerson(r.personId);
  const relatives: Relative[] = person.data?.access === 'full' ? person.data.family : r.relatives;
  const specs = r.kind === 'change' ? FAMILY_SPECS.filter((s) => r.items[s.key] !== undefined) : ITEM_SPECS;
  const keys = specs.map((s) => s.key);
  const save = useDiscAction('PUT');
  const post = useDiscAction('POST');
  const { run, findings, clear } = useRun(form);
  const [signing, setSigning] = useState(false);
  const [sign, setSign] = useState({ declaration: false, signature: '' });
  const initial = useMemo(() => ({ items: toFormItems(r.items), notes: r.notes }), [r]);
  const body = (v: Values) => ({ items: fromFormItems(v.items, keys), notes: v.notes ?? null });
  const saveDraft = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) {
      await run(() => save.mutateAsync({ path: `/api/disclosures/reports/${r.id}`, body: body(v) }), t('common.saved'));
    }
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const saved = await run(() => save.mutateAsync({ path: `/api/disclosures/reports/${r.id}`, body: body(v) }));
    if (saved === undefined) return;
    const ok = await run(
      () =>
        post.mutateAsync({
          path: `/api/disclosures/reports/${r.id}/submit`,
          body: { declaration: sign.declaration, signature: sign.signature },
        }),
      t('disc.submittedOk'),
    );
    if (ok !== undefined) {
      setSigning(false);
      onDone();
    }
  };
  const amend = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const ok = await run(
      () =>
        post.mutateAsync({
          path: `/api/disclosures/reports/${r.id}/amendments`,
          body: { ...body(v), reason: v.reason },
        }),
      t('disc.amendedOk'),
    );
    if (ok !== undefined) onDone();
  };
  return (
    <Form form={form} layout="vertical" initialValues={initial} size="small">
      <RuleFindings findings={findings} onClose={clear} />
      {mode === 'amend' ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form.Item
            name="reason"
            label={t('disc.amendReason')}
            rules={[{ required: true, message: t('disc.amendReasonRequired') }]}
          >
            <Input placeholder={t('disc.amendReasonHint')} />
          </Form.Item>
        </Card>
      ) : (
        <Alert style={{ marginBottom: 12 }} type="info" showIcon title={t('disc.prefillHint')} />
      )}
      <ItemsFields specs={specs} relatives={relatives} />
      <Form.Item name="notes" label={t('disc.notes')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space>
        {mode === 'draft' ? (
          <>
            <Button icon={<SaveOutlined />} loading={save.isPending} onClick={() => void saveDraft()}>
              {t('disc.saveDraft')}
            </Button>
            <Button type="primary" onClick={() => setSigning(true)}>
              {t('disc.signSubmit')}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={onDone}>{t('common.cancel')}</Button>
            <Button type="primary" loading={post.isPending} onClick={() => void amend()}>
              {t('disc.fileAmendment')}
            </Button>
          </>
        )}
      </Space>
      <Modal
        open={signing}
        title={t('disc.signSubmit')}
        onCancel={() => setSigning(false)}
        onOk={() => void submit()}
        okText={t('disc.submit')}
        confirmLoading={post.isPending || save.isPending}
        okButtonProps={{ disabled: !sign.declaration || !sign.signature.trim() }}
      >
        <Typography.Paragraph>{DECLARATION_TEXT}</Typography.Paragraph>
        <Checkbox checked={sign.declaration} onChange={(e) => setSign({ ...sign, declaration: e.target.checked })}>
          {t('disc.declare')}
        </Checkbox>
        <Input
          style={{ marginTop: 12 }}
          placeholder={t('disc.signatureHint', { name: r.personName })}
          value={sign.signature}
          onChange={(e) => setSign({ ...sign, signature: e.target.value })}
          aria-label={t('disc.signature')}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('disc.freezeHint')}
        </Typography.Paragraph>
      </Modal>
    </Form>
  );
}

function Reads({ id }: { id: string }) {
  const t = useT();
  const reads = useReportReads(id);
  return (
    <Card size="small" title={t('disc.whoRead')} style={{ marginTop: 12 }}>
      <Table
        size="small"
        bordered
        rowKey={(r) => `${r.at}-${r.actorName}-${r.purpose}`}
        loading={reads.isPending}
        dataSource={reads.data?.items ?? []}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: t('disc.readAt'), key: 'at', width: 150, render: (_, x) => instant(x.at) },
          {
            title: t('disc.reader'),
            key: 'who',
            render: (_, x) => (x.self ? <Tag>{t('disc.self')}</Tag> : x.actorName),
          },
          { title: t('disc.purpose'), dataIndex: 'purpose', width: 120 },
        ]}
      />
    </Card>
  );
}

export default function ReportPage() {
  const t = useT();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const [version, setVersion] = useState<number | undefined>(search.get('v') ? Number(search.get('v')) : undefined);
  const report = useReport(id, version);
  const [amending, setAmending] = useState(false);
  const r = report.data;
  return (
    <>
      <PageHeader
        title={r ? t('disc.reportTitle', { name: r.personName, year: r.year }) : t('disc.title')}
        crumbs={[{ title: t('disc.title'), to: '/disclosures' }, { title: r ? String(r.year) : '…' }]}
        sub={
          r ? (
            <Space size={4}>
              <KindTag kind={r.kind} />
              {r.eventDate ? t('disc.eventOn', { date: r.eventDate }) : null}
              <DeadlineTag d={r.deadline} />
            </Space>
          ) : undefined
        }
        extra={
          r ? (
            <>
              <Button icon={<DownloadOutlined />} href={docxUrl(r.id)}>
                {t('disc.exportDocx')}
              </Button>
              {r.canAmend && !amending ? (
                <Button
                  icon={<EditOutlined />}
                  onClick={() => {
                    setVersion(undefined);
                    setAmending(true);
                  }}
                >
                  {t('disc.amend')}
                </Button>
              ) : null}
            </>
          ) : undefined
        }
      />
      <DisclosuresNav />
      <QueryState query={report}>
        {(d) => {
          const names = new Map(d.relatives.map((x) => [x.id, `${x.relationLabel} ${x.name}`]));
          const specs = d.kind === 'change' ? FAMILY_SPECS.filter((s) => d.items[s.key] !== undefined) : ITEM_SPECS;
          if (d.canEdit) return <Editor r={d} mode="draft" onDone={() => undefined} />;
          if (amending) return <Editor r={d} mode="amend" onDone={() => setAmending(false)} />;
          return (
            <>
              <RuleFindings findings={d.findings} />
              <Card size="small" style={{ marginBottom: 12 }}>
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 3 }}
                  items={[
                    { key: 'at', label: t('disc.submittedAt'), children: instant(d.submittedAt) },
                    { key: 'sig', label: t('disc.signature'), children: d.signature ?? '—' },
                    {
                      key: 'hash',
                      label: t('disc.contentHash'),
                      children: (
                        <Typography.Text code copyable style={{ fontSize: 11 }}>
                          {d.payloadHash ?? '—'}
                        </Typography.Text>
                      ),
                    },
                  ]}
                />
                {d.amendments.length ? (
                  <Space style={{ marginTop: 8 }} wrap>
                    <Typography.Text>{t('disc.version')}</Typography.Text>
                    <Segmented
                      size="small"
                      value={d.version}
                      onChange={(v) => setVersion(Number(v))}
                      options={[
                        { value: 0, label: t('disc.original') },
                        ...d.amendments.map((a) => ({
                          value: a.seq,
                          label: t('disc.amendmentN', { n: a.seq, date: a.amendedOn }),
                        })),
                      ]}
                    />
                  </Space>
                ) : null}
                {d.amendments.length ? (
                  <Table
                    style={{ marginTop: 8 }}
                    size="small"
                    bordered
                    rowKey="id"
                    pagination={false}
                    dataSource={d.amendments}
                    columns={[
                      { title: '#', dataIndex: 'seq', width: 40 },
                      { title: t('disc.amendedOn'), dataIndex: 'amendedOn', width: 110 },
                      { title: t('disc.amendReason'), dataIndex: 'reason' },
                      {
                        title: t('disc.changedItems'),
                        key: 'c',
                        render: (_, a) => a.changedItems.map((k: ItemKey) => ITEM_LABELS[k].split(' ')[0]).join('、'),
                      },
                      { title: t('disc.by'), dataIndex: 'by', width: 100 },
                    ]}
                  />
                ) : null}
              </Card>
              <ItemsView specs={specs} items={d.items} who={(x) => names.get(x) ?? x} />
              {d.notes ? (
                <Card size="small" title={t('disc.notes')}>
                  {d.notes}
                </Card>
              ) : null}
              <Reads id={d.id} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
