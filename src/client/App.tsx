/** Providers: react-query, antd (locale follows the language), router; auth handlers for apiFetch. */
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { Suspense, useEffect } from 'react';
import { BrowserRouter } from 'react-router';
import { isApiError, setAuthHandlers } from './api/client.js';
import { SESSION_KEY } from './api/auth.js';
import type { SessionState } from '../common/contracts/accounts.js';
import { DownloadGuard } from './components/DownloadGuard.js';
import { Loading } from './components/QueryState.js';
import { LangProvider, useLang } from './i18n.js';
import { AppRoutes } from './routes.js';

// antd/es is typed as CommonJS under NodeNext; at run time Vite hands over the ES default export.
const unwrap = (m: unknown): Locale => ((m as { default?: Locale }).default ?? m) as Locale;
const zhCN = unwrap(zhCNModule);
const enUS = unwrap(enUSModule);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (count, err) => !(isApiError(err) && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

function AuthHandlers() {
  const qc = useQueryClient();
  useEffect(() => {
    setAuthHandlers({
      unauthenticated: () => {
        const prev = qc.getQueryData<SessionState>(SESSION_KEY);
        qc.setQueryData<SessionState>(SESSION_KEY, {
          authenticated: false,
          csrfToken: prev?.csrfToken ?? '',
          me: null,
        });
      },
      mustChangePassword: () => void qc.invalidateQueries({ queryKey: SESSION_KEY }),
    });
  }, [qc]);
  return null;
}

function Themed() {
  const { lang } = useLang();
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      componentSize="middle"
      theme={{ token: { borderRadius: 4, fontSize: 14 }, components: { Table: { cellPaddingBlockSM: 6 } } }}
    >
      <AntApp>
        <BrowserRouter>
          <AuthHandlers />
          <DownloadGuard />
          <Suspense fallback={<Loading />}>
            <AppRoutes />
          </Suspense>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LangProvider>
        <Themed />
      </LangProvider>
    </QueryClientProvider>
  );
}
