/** The masked ID number, and a button to show it in full (audited) for those allowed. */
import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useRevealIdNumber } from '../../api/people.js';
import { DASH } from '../../lib/format.js';
import { useT } from '../../i18n.js';

export function IdNumberField({
  personId,
  masked,
  canReveal,
}: {
  personId: string;
  masked: string | null;
  canReveal: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const reveal = useRevealIdNumber(personId);
  const [full, setFull] = useState<string | null>(null);
  if (!masked) return <>{DASH}</>;
  return (
    <Space size={4}>
      <Typography.Text code copyable={full ? { text: full } : false}>
        {full ?? masked}
      </Typography.Text>
      {canReveal && !full ? (
        <Popconfirm
          title={t('person.revealTitle')}
          description={t('person.revealAudited')}
          okText={t('person.reveal')}
          onConfirm={() =>
            reveal.mutate(undefined, {
              onSuccess: (r) => setFull(r.idNumber ?? DASH),
              onError: (e) => void message.error(e.message),
            })
          }
        >
          <Button size="small" type="link" icon={<EyeOutlined />} loading={reveal.isPending}>
            {t('person.reveal')}
          </Button>
        </Popconfirm>
      ) : null}
      {full ? (
        <Button size="small" type="link" onClick={() => setFull(null)}>
          {t('person.hide')}
        </Button>
      ) : null}
    </Space>
  );
}
