/** What Banzi can and cannot hide about a ballot, said plainly (architecture.md: the UI says it). */
import { Alert, Collapse, Typography } from 'antd';
import { useT } from '../../i18n.js';

const CAN = [
  'ballots.anon.can1',
  'ballots.anon.can2',
  'ballots.anon.can3',
  'ballots.anon.can4',
  'ballots.anon.can5',
] as const;
const CANNOT = [
  'ballots.anon.cannot1',
  'ballots.anon.cannot2',
  'ballots.anon.cannot3',
  'ballots.anon.cannot4',
] as const;

export function AnonymityNotice({
  defaultOpen = false,
  minGroupSize = 5,
}: {
  defaultOpen?: boolean;
  minGroupSize?: number;
}) {
  const t = useT();
  return (
    <Collapse
      size="small"
      defaultActiveKey={defaultOpen ? ['anon'] : []}
      items={[
        {
          key: 'anon',
          label: t('ballots.anon.title'),
          children: (
            <>
              <Typography.Text strong>{t('ballots.anon.canTitle')}</Typography.Text>
              <ul style={{ paddingLeft: 18, margin: '4px 0 8px' }}>
                {CAN.map((k) => (
                  <li key={k}>{t(k, { n: minGroupSize })}</li>
                ))}
              </ul>
              <Typography.Text strong>{t('ballots.anon.cannotTitle')}</Typography.Text>
              <ul style={{ paddingLeft: 18, margin: '4px 0 8px' }}>
                {CANNOT.map((k) => (
                  <li key={k}>{t(k)}</li>
                ))}
              </ul>
              <Alert type="warning" showIcon title={t('ballots.anon.receiptWarning')} />
            </>
          ),
        },
      ]}
    />
  );
}
