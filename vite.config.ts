/**
 * Vite build of the UI, root src/client, output dist/client, with a manifest (.vite/manifest.json,
 * read by the page-weight test and the ballot benchmark). Two entries: the console (index.html,
 * React + antd; vendor chunks react, zod and echarts split, antd left to follow the lazily loaded
 * routes that use each component) and the light public voting pages (vote/index.html, plain
 * TypeScript), which the server and the dev server send for /vote/<id> and /vote/<id>/receipts.
 * The dev server proxies /api to the Fastify server on 8080.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repo = fileURLToPath(new URL('.', import.meta.url));
/** Where /api goes in `vite` dev and `vite preview` (BANZI_API_URL overrides). */
const api = process.env.BANZI_API_URL ?? 'http://127.0.0.1:8080';

/** The voting page's addresses (the slips' QR codes point to them; session ids have no dot, the entry's own files do). */
const VOTE_PATH = /^\/vote\/[^/?#.]+(\/receipts)?\/?(\?.*)?$/;

/** In `vite` dev, send the voting entry for the voting addresses (the server does so from the build). */
function voteEntry(): Plugin {
  return {
    name: 'banzi-vote-entry',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.method === 'GET' && req.url && VOTE_PATH.test(req.url)) req.url = '/vote/index.html';
        next();
      });
    },
  };
}

export default defineConfig({
  root: resolve(repo, 'src/client'),
  publicDir: false,
  plugins: [react(), voteEntry()],
  build: {
    outDir: resolve(repo, 'dist/client'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: { main: resolve(repo, 'src/client/index.html'), vote: resolve(repo, 'src/client/vote/index.html') },
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
