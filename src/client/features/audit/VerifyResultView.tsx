/** The result of verifying the audit log: the chain, the checkpoints outside the database, declared restores. */
import { Alert, Space, Typography } from 'antd';
import type { VerifyResult } from '../../../common/contracts/audit.js';
import { instant } from '../../lib/format.js';
import { useT } from '../../i18n.js';

function CheckpointLine({ v }: { v: VerifyResult }) {
  const t = useT();
  const cp = v.checkpoint;
  if (cp.status === 'ok') {
    return <>{t('audit.cp.ok', { seq: cp.lastSeq ?? 0, at: instant(cp.lastAt ?? ''), lines: cp.lines })}</>;
  }
  if (cp.status === 'unanchored') {
    return <>{t('audit.cp.unanchored', { from: cp.unanchored?.fromSeq ?? '?', to: cp.unanchored?.toSeq ?? '?' })}</>;
  }
  return <>{t(`audit.cp.${cp.status}`)}</>;
}

export function VerifyResultView({ v }: { v: VerifyResult }) {
  const t = useT();
  const cp = v.checkpoint;
  const lines = [
    ...(v.keyedFromSeq !== null && v.legacyThroughSeq > 0
      ? [t('audit.legacy', { n: v.legacyThroughSeq, keyed: v.keyedFromSeq })]
      : []),
    ...v.declaredGaps.map((g) =>
      t('audit.gap', {
        seq: g.restoredHeadSeq,
        from: g.restoredHeadSeq + 1,
        to: g.lostThroughSeq,
        at: instant(g.declaredAt),
        note: g.note,
      }),
    ),
    ...cp.problems,
    ...v.warnings,
  ];
  return (
    <Alert
      type={!v.ok ? 'error' : cp.status === 'ok' && !v.warnings.length ? 'success' : 'warning'}
      showIcon
      data-testid="verify-result"
      style={{ marginBottom: 12 }}
      title={
        v.ok
          ? t('audit.intact', { n: v.checked, head: v.headSeq })
          : v.broken
            ? t('audit.broken', { seq: v.broken.seq })
            : t('audit.notVerified')
      }
      description={
        <Space orientation="vertical" size={2}>
          {v.broken ? <Typography.Text strong>{v.broken.reason}</Typography.Text> : null}
          <span data-testid="verify-checkpoint">
            <CheckpointLine v={v} />
          </span>
          {lines.map((l, i) => (
            <span key={i}>{l}</span>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('audit.cp.files', { files: cp.files.join('，') })}
          </Typography.Text>
        </Space>
      }
    />
  );
}
