/**
 * Vite build of the single-page UI: root src/client, output dist/client, vendor chunks split
 * (react, antd, echarts), dev server proxying /api to the Fastify server on 8080.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repo = fileURLToPath(new URL('.', import.meta.url));
/** Where /api goes in `vite` dev and `vite preview` (BANZI_API_URL overrides). */
const api = process.env.BANZI_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: resolve(repo, 'src/client'),
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: resolve(repo, 'dist/client'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/,
              priority: 30,
            },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 25 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 20 },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|dayjs|@babel[\\/]runtime|classnames|clsx)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
});
