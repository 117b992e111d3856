import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import type { MeetingDetail } from '../../../common/contracts/meetings.js';
import { useT } from '../../i18n.js';
import { useMeetingAction } from './api.js';
import type { Run } from './useRun.js';

/** Up and down buttons for the agenda before the meeting opens (the server audits each new order). */
export function AgendaOrder({ m, run }: { m: MeetingDetail; run: Run }) {
  const t = useT();
  const put = useMeetingAction<string[]>(m.id, () => `/api/meetings/${m.id}/agenda`, {
    method: 'PUT',
    body: (order) => ({ order }),
  });
  const move = (i: number, by: -1 | 1) => {
    const order = m.items.map((x) => x.id);
    const [x] = order.splice(i, 1);
    order.splice(i + by, 0, x ?? '');
    void run(() => put.mutateAsync(order), t('mtg.reordered'));
  };
  return (
    <Card size="small" title={t('mtg.agendaOrder')} data-testid="agenda-order">
      {m.items.map((it, i) => (
        <div key={it.id} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 0' }}>
          <span style={{ flex: 1 }}>{`${i + 1}. ${it.title}`}</span>
          <Button
            size="small"
            icon={<ArrowUpOutlined />}
            aria-label={`${t('mtg.moveUp')} ${it.title}`}
            disabled={i === 0 || put.isPending}
            onClick={() => move(i, -1)}
          />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={`${t('mtg.moveDown')} ${it.title}`}
            disabled={i === m.items.length - 1 || put.isPending}
            onClick={() => move(i, 1)}
          />
        </div>
      ))}
    </Card>
  );
}
