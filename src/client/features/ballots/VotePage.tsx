/**
 * The public voting page for code holders (no login), made for phones: enter or scan the code
 * (a slip's QR code opens this page with the code after '#', which never reaches the server's
 * logs), answer, review, submit, note the receipt. Says plainly what the system can and cannot hide.
 */
import { Alert, Button, Flex, Input, Result, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { BALLOT_KIND_LABELS, normalizeCode, type BallotForm } from '../../../common/contracts/ballots.js';
import { useSession } from '../../api/auth.js';
import { Loading } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { instant } from '../../lib/format.js';
import { AnonymityNotice } from './AnonymityNotice.js';
import { castCodeBallot, errorText, fetchBallotForm, usePublicSession } from './api.js';
import { BallotFlow } from './BallotFlow.js';

/** A narrow column for phones, outside the signed-in frame. */
export function PhoneShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <div style={{ background: '#b71c1c', color: '#fff', padding: '12px 16px', fontSize: 17, fontWeight: 600 }}>
        {title}
      </div>
      <div style={{ maxWidth: 560, margin: '0 auto', padding: 12 }}>{children}</div>
    </div>
  );
}

let hashCode: string | null = null;

/** The code after '#' (from a slip's QR code), read once; then removed from the address bar and the history. */
function codeFromHash(): string {
  if (hashCode !== null) return hashCode;
  const h = globalThis.location?.hash.replace(/^#/, '') ?? '';
  hashCode = h ? normalizeCode(decodeURIComponent(h)) : '';
  if (h) globalThis.history?.replaceState(null, '', globalThis.location.pathname);
  return hashCode;
}

export default function VotePage() {
  const t = useT();
  const { id = '' } = useParams();
  const session = usePublicSession(id);
  const login = useSession();
  const [code, setCode] = useState(codeFromHash);
  const [form, setForm] = useState<BallotForm | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setForm(await fetchBallotForm(id, code));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const s = session.data;
  const title = s ? `${s.unitName} · ${BALLOT_KIND_LABELS[s.kind]}` : t('ballots.vote.shell');
  if (session.isPending) {
    return (
      <PhoneShell title={title}>
        <Loading />
      </PhoneShell>
    );
  }
  if (!s) {
    return (
      <PhoneShell title={title}>
        <Result status="404" title={t('ballots.vote.notFound')} subTitle={errorText(session.error)} />
      </PhoneShell>
    );
  }

  return (
    <PhoneShell title={title}>
      <Flex vertical gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {s.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('ballots.vote.window', { from: instant(s.opensAt), to: instant(s.closesAt) })}
        </Typography.Text>
        {login.data?.authenticated ? <Alert type="warning" showIcon title={t('ballots.vote.loggedIn')} /> : null}
        {s.status === 'closed' ? (
          <Result
            status="info"
            title={t('ballots.vote.closed')}
            extra={<Link to={`/vote/${id}/receipts`}>{t('ballots.vote.checkReceipt')}</Link>}
          />
        ) : !s.accepting ? (
          <Alert type="info" showIcon title={t('ballots.vote.notAccepting')} />
        ) : form ? (
          <BallotFlow
            sessionId={id}
            title={s.title}
            categoryLabel={form.categoryLabel}
            questionnaire={form.questionnaire}
            submit={async (a) => (await castCodeBallot(id, code, a)).receipt}
          />
        ) : (
          <Flex vertical gap={8}>
            <Typography.Text>{t('ballots.vote.enterCode')}</Typography.Text>
            <Input
              size="large"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              placeholder="XXXX-XXXX-XXXX"
              autoComplete="off"
              autoCapitalize="characters"
              style={{ fontFamily: 'monospace', fontSize: 20, letterSpacing: 2 }}
              aria-label={t('ballots.vote.code')}
              onPressEnter={() => void start()}
            />
            <Typography.Text type="secondary">{t('ballots.vote.scanHint')}</Typography.Text>
            {error ? <Alert type="error" showIcon title={error} /> : null}
            <Button
              type="primary"
              size="large"
              block
              loading={busy}
              disabled={normalizeCode(code).length < 12}
              onClick={() => void start()}
            >
              {t('ballots.vote.start')}
            </Button>
          </Flex>
        )}
        <AnonymityNotice key={form ? 'answering' : 'start'} minGroupSize={s.minGroupSize} defaultOpen={!form} />
        {s.settingsDigest ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
            {t('ballots.digest')}：{s.settingsDigest}
          </Typography.Text>
        ) : null}
      </Flex>
    </PhoneShell>
  );
}
