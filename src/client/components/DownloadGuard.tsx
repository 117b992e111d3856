/** Catches clicks on file links under /api/ so a refused download shows a message, never raw JSON. */
import { App } from 'antd';
import { useEffect } from 'react';
import { apiLinkOf, downloadFile } from '../lib/download.js';

export function DownloadGuard() {
  const { message } = App.useApp();
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const a = apiLinkOf(e);
      if (!a) return;
      e.preventDefault();
      void downloadFile(a.href).then((err) => {
        if (err) void message.error(err);
      });
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [message]);
  return null;
}
