/**
 * The projector view of a meeting (issue 16 §4, as OpenSlides users expect): full screen, large
 * type, the agenda, the item being voted and its live tally. It reads the same live state as the
 * meeting page, which never holds a running tally of a secret ballot: only how many have voted.
 */
import { CheckCircleFilled, FullscreenOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link, useParams } from 'react-router';
import { CHOICE_LABELS, RESULT_LABELS, type MeetingDetail } from '../../../common/contracts/meetings.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { useMeeting } from './api.js';

const page = {
  position: 'fixed',
  inset: 0,
  overflow: 'auto',
  background: '#0b2a4a',
  color: '#fff',
  padding: '2.5vw 3.5vw',
  fontSize: 'clamp(18px, 2.4vw, 44px)',
  lineHeight: 1.45,
  zIndex: 1000,
} as const;

export default function ProjectorPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  return <QueryState query={meeting}>{(m) => <Projector m={m} />}</QueryState>;
}

function Projector({ m }: { m: MeetingDetail }) {
  const t = useT();
  const current = m.items.find((i) => i.id === m.currentItemId) ?? null;
  const third = current?.kind === 'personnel' ? 'defer' : 'abstain';
  return (
    <div style={page} data-testid="projector">
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, alignItems: 'flex-start' }}>
        <div>
          <div style={{ fontSize: '1.5em', fontWeight: 700 }}>
            {m.unitName}
            {m.title}
            {m.subject ? `（${m.subject}）` : ''}
          </div>
          <div style={{ opacity: 0.8 }}>
            {m.date} {m.startTime} · {m.location}
          </div>
          <div style={{ opacity: 0.8 }} data-testid="projector-quorum">
            {t('proj.present', { members: m.quorum.members, present: m.quorum.present, required: m.quorum.required })}
          </div>
        </div>
        <div style={{ display: 'flex', gap: 8, fontSize: 14 }}>
          <Button
            ghost
            icon={<FullscreenOutlined />}
            onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
          >
            {t('proj.fullscreen')}
          </Button>
          <Link to={`/meetings/${m.id}`}>
            <Button ghost>{t('proj.exit')}</Button>
          </Link>
        </div>
      </div>
      <div
        style={{ marginTop: '1.2em', padding: '0.8em 1em', background: 'rgba(255,255,255,0.08)', borderRadius: 12 }}
        data-testid="projector-current"
      >
        {current ? (
          <>
            <div style={{ opacity: 0.75 }}>{t('proj.current')}</div>
            <div style={{ fontSize: '1.35em', fontWeight: 700 }}>{`${current.seq}. ${current.title}`}</div>
            {current.voteMethod === 'secret' || !current.tallies ? (
              <div data-testid="projector-tally">
                {current.voteMethod === 'secret'
                  ? t('proj.secret', current.participation)
                  : t('proj.voted', current.participation)}
              </div>
            ) : (
              <div data-testid="projector-tally">
                {current.tallies.map((tl) => (
                  <div key={tl.candidateId}>
                    {current.candidates.length ? `${tl.label}：` : ''}
                    {CHOICE_LABELS.agree} <b>{tl.agree}</b> · {CHOICE_LABELS.disagree} <b>{tl.disagree}</b> ·{' '}
                    {CHOICE_LABELS[third]} <b>{tl[third]}</b>
                  </div>
                ))}
                <div style={{ opacity: 0.8 }}>{t('proj.voted', current.participation)}</div>
              </div>
            )}
          </>
        ) : (
          <div style={{ opacity: 0.75 }}>{t('proj.noneVoting')}</div>
        )}
      </div>
      <div style={{ marginTop: '1.2em', opacity: 0.75 }}>{t('proj.agenda')}</div>
      <ol style={{ margin: 0, paddingLeft: '1.4em' }} data-testid="projector-agenda">
        {m.items.map((it) => (
          <li
            key={it.id}
            style={{
              fontWeight: it.id === m.currentItemId ? 700 : 400,
              color: it.id === m.currentItemId ? '#ffd666' : undefined,
            }}
          >
            {it.title}
            {it.state === 'closed' && it.result ? (
              <span style={{ marginLeft: '0.6em', color: '#95de64' }}>
                <CheckCircleFilled /> {RESULT_LABELS[it.recordedOutcome ?? it.result]}
              </span>
            ) : null}
            {it.state === 'deferred' ? (
              <span style={{ marginLeft: '0.6em', opacity: 0.7 }}>{RESULT_LABELS.deferred}</span>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
