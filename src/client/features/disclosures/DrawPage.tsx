/**
 * One draw (PM-06), step by step: the list, ratio and SM3 commitment are fixed and published; at
 * the draw a public value is entered and the seed revealed; the JSON file lets anyone recompute it
 * with `banzi disclosures verify-draw FILE`.
 */
import {
  CheckCircleOutlined,
  DownloadOutlined,
  ExperimentOutlined,
  FileWordOutlined,
  SendOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Input,
  Popconfirm,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { DRAW_STATUS_LABELS } from '../../../common/contracts/disclosures.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { instant } from '../../lib/format.js';
import { useT } from '../../i18n.js';
import { hasRole, useMe } from '../../session.js';
import { saveDownload } from '../../api/download.js';
import { drawFileUrl, useDiscAction, useDraw, verifyResultSchema } from './api.js';
import { DisclosuresNav } from './common.js';
import { DRAW_COLOR } from './DrawsPage.js';
import { useRun } from './useRun.js';

const Hex = ({ v, testId }: { v: string | null; testId?: string }) =>
  v ? (
    <span data-testid={testId}>
      <Typography.Text code copyable style={{ fontSize: 11, wordBreak: 'break-all' }}>
        {v}
      </Typography.Text>
    </span>
  ) : (
    <>—</>
  );

export default function DrawPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { me } = useMe();
  const { id = '' } = useParams();
  const draw = useDraw(id);
  const post = useDiscAction('POST');
  const del = useDiscAction('DELETE');
  const verify = useDiscAction('POST', verifyResultSchema);
  const { run } = useRun();
  const [publicValue, setPublicValue] = useState('');
  const [verified, setVerified] = useState<{ ok: boolean; problems: string[] } | null>(null);
  const d = draw.data;
  const step = d ? { prepared: 0, published: 1, drawn: 2 }[d.status] : 0;
  return (
    <>
      <PageHeader
        title={d ? t('disc.drawTitle', { unit: d.unitName, year: d.year }) : t('disc.tab.draws')}
        crumbs={[
          { title: t('disc.title'), to: '/disclosures' },
          { title: t('disc.tab.draws'), to: '/disclosures/draws' },
          { title: d ? String(d.year) : '…' },
        ]}
        sub={d ? <Tag color={DRAW_COLOR[d.status]}>{DRAW_STATUS_LABELS[d.status]}</Tag> : undefined}
      />
      <DisclosuresNav />
      <QueryState query={draw}>
        {(dd) => (
          <>
            <Steps
              size="small"
              current={dd.status === 'drawn' ? 3 : step}
              style={{ marginBottom: 16 }}
              items={[
                { title: t('disc.step.commit') },
                { title: t('disc.step.publish') },
                { title: t('disc.step.draw') },
              ]}
            />
            <Card
              size="small"
              title={t('disc.committed')}
              style={{ marginBottom: 12 }}
              extra={
                <Space>
                  {dd.canDelete ? (
                    <Popconfirm
                      title={t('disc.discardConfirm')}
                      onConfirm={() =>
                        void run(() => del.mutateAsync({ path: `/api/disclosures/draws/${dd.id}` })).then((r) => {
                          if (r !== undefined) void navigate('/disclosures/draws');
                        })
                      }
                    >
                      <Button danger size="small">
                        {t('disc.discard')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                  {dd.canPublish ? (
                    <Popconfirm
                      title={t('disc.publishConfirm')}
                      onConfirm={() =>
                        void run(
                          () => post.mutateAsync({ path: `/api/disclosures/draws/${dd.id}/publish` }),
                          t('disc.publishedOk'),
                        )
                      }
                    >
                      <Button type="primary" size="small" icon={<SendOutlined />}>
                        {t('disc.publish')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              }
            >
              <Descriptions
                size="small"
                bordered
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'u', label: t('disc.office'), children: dd.unitName },
                  { key: 'y', label: t('disc.year'), children: dd.year },
                  {
                    key: 'r',
                    label: t('disc.ratio'),
                    children: t('disc.ratioBp', {
                      pct: (dd.ratioBasisPoints / 100).toString(),
                      bp: dd.ratioBasisPoints,
                    }),
                  },
                  { key: 'n', label: t('disc.eligibleSelect'), children: `${dd.eligibleCount} / ${dd.selectCount}` },
                  {
                    key: 'c',
                    label: t('disc.commitment'),
                    children: <Hex v={dd.commitment} testId="draw-commitment" />,
                    span: 2,
                  },
                  { key: 'i', label: t('disc.inputsDigest'), children: <Hex v={dd.inputsDigest} />, span: 2 },
                  { key: 'p', label: t('disc.publishedAt'), children: instant(dd.publishedAt) },
                  { key: 'dr', label: t('disc.drawnAt'), children: instant(dd.drawnAt) },
                ]}
              />
            </Card>
            {dd.canDraw ? (
              <Card size="small" title={t('disc.step.draw')} style={{ marginBottom: 12 }}>
                <Typography.Paragraph type="secondary">{t('disc.publicValueHint')}</Typography.Paragraph>
                <Space.Compact style={{ width: '100%' }}>
                  <Input
                    value={publicValue}
                    onChange={(e) => setPublicValue(e.target.value)}
                    placeholder={t('disc.publicValue')}
                    aria-label={t('disc.publicValue')}
                  />
                  <Popconfirm
                    title={t('disc.drawConfirm')}
                    onConfirm={() =>
                      void run(
                        () => post.mutateAsync({ path: `/api/disclosures/draws/${dd.id}/draw`, body: { publicValue } }),
                        t('disc.drawnOk'),
                      )
                    }
                  >
                    <Button
                      type="primary"
                      icon={<ExperimentOutlined />}
                      disabled={!publicValue.trim()}
                      loading={post.isPending}
                    >
                      {t('disc.doDraw')}
                    </Button>
                  </Popconfirm>
                </Space.Compact>
              </Card>
            ) : null}
            {dd.status === 'drawn' ? (
              <Card
                size="small"
                title={t('disc.drawResult')}
                style={{ marginBottom: 12 }}
                extra={
                  <Space>
                    <Button size="small" icon={<DownloadOutlined />} href={drawFileUrl(dd.id)}>
                      {t('disc.downloadJson')}
                    </Button>
                    <Button size="small" onClick={() => void navigate('/disclosures/verify')}>
                      {t('dverify.open')}
                    </Button>
                    {hasRole(me, 'personnel', dd.unitId) ? (
                      <Button
                        size="small"
                        icon={<FileWordOutlined />}
                        onClick={() =>
                          void saveDownload(`/api/disclosures/draws/${dd.id}/notice.docx`, {}, 'notice.docx').catch(
                            (e: unknown) => void message.error(e instanceof Error ? e.message : String(e)),
                          )
                        }
                      >
                        {t('disc.noticeDocx')}
                      </Button>
                    ) : null}
                    <Button
                      size="small"
                      icon={<CheckCircleOutlined />}
                      loading={verify.isPending}
                      onClick={() =>
                        void run(() => verify.mutateAsync({ path: `/api/disclosures/draws/${dd.id}/verify` })).then(
                          (r) => {
                            if (r) {
                              setVerified(r);
                              void message.info(
                                `${r.ok ? t('disc.match') : t('disc.mismatch')}${r.recorded ? '' : `；${t('disc.verifyNotRecorded')}`}`,
                              );
                            }
                          },
                        )
                      }
                    >
                      {t('disc.verify')}
                    </Button>
                  </Space>
                }
              >
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 's', label: t('disc.seed'), children: <Hex v={dd.seed} /> },
                    {
                      key: 'pv',
                      label: t('disc.publicValue'),
                      children: <Typography.Text copyable>{dd.publicValue}</Typography.Text>,
                    },
                    {
                      key: 'v',
                      label: t('disc.verified'),
                      children:
                        dd.verifiedOk === null ? (
                          '—'
                        ) : (
                          <Tag color={dd.verifiedOk ? 'green' : 'red'}>
                            {dd.verifiedOk ? t('disc.match') : t('disc.mismatch')} · {instant(dd.verifiedAt)}
                          </Tag>
                        ),
                    },
                  ]}
                />
                {verified && !verified.ok ? (
                  <Alert type="error" showIcon title={verified.problems.join('；')} style={{ marginBottom: 8 }} />
                ) : null}
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 8 }}
                  title={t('disc.verifyHint')}
                  description={
                    <Typography.Text code>npx banzi disclosures verify-draw draw-{dd.year}.json</Typography.Text>
                  }
                />
                <Table
                  size="small"
                  bordered
                  rowKey="id"
                  pagination={false}
                  dataSource={dd.selected}
                  columns={[
                    { title: t('disc.rankNo'), dataIndex: 'rank', width: 60 },
                    { title: t('disc.name'), dataIndex: 'name', width: 140 },
                    { title: t('disc.unit'), dataIndex: 'unitName', width: 140 },
                    {
                      title: t('disc.score'),
                      key: 'sc',
                      render: (_, s) => (
                        <Typography.Text code style={{ fontSize: 11 }}>
                          {s.score}
                        </Typography.Text>
                      ),
                    },
                  ]}
                />
              </Card>
            ) : null}
            <Collapse
              size="small"
              items={[
                {
                  key: 'list',
                  label: t('disc.eligibleList', { n: dd.eligibleCount }),
                  children: (
                    <Table
                      size="small"
                      bordered
                      rowKey="id"
                      dataSource={dd.eligible}
                      pagination={{ pageSize: 50 }}
                      columns={[
                        { title: t('disc.name'), dataIndex: 'name', width: 160 },
                        { title: t('disc.unit'), dataIndex: 'unitName', width: 160 },
                        {
                          title: 'ID',
                          dataIndex: 'id',
                          render: (v: string) => (
                            <Typography.Text code style={{ fontSize: 11 }}>
                              {v}
                            </Typography.Text>
                          ),
                        },
                      ]}
                    />
                  ),
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
