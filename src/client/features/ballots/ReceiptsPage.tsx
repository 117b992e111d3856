/**
 * The published receipts of a closed session (public). A voter types their receipt and the page
 * looks for it in the list it already holds: the server never learns which receipt was checked.
 */
import { Alert, Flex, Input, List, Result, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { groupCode, normalizeCode } from '../../../common/contracts/ballots.js';
import { Loading } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { AnonymityNotice } from './AnonymityNotice.js';
import { errorText, usePublicReceipts, usePublicSession } from './api.js';
import { PhoneShell } from './VotePage.js';

export default function ReceiptsPage() {
  const t = useT();
  const { id = '' } = useParams();
  const session = usePublicSession(id);
  const receipts = usePublicReceipts(id);
  const [q, setQ] = useState('');
  const list = useMemo(() => receipts.data?.receipts ?? [], [receipts.data]);
  const wanted = normalizeCode(q);
  const found = wanted.length >= 16 ? list.includes(wanted) : null;
  const title = t('ballots.receipts.title');
  if (session.isPending || receipts.isPending) {
    return (
      <PhoneShell title={title}>
        <Loading />
      </PhoneShell>
    );
  }
  if (!session.data) {
    return (
      <PhoneShell title={title}>
        <Result status="404" title={t('ballots.vote.notFound')} subTitle={errorText(session.error)} />
      </PhoneShell>
    );
  }
  const s = session.data;
  return (
    <PhoneShell title={title}>
      <Flex vertical gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {s.title}
        </Typography.Title>
        {s.status !== 'closed' ? (
          <Alert type="info" showIcon title={t('ballots.receipts.notYet')} />
        ) : (
          <>
            <Statistic title={t('ballots.receipts.count')} value={list.length} />
            <Input
              size="large"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder="XXXX-XXXX-XXXX-XXXX"
              style={{ fontFamily: 'monospace' }}
              aria-label={t('ballots.receipts.check')}
              allowClear
            />
            {found === true ? (
              <Alert type="success" showIcon title={t('ballots.receipts.found')} data-testid="receipt-found" />
            ) : null}
            {found === false ? <Alert type="error" showIcon title={t('ballots.receipts.missing')} /> : null}
            <Typography.Text type="secondary">{t('ballots.receipts.local')}</Typography.Text>
            <List
              size="small"
              bordered
              dataSource={list}
              style={{ maxHeight: 360, overflow: 'auto', background: '#fff' }}
              renderItem={(r) => (
                <List.Item style={{ fontFamily: 'monospace', ...(r === wanted ? { background: '#f6ffed' } : {}) }}>
                  {groupCode(r)}
                </List.Item>
              )}
            />
          </>
        )}
        <AnonymityNotice minGroupSize={s.minGroupSize} />
      </Flex>
    </PhoneShell>
  );
}
