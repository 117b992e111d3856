/** The record laid out like the 任免审批表: facts, education, résumé, family. */
import { Descriptions, Table, Typography } from 'antd';
import {
  FAMILY_RELATION_LABELS,
  POLITICAL_STATUS_LABELS,
  SEX_LABELS,
  type Education,
  type PersonDetail,
} from '../../../common/contracts/people.js';
import { DASH, dotMonth, show } from '../../lib/format.js';
import { useT } from '../../i18n.js';
import { IdNumberField } from './IdNumberField.js';

export function politicalLabel(v: string | null): string {
  return v ? (POLITICAL_STATUS_LABELS[v as keyof typeof POLITICAL_STATUS_LABELS] ?? v) : DASH;
}

function edu(e: Education | null): [string, string] {
  if (!e) return [DASH, DASH];
  return [
    [e.qualification, e.degree === '无' ? '' : e.degree].filter(Boolean).join(' '),
    [e.school, e.major].filter(Boolean).join(' '),
  ];
}

export function RecordFacts({ p }: { p: PersonDetail }) {
  const t = useT();
  const [fq, fs] = edu(p.educationFulltime);
  const [iq, is] = edu(p.educationInservice);
  const currentRank = p.ranks.find((r) => !r.endDate);
  const items = [
    { key: 'name', label: t('person.name'), children: p.name },
    { key: 'sex', label: t('person.sex'), children: SEX_LABELS[p.sex] },
    {
      key: 'birth',
      label: t('person.birthMonthAge'),
      children: `${dotMonth(p.birthMonth)}（${show(p.age)}${t('person.ageUnit')}）`,
    },
    { key: 'eth', label: t('person.ethnicity'), children: p.ethnicity },
    { key: 'native', label: t('person.nativePlace'), children: show(p.nativePlace) },
    { key: 'bp', label: t('person.birthplace'), children: show(p.birthplace) },
    {
      key: 'party',
      label: t('person.partyJoinDate'),
      children: p.partyJoinDate ? dotMonth(p.partyJoinDate) : politicalLabel(p.politicalStatus),
    },
    { key: 'work', label: t('person.workStartDate'), children: dotMonth(p.workStartDate) },
    { key: 'health', label: t('person.health'), children: show(p.health) },
    { key: 'title', label: t('person.title'), children: show(p.professionalTitle) },
    { key: 'exp', label: t('person.expertise'), children: show(p.expertise), span: 2 },
    { key: 'fq', label: t('person.eduFulltimeShort'), children: fq },
    { key: 'fs', label: t('person.schoolMajor'), children: fs, span: 2 },
    { key: 'iq', label: t('person.eduInserviceShort'), children: iq },
    { key: 'is', label: t('person.schoolMajor'), children: is, span: 2 },
    { key: 'pol', label: t('person.politicalStatus'), children: politicalLabel(p.politicalStatus) },
    { key: 'post', label: t('person.currentPost'), children: show(p.currentPost), span: 2 },
    {
      key: 'rank',
      label: t('person.rank'),
      children: currentRank ? `${currentRank.rankLabel}（${currentRank.levelLabel}）` : DASH,
    },
    { key: 'div', label: t('team.division'), children: show(p.divisionOfWork), span: 2 },
    {
      key: 'id',
      label: t('person.idNumber'),
      children: <IdNumberField personId={p.id} masked={p.idNumberMasked} canReveal={p.canRevealIdNumber} />,
      span: 3,
    },
    {
      key: 'rp',
      label: t('person.rewards'),
      children: (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {show(p.rewardsPunishments)}
        </Typography.Paragraph>
      ),
      span: 3,
    },
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 3 }}
      items={items}
      styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
    />
  );
}

export function ResumeView({ p }: { p: PersonDetail }) {
  const t = useT();
  if (p.resume.length === 0) return <Typography.Text type="secondary">{t('person.resumeEmpty')}</Typography.Text>;
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <tbody>
        {p.resume.map((r, i) => (
          <tr key={i}>
            <td
              style={{
                whiteSpace: 'nowrap',
                padding: '3px 24px 3px 0',
                verticalAlign: 'top',
                fontFamily: 'monospace',
                width: 1,
              }}
            >
              {dotMonth(r.startMonth)}—{r.endMonth ? dotMonth(r.endMonth) : '　　　　'}
            </td>
            <td style={{ padding: '3px 0' }}>{r.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FamilyView({ p }: { p: PersonDetail }) {
  const t = useT();
  return (
    <Table
      size="small"
      bordered
      rowKey="id"
      pagination={false}
      dataSource={p.family}
      locale={{ emptyText: t('person.familyEmpty') }}
      columns={[
        {
          title: t('person.relation'),
          dataIndex: 'relation',
          width: 100,
          render: (v: keyof typeof FAMILY_RELATION_LABELS) => FAMILY_RELATION_LABELS[v] ?? v,
        },
        { title: t('person.name'), dataIndex: 'name', width: 100 },
        { title: t('person.birthDate'), dataIndex: 'birthDate', width: 110, render: dotMonth },
        { title: t('person.politicalStatus'), dataIndex: 'politicalStatus', width: 120, render: politicalLabel },
        { title: t('person.employerPost'), dataIndex: 'employerPost', render: show },
      ]}
    />
  );
}
