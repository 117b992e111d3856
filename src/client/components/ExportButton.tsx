/**
 * "导出 Excel" on a list page: downloads the server's export of the page with its current filters
 * (paging left out). A refused or failed download shows its message, never raw JSON.
 */
import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import type { Query } from '../api/client.js';
import { saveDownload } from '../api/download.js';
import { useT } from '../i18n.js';

export function ExportButton({ path, query, disabled }: { path: string; query: Query; disabled?: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const { page: _page, pageSize: _size, ...filters } = query;
  return (
    <Button
      icon={<FileExcelOutlined />}
      loading={busy}
      disabled={disabled}
      onClick={() => {
        setBusy(true);
        saveDownload(path, filters, 'export.xlsx')
          .catch((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)))
          .finally(() => setBusy(false));
      }}
    >
      {t('export.xlsx')}
    </Button>
  );
}
