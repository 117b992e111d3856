/**
 * Import units, teams and people from the template (issue 16 §1): choose the file, preview (dry
 * run) with every error by sheet, row and column, then confirm. Nothing is written while any row
 * is in error.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportErrorRow, ImportResultBody } from '../../../common/contracts/orgs.js';
import { downloadUrl } from '../../api/client.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n.js';
import { fileBase64, useImport } from './api.js';

const MAX_BYTES = 12 * 1024 * 1024;

export default function ImportPage() {
  const t = useT();
  const run = useImport();
  const [file, setFile] = useState<{ name: string; data: string } | null>(null);
  const [result, setResult] = useState<ImportResultBody | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (dryRun: boolean, f = file) => {
    if (!f) return;
    setError(null);
    try {
      setResult(await run.mutateAsync({ file: f.data, fileName: f.name, dryRun }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <PageHeader
        title={t('imp.title')}
        crumbs={[{ title: t('nav.orgs'), to: '/orgs' }, { title: t('imp.title') }]}
        extra={
          <a href={downloadUrl('/api/orgs/import/template.xlsx')}>
            <Button icon={<DownloadOutlined />}>{t('imp.template')}</Button>
          </a>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('imp.intro')}</Typography.Text>
          <Typography.Text type="secondary">{t('imp.scope')}</Typography.Text>
          <Space wrap>
            <Upload
              accept=".xlsx"
              maxCount={1}
              showUploadList={false}
              beforeUpload={async (f) => {
                if (f.size > MAX_BYTES) {
                  setError(t('imp.tooLarge'));
                  return false;
                }
                const next = { name: f.name, data: await fileBase64(f) };
                setFile(next);
                setResult(null);
                await send(true, next);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('imp.choose')}</Button>
            </Upload>
            <Button disabled={!file} loading={run.isPending} onClick={() => void send(true)}>
              {t('imp.preview')}
            </Button>
            <Button
              type="primary"
              disabled={!result || result.applied || result.errors.length > 0 || result.changes.length === 0}
              loading={run.isPending}
              onClick={() => void send(false)}
            >
              {t('imp.confirm')}
            </Button>
          </Space>
          {file && result ? (
            <Typography.Text type="secondary">
              {t('imp.file', { name: file.name, u: result.rows.units, p: result.rows.people, t: result.rows.team })}
            </Typography.Text>
          ) : null}
        </Space>
      </Card>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {result ? <ResultView result={result} /> : null}
    </>
  );
}

function ResultView({ result }: { result: ImportResultBody }) {
  const t = useT();
  const n = result.counts;
  const counts = {
    uc: n.unitsCreated,
    uu: n.unitsUpdated,
    pc: n.peopleCreated,
    pu: n.peopleUpdated,
    mc: n.membershipsCreated,
    mu: n.membershipsUpdated,
  };
  if (result.errors.length) {
    return (
      <Card size="small">
        <Alert
          type="error"
          showIcon
          title={t('imp.errors', { n: result.errors.length })}
          style={{ marginBottom: 12 }}
        />
        <Table<ImportErrorRow>
          size="small"
          rowKey={(e) => `${e.sheet}-${e.row}-${e.column}-${e.reason}`}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          dataSource={result.errors}
          columns={[
            { title: t('imp.col.sheet'), dataIndex: 'sheet', width: 110 },
            { title: t('imp.col.row'), dataIndex: 'row', width: 70 },
            { title: t('imp.col.column'), dataIndex: 'column', width: 150 },
            { title: t('imp.col.reason'), dataIndex: 'reason' },
          ]}
        />
      </Card>
    );
  }
  if (!result.changes.length) return <Alert type="info" showIcon title={t('imp.noChanges')} />;
  return (
    <Card size="small">
      <Alert
        type={result.applied ? 'success' : 'info'}
        showIcon
        title={t(result.applied ? 'imp.applied' : 'imp.willChange', counts)}
        description={result.applied && result.counts.peopleCreated ? t('imp.accounts') : undefined}
        style={{ marginBottom: 12 }}
      />
      <Table
        size="small"
        rowKey={(c) => `${c.sheet}-${c.row}-${c.text}`}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        dataSource={result.changes}
        columns={[
          { title: t('imp.col.sheet'), dataIndex: 'sheet', width: 110 },
          { title: t('imp.col.row'), dataIndex: 'row', width: 70 },
          { title: t('imp.col.change'), dataIndex: 'text' },
        ]}
      />
    </Card>
  );
}
