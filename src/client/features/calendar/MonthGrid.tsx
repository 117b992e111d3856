/** One month: holidays (休) in red, make-up workdays (班) in blue, weekends grey. */
import { Tooltip } from 'antd';
import { isWeekend } from '../../../common/dates.js';
import type { CalendarDay } from '../../api/calendar.js';
import { monthWeeks } from '../../lib/month.js';
import { useT, type MessageKey } from '../../i18n.js';

const WEEK_KEYS: MessageKey[] = ['cal.w1', 'cal.w2', 'cal.w3', 'cal.w4', 'cal.w5', 'cal.w6', 'cal.w7'];

function cellStyle(date: string, day: CalendarDay | undefined): React.CSSProperties {
  const base: React.CSSProperties = {
    textAlign: 'center',
    padding: '2px 0',
    fontSize: 12,
    position: 'relative',
    borderRadius: 3,
  };
  if (day?.kind === 'holiday') return { ...base, background: '#fff1f0', color: '#cf1322', fontWeight: 600 };
  if (day?.kind === 'workday') return { ...base, background: '#e6f4ff', color: '#0958d9', fontWeight: 600 };
  if (isWeekend(date)) return { ...base, color: '#999' };
  return base;
}

export function MonthGrid({ year, month, days }: { year: number; month: number; days: Map<string, CalendarDay> }) {
  const t = useT();
  return (
    <div>
      <div style={{ fontWeight: 600, marginBottom: 4 }}>{t('cal.month', { month })}</div>
      <table style={{ width: '100%', borderCollapse: 'separate', borderSpacing: 2, tableLayout: 'fixed' }}>
        <thead>
          <tr>
            {WEEK_KEYS.map((k) => (
              <th key={k} style={{ fontSize: 11, fontWeight: 400, color: '#888' }}>
                {t(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map((week, i) => (
            <tr key={i}>
              {week.map((date, j) => {
                if (!date) return <td key={j} />;
                const day = days.get(date);
                const cell = (
                  <td key={j} style={cellStyle(date, day)} data-date={date} data-kind={day?.kind}>
                    {Number(date.slice(8))}
                    {day ? (
                      <sup style={{ fontSize: 9 }}>{day.kind === 'holiday' ? t('cal.rest') : t('cal.work')}</sup>
                    ) : null}
                  </td>
                );
                return day ? (
                  <Tooltip key={j} title={`${date} ${day.name}`}>
                    {cell}
                  </Tooltip>
                ) : (
                  cell
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
