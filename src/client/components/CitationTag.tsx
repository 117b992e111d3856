/** A rule's citation: 《document》(version) article, with its verification label. */
import { BookOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { Citation, VerificationLabel } from '../../common/rules/types.js';
import { useT, type MessageKey } from '../i18n.js';

export function citationText(c: Citation): string {
  const doc = c.doc.startsWith('《') ? c.doc : `《${c.doc}》`;
  return [doc, c.version ? `（${c.version}）` : '', c.article].join('');
}

export function CitationTag({ citation }: { citation: Citation }) {
  const text = citationText(citation);
  return (
    <Tooltip title={text}>
      <Tag icon={<BookOutlined />} variant="outlined" style={{ whiteSpace: 'normal', maxWidth: '100%' }}>
        {text}
      </Tag>
    </Tooltip>
  );
}

const LABEL_KEYS: Record<VerificationLabel, { key: MessageKey; color: string }> = {
  'VERIFIED-PRIMARY': { key: 'rule.label.primary', color: 'green' },
  'VERIFIED-SECONDARY': { key: 'rule.label.secondary', color: 'cyan' },
  UNVERIFIED: { key: 'rule.label.unverified', color: 'gold' },
};

export function VerificationTag({ label }: { label: VerificationLabel }) {
  const t = useT();
  const l = LABEL_KEYS[label];
  return <Tag color={l.color}>{t(l.key)}</Tag>;
}

const KIND_KEYS: Record<string, { key: MessageKey; color: string }> = {
  block: { key: 'rule.kind.block', color: 'red' },
  warn: { key: 'rule.kind.warn', color: 'orange' },
  info: { key: 'rule.kind.info', color: 'blue' },
};

export function KindTag({ kind }: { kind: string }) {
  const t = useT();
  const k = KIND_KEYS[kind] ?? KIND_KEYS.info;
  return k ? <Tag color={k.color}>{t(k.key)}</Tag> : null;
}
