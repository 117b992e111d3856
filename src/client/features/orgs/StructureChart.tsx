/** Team structure: counts by sex, ethnicity (汉族 / 少数民族) and age band. */
import { Card, Col, Row, Statistic } from 'antd';
import { useMemo } from 'react';
import type { TeamMember } from '../../../common/contracts/orgs.js';
import { EChart, type ChartOption } from '../../components/EChart.js';
import { AGE_BANDS, ageFromBirthMonth, countAgeBands } from '../../lib/age.js';
import { useT, type MessageKey } from '../../i18n.js';

export function StructureChart({ members }: { members: TeamMember[] }) {
  const t = useT();
  const stats = useMemo(() => {
    const ages = members.map((m) => ageFromBirthMonth(m.birthMonth));
    const known = ages.filter((a): a is number => a !== null);
    return {
      total: members.length,
      women: members.filter((m) => m.sex === 'F').length,
      minority: members.filter((m) => m.ethnicity && m.ethnicity !== '汉族').length,
      avgAge: known.length ? Math.round((known.reduce((s, a) => s + a, 0) / known.length) * 10) / 10 : null,
      bands: countAgeBands(ages),
    };
  }, [members]);

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {},
      grid: { left: 32, right: 12, top: 24, bottom: 28 },
      xAxis: { type: 'category', data: AGE_BANDS.map((b) => t(`age.${b.key}` as MessageKey)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('team.structure.count'),
          data: AGE_BANDS.map((b) => stats.bands[b.key]),
          barMaxWidth: 36,
          label: { show: true, position: 'top' },
        },
      ],
    }),
    [stats, t],
  );

  return (
    <Card size="small" title={t('team.structure.title')} style={{ marginTop: 16 }}>
      <Row gutter={16} align="middle">
        <Col xs={24} md={10}>
          <Row gutter={[8, 8]}>
            <Col span={12}>
              <Statistic title={t('team.structure.total')} value={stats.total} />
            </Col>
            <Col span={12}>
              <Statistic title={t('team.structure.avgAge')} value={stats.avgAge ?? '—'} />
            </Col>
            <Col span={12}>
              <Statistic title={t('team.structure.women')} value={stats.women} suffix={`/ ${stats.total}`} />
            </Col>
            <Col span={12}>
              <Statistic title={t('team.structure.minority')} value={stats.minority} suffix={`/ ${stats.total}`} />
            </Col>
          </Row>
        </Col>
        <Col xs={24} md={14}>
          <EChart option={option} height={200} />
        </Col>
      </Row>
    </Card>
  );
}
