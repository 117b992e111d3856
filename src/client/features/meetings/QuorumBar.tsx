/**
 * Attendance against the quorum rules: half or more to convene (PG-06), two thirds for personnel items
 * (PG-07), each with the parameter it enforces (the ratio, and whether the exact value counts).
 */
import { Space, Statistic, Tag, Tooltip } from 'antd';
import type { MeetingDetail } from '../../../common/contracts/meetings.js';
import { useT } from '../../i18n.js';

export function QuorumBar({ m }: { m: MeetingDetail }) {
  const t = useT();
  const q = m.quorum;
  const leave = m.attendance.filter((a) => a.role === 'member' && a.status === 'leave').length;
  // Before the meeting opens nobody is present yet: show the requirement, not a failure.
  const held = m.status === 'open' || m.status === 'closed';
  const color = (ok: boolean, miss: string) => (!held ? 'default' : ok ? 'green' : miss);
  const mark = (ok: boolean) => (!held ? '' : ok ? ' ✓' : ' ✗');
  const ratio = (r: { num: number; den: number; inclusive: boolean }) =>
    t(r.inclusive ? 'mtg.ratioInclusive' : 'mtg.ratioExclusive', { num: r.num, den: r.den });
  return (
    <Space
      size={32}
      wrap
      style={{
        marginBottom: 12,
        padding: '8px 12px',
        background: '#fafafa',
        border: '1px solid #f0f0f0',
        borderRadius: 6,
        width: '100%',
      }}
      data-testid="quorum"
    >
      <Statistic title={t('mtg.expected')} value={q.members} />
      <Statistic title={t('mtg.present')} value={q.present} />
      <Statistic title={t('mtg.onLeave')} value={leave} />
      <div>
        <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>{t('mtg.quorum')}</div>
        <Space size={4} wrap>
          <Tooltip title={t('mtg.pg06')}>
            <Tag color={color(q.ok, 'red')} data-testid="quorum-pg06">
              PG-06 {ratio(q.conveneRatio)} {t('mtg.atLeast', { n: q.required })}
              {mark(q.ok)}
            </Tag>
          </Tooltip>
          <Tooltip
            title={`${t('mtg.pg07')}${q.personnelRatio.disciplineItemsToo ? t('mtg.pg07Discipline') : t('mtg.pg07NoDiscipline')}`}
          >
            <Tag color={color(q.personnelOk, 'orange')} data-testid="quorum-pg07">
              PG-07 {ratio(q.personnelRatio)} {t('mtg.atLeast', { n: q.personnelRequired })}
              {mark(q.personnelOk)}
            </Tag>
          </Tooltip>
        </Space>
      </div>
    </Space>
  );
}
