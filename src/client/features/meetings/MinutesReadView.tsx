/** The minutes as text to read (the secretary, members, a locked version): no form, no disabled inputs. */
import { Card, Descriptions, Space, Typography } from 'antd';
import type { MeetingDetail, MinutesContent } from '../../../common/contracts/meetings.js';
import { useT } from '../../i18n.js';
import { WRAP_TITLE } from './wrapTitle.js';
import { voteLine } from './minutesDraft.js';

const para = { whiteSpace: 'pre-wrap', marginBottom: 0 } as const;

export function MinutesReadView({ m, content }: { m: MeetingDetail; content: MinutesContent }) {
  const t = useT();
  const settled = m.items.filter((i) => i.state === 'closed' || i.state === 'deferred');
  const text = (v: string) =>
    v.trim() ? (
      <Typography.Paragraph style={para}>{v}</Typography.Paragraph>
    ) : (
      <Typography.Text type="secondary">{t('min.empty')}</Typography.Text>
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="minutes-read">
      <Card size="small" title={t('min.general')}>
        {text(content.general)}
      </Card>
      {settled.map((it) => {
        const c = content.items.find((x) => x.meetingItemId === it.id);
        return (
          <Card key={it.id} size="small" styles={WRAP_TITLE} title={`${it.seq}. ${it.title}`}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'vote', label: t('min.voteResult'), children: voteLine(it) },
                { key: 'decision', label: t('min.decision'), children: text(c?.decision ?? '') },
                {
                  key: 'speech',
                  label: t('min.speech'),
                  children: c?.discussion.length ? (
                    <Space orientation="vertical" size={2}>
                      {c.discussion.map((d, i) => (
                        <Typography.Text key={i}>
                          <b>{d.name}：</b>
                          {d.text}
                        </Typography.Text>
                      ))}
                    </Space>
                  ) : (
                    text('')
                  ),
                },
                { key: 'dissent', label: t('min.dissent'), children: text(c?.dissent ?? '') },
                { key: 'head', label: t('min.headReason'), children: text(c?.headReason ?? '') },
              ]}
            />
          </Card>
        );
      })}
    </Space>
  );
}
