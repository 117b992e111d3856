/**
 * The light public voting pages (issue 16 §3): plain TypeScript, no React, no antd. The server
 * sends this page for /vote/<session id> (vote with a slip code) and /vote/<session id>/receipts
 * (check a receipt), the addresses the slips' QR codes point to.
 */
import { h } from './dom.js';
import { receiptsPage } from './receipts.js';
import { frame } from './shell.js';
import { t } from './text.js';
import { votePage } from './vote.js';

const m = /^\/vote\/([^/]+)(\/receipts)?\/?$/.exec(location.pathname);
const id = m?.[1] ? decodeURIComponent(m[1]) : '';
if (!id) frame(t('ballots.vote.shell'), h('p', null, t('ballots.vote.notFound')));
else if (m?.[2]) void receiptsPage(id);
else void votePage(id);

// Another slip scanned in the same tab changes only the part after '#': start again with its code.
window.addEventListener('hashchange', () => location.reload());
