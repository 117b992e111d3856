/**
 * 抽查验证: a reviewer who cannot run the CLI chooses the downloaded draw file and the browser
 * recomputes the draw with the same pure function as the server and `banzi disclosures verify-draw`
 * (src/common/draw.ts). Nothing is uploaded.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { verifyDrawFile, type VerifyResult } from '../../../common/draw.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n.js';

interface Person {
  id: string;
  name: string;
  unitName: string;
}
interface Checked {
  fileName: string;
  file: Record<string, unknown> | null;
  result: VerifyResult;
}

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '—');

function peopleOf(file: Record<string, unknown> | null): Map<string, Person> {
  const list = Array.isArray(file?.eligible) ? (file.eligible as Person[]) : [];
  return new Map(list.filter((p) => p && typeof p.id === 'string').map((p) => [p.id, p]));
}

export default function VerifyDrawPage() {
  const t = useT();
  const [checked, setChecked] = useState<Checked | null>(null);

  const check = async (f: File) => {
    const raw = await f.text();
    try {
      const json: unknown = JSON.parse(raw);
      const file = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : null;
      setChecked({ fileName: f.name, file, result: verifyDrawFile(json) });
    } catch (e) {
      const problem = t('dverify.notJson', { error: e instanceof Error ? e.message : String(e) });
      setChecked({ fileName: f.name, file: null, result: { ok: false, problems: [problem], selected: [] } });
    }
  };

  const people = peopleOf(checked?.file ?? null);
  const file = checked?.file;
  return (
    <>
      <PageHeader title={t('dverify.title')} sub={t('dverify.sub')} />
      <Upload.Dragger
        accept=".json,application/json"
        multiple={false}
        showUploadList={false}
        beforeUpload={(f) => {
          void check(f);
          return false;
        }}
        style={{ marginBottom: 16 }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('dverify.choose')}</p>
      </Upload.Dragger>
      {checked ? (
        <div data-testid="draw-verify-result">
          {checked.result.ok ? (
            <Alert type="success" showIcon title={t('dverify.ok')} style={{ marginBottom: 12 }} />
          ) : (
            <Alert
              type="error"
              showIcon
              title={t('dverify.failed')}
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {checked.result.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 12 }}
            />
          )}
          <Descriptions
            size="small"
            bordered
            column={1}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'f', label: t('dverify.file'), children: checked.fileName },
              { key: 'u', label: t('disc.unit'), children: text(file?.unitName) },
              { key: 'y', label: t('disc.year'), children: text(file?.year) },
              { key: 'n', label: t('dverify.population'), children: people.size },
              { key: 'r', label: t('dverify.ratio'), children: text(file?.ratio) },
              {
                key: 'c',
                label: t('dverify.commitment'),
                children: <Typography.Text code>{text(file?.commitment)}</Typography.Text>,
              },
              { key: 'p', label: t('disc.publicValue'), children: text(file?.publicValue) },
              { key: 's', label: t('disc.seed'), children: <Typography.Text code>{text(file?.seed)}</Typography.Text> },
            ]}
          />
          {checked.result.selected.length ? (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              title={() => t('dverify.recomputed', { n: checked.result.selected.length })}
              scroll={{ x: 'max-content' }}
              dataSource={checked.result.selected.map((id, i) => ({
                id,
                rank: i + 1,
                name: people.get(id)?.name ?? id,
                unitName: people.get(id)?.unitName ?? '—',
              }))}
              columns={[
                { title: t('disc.rankNo'), dataIndex: 'rank', width: 64 },
                { title: t('person.name'), dataIndex: 'name' },
                { title: t('disc.unit'), dataIndex: 'unitName' },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </>
  );
}
