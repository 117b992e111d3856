/**
 * Who sees and records what (issue 10 "Who sees what"), pure:
 * - the discipline office with authority over the cadre (下管一级): everything, allegations included;
 * - the personnel office with authority: the measures, dates and periods, never allegations,
 *   petitions, an inquiry's questions and reply or a case's file;
 * - the issuer of a record (a secretary's reminder or talk): the records they issued;
 * - the subject: their own records unless marked confidential, never the allegations;
 * - peers, the secretary beyond what they issued, the three admins: nothing (404).
 */
import { HANDLING_KINDS, type MeasureKind } from '../../../common/supervision.js';
import { hasRole, type Actor } from '../../http/actor.js';
import { officeAuthority, type PersonScopeFacts } from '../people/index.js';

export type Reader = 'discipline' | 'personnel' | 'issuer' | 'subject' | 'none';

export interface RecordAccessFacts {
  createdBy: string | null;
  confidential: boolean;
  kind: MeasureKind;
}

export function readerOf(actor: Actor, p: PersonScopeFacts, r: RecordAccessFacts): Reader {
  if (actor.adminRole !== null) return 'none';
  if (officeAuthority(actor, p, 'discipline')) return 'discipline';
  if (officeAuthority(actor, p, 'personnel')) return 'personnel';
  if (r.createdBy !== null && r.createdBy === actor.userId) return 'issuer';
  if (actor.personId === p.id && !r.confidential) return 'subject';
  return 'none';
}

/** Texts about allegations: an inquiry's questions and reply, an open case's summary. */
const CASE_FILE_KINDS = new Set<MeasureKind>(['inquiry_letter', 'case_open']);

export function visibleTexts(
  reader: Reader,
  kind: MeasureKind,
): { summary: boolean; allegations: boolean; reply: boolean } {
  switch (reader) {
    case 'discipline':
      return { summary: true, allegations: true, reply: true };
    case 'personnel':
      return { summary: !CASE_FILE_KINDS.has(kind), allegations: false, reply: false };
    case 'issuer':
      return { summary: true, allegations: false, reply: kind === 'inquiry_letter' };
    case 'subject':
      return { summary: true, allegations: false, reply: true };
    case 'none':
      return { summary: false, allegations: false, reply: false };
  }
}

const SECRETARY_KINDS = new Set<MeasureKind>(['heart_talk', 'reminder_talk', 'reminder_written']);
const PERSONNEL_KINDS = new Set<MeasureKind>([...HANDLING_KINDS, ...SECRETARY_KINDS]);

/**
 * Recording: the discipline office with authority records every kind; the personnel office with
 * authority organisational handling, talks and reminders; the secretary of the cadre's own unit (the
 * head of the same-level Party organisation, TX-03) talks and reminders to others.
 */
export function canRecord(actor: Actor, p: PersonScopeFacts, kind: MeasureKind): boolean {
  if (actor.adminRole !== null) return false;
  if (officeAuthority(actor, p, 'discipline')) return true;
  if (officeAuthority(actor, p, 'personnel') && PERSONNEL_KINDS.has(kind)) return true;
  return SECRETARY_KINDS.has(kind) && hasRole(actor, 'secretary', p.unitId) && actor.personId !== p.id;
}

/** Replies, extensions, conclusions, revocations: the discipline office with authority. */
export function canManage(actor: Actor, p: PersonScopeFacts): boolean {
  return actor.adminRole === null && officeAuthority(actor, p, 'discipline');
}

/** Anyone who may record something for the person (to list people in the form); used for 403 vs 404. */
export function mayAct(actor: Actor, p: PersonScopeFacts): boolean {
  return canRecord(actor, p, 'reminder_talk') || canManage(actor, p);
}
