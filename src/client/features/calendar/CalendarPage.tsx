/** Working-day calendar: a year of month grids with holidays and make-up workdays, a calculator, and editing for the system admin. */
import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { dateIn } from '../../../common/time.js';
import { useCalendarYear, useCalendarYears } from '../../api/calendar.js';
import { isApiError } from '../../api/client.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView, Loading } from '../../components/QueryState.js';
import { instant } from '../../lib/format.js';
import { useT } from '../../i18n.js';
import { useMe } from '../../session.js';
import { ComputeCard } from './ComputeCard.js';
import { MonthGrid } from './MonthGrid.js';
import { YearEditor } from './YearEditor.js';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export default function CalendarPage() {
  const t = useT();
  const { me } = useMe();
  const thisYear = Number(dateIn(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState(false);
  const years = useCalendarYears();
  const cal = useCalendarYear(year);
  const isAdmin = me.adminRole === 'system_admin';
  const missing = isApiError(cal.error) && cal.error.status === 404;
  const days = useMemo(() => new Map((cal.data?.days ?? []).map((d) => [d.date, d])), [cal.data]);
  const yearOptions = useMemo(() => {
    const set = new Set<number>([thisYear - 1, thisYear, thisYear + 1, ...(years.data ?? []).map((y) => y.year)]);
    return [...set].sort((a, b) => a - b).map((y) => ({ value: y, label: `${y}${t('cal.yearSuffix')}` }));
  }, [years.data, thisYear, t]);
  const covered = new Set((years.data ?? []).map((y) => y.year));

  return (
    <>
      <PageHeader
        title={t('nav.calendar')}
        crumbs={[{ title: t('nav.calendar') }]}
        extra={
          <>
            <Select
              value={year}
              onChange={setYear}
              options={yearOptions}
              style={{ width: 110 }}
              aria-label={t('cal.year')}
            />
            {isAdmin ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('cal.editYear', { year })}
              </Button>
            ) : null}
          </>
        }
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <Tag color="red">{t('cal.legendHoliday')}</Tag>
        <Tag color="blue">{t('cal.legendWorkday')}</Tag>
        <Typography.Text type="secondary">{t('cal.legendWeekend')}</Typography.Text>
        {cal.data ? (
          <Typography.Text type="secondary">
            {t('cal.source', {
              source: t(cal.data.source === 'admin' ? 'cal.sourceAdmin' : 'cal.sourceBuiltIn'),
              at: instant(cal.data.updatedAt),
            })}
          </Typography.Text>
        ) : null}
      </Space>
      {!isAdmin ? (
        <div style={{ marginBottom: 16 }}>
          <ComputeCard />
        </div>
      ) : null}
      {missing || (!cal.isPending && !covered.has(year) && !cal.data) ? (
        <Alert type="warning" showIcon title={t('cal.notCovered', { year })} style={{ marginBottom: 16 }} />
      ) : null}
      {cal.isPending ? (
        <Loading />
      ) : cal.error && !missing ? (
        <ErrorView error={cal.error} />
      ) : (
        <Card size="small">
          <Row gutter={[24, 16]}>
            {MONTHS.map((m) => (
              <Col key={m} xs={24} sm={12} md={8} xl={6}>
                <MonthGrid year={year} month={m} days={days} />
              </Col>
            ))}
          </Row>
        </Card>
      )}
      {isAdmin ? (
        <div style={{ marginTop: 16 }}>
          <ComputeCard />
        </div>
      ) : null}
      {editing ? <YearEditor year={year} days={cal.data?.days ?? []} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
