/** The findings of a rule check: rule id, kind (阻止/提醒), message, citation, verification. */
import { Alert, Space, Tag, Typography } from 'antd';
import type { Finding } from '../../common/rules/types.js';
import { useLang, useT } from '../i18n.js';
import { CitationTag, KindTag, VerificationTag } from './CitationTag.js';

export function RuleFindings({ findings, onClose }: { findings: readonly Finding[]; onClose?: () => void }) {
  const t = useT();
  const { lang } = useLang();
  if (findings.length === 0) return null;
  const blocked = findings.some((f) => f.kind === 'block');
  return (
    <Alert
      type={blocked ? 'error' : 'warning'}
      showIcon
      closable={onClose ? { onClose } : false}
      style={{ marginBottom: 16 }}
      title={blocked ? t('findings.blocked') : t('findings.warned')}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {findings.map((f, i) => (
            <li key={`${f.ruleId}-${i}`} style={{ marginBottom: 6 }}>
              <Space size={4} wrap>
                <Tag color="geekblue">{f.ruleId}</Tag>
                <KindTag kind={f.kind} />
                <Typography.Text>{lang === 'en' ? f.message_en : f.message_zh}</Typography.Text>
              </Space>
              <div style={{ marginTop: 4 }}>
                <CitationTag citation={f.citation} />
                <VerificationTag label={f.label} />
              </div>
            </li>
          ))}
        </ul>
      }
    />
  );
}
