import { addDays, type ClosedPeriod } from '@cpb/kit';
import { MEETING_TYPES, type MeetingType, type Organization } from '../entities';
import { appliesTo, needsElectedCommittee, type MeetingRhythms } from './meeting-types';

/**
 * Compliance with the rhythm of organisational life, computed from the meeting records every time
 * (never stored as totals that could drift). A rhythm of k months cuts the calendar into windows
 * (months, quarters, years); each window needs one meeting of the type. A window is due when it
 * ended within the period asked, before today, and after the organisation was established; it is
 * overdue when due and no meeting of the type was held in it.
 */

/** Held meetings of one organisation and type on one calendar day (district time). */
export interface HeldOnDay {
  organizationId: string;
  type: MeetingType;
  day: string;
  n: number;
}

export interface Window {
  from: string;
  to: string;
}

export interface TypeCompliance {
  type: MeetingType;
  everyMonths: number;
  due: number;
  held: number;
  overdue: Window[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const firstOf = (index: number) => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;

/** Windows already cut, by rhythm and period: a ranking asks for the same ones for every organisation of a subtree. */
const cut = new Map<string, readonly Window[]>();
const CUT_KEPT = 1_000;

/** The calendar windows of a k-month rhythm from the one holding `from` to the one holding `to` (shared: never modify them). */
export function windows(everyMonths: number, from: string, to: string): readonly Window[] {
  const key = `${everyMonths}|${from}|${to}`;
  let result = cut.get(key);
  if (result) return result;
  const made: Window[] = [];
  for (let start = monthIndex(from) - (monthIndex(from) % everyMonths); start <= monthIndex(to); start += everyMonths) {
    made.push(Object.freeze({ from: firstOf(start), to: addDays(firstOf(start + everyMonths), -1) }));
  }
  result = Object.freeze(made);
  if (cut.size >= CUT_KEPT) cut.clear();
  cut.set(key, result);
  return result;
}

/** The first day the counts must cover: the start of the longest rhythm's window holding `from` (a year: every rhythm divides it). */
export function countsFrom(from: string): string {
  return windows(12, from, from)[0].from;
}

/** The types an organisation holds, per kind without and with a committee, worked out once (read only): a ranking asks for every organisation. */
const typesByKind = [new Map<Organization['kind'], readonly MeetingType[]>(), new Map<Organization['kind'], readonly MeetingType[]>()];

/** The types an organisation holds: by its kind, committee meetings of a branch only with a committee. */
function typesHeldBy(kind: Organization['kind'], hasCommittee: boolean): readonly MeetingType[] {
  const known = typesByKind[hasCommittee ? 1 : 0];
  let types = known.get(kind);
  if (!types) {
    types = Object.freeze(MEETING_TYPES.filter((type) => appliesTo(type, kind) && (!needsElectedCommittee(type, kind) || hasCommittee)));
    known.set(kind, types);
  }
  return types;
}

/**
 * Per meeting type, the windows of its rhythm that ended within the period and before `today`, oldest
 * first (shared: never modify them), each worked out once. An organisation's due windows are those of
 * them ending on or after the day it was established: a suffix of the list. A ranking makes one of
 * these and weighs every organisation of the subtree against it.
 */
export type EndedWindows = (type: MeetingType) => readonly Window[];

export function endedWindows(period: ClosedPeriod, today: string, rhythms: MeetingRhythms): EndedWindows {
  const byType = new Map<MeetingType, readonly Window[]>();
  return (type) => {
    let ended = byType.get(type);
    if (!ended) {
      ended = windows(rhythms[type], period.from, period.to).filter((w) => w.to >= period.from && w.to <= period.to && w.to < today);
      byType.set(type, ended);
    }
    return ended;
  };
}

/** The windows due for an organisation established on `establishedOn`: those that ended on or after it. */
function dueSince(ended: readonly Window[], establishedOn: string): readonly Window[] {
  let first = 0;
  while (first < ended.length && ended[first].to < establishedOn) first += 1;
  return first === 0 ? ended : ended.slice(first);
}

/**
 * Each type's due windows, meetings held in the period and overdue windows, against the district's rhythms.
 * A ranking calls this for every organisation of a subtree with one `ended` for all of them.
 */
export function complianceOf(
  organization: Pick<Organization, 'kind' | 'establishedOn'>,
  hasCommittee: boolean,
  period: ClosedPeriod,
  today: string,
  held: HeldOnDay[],
  rhythms: MeetingRhythms,
  ended: EndedWindows = endedWindows(period, today, rhythms),
): TypeCompliance[] {
  return typesHeldBy(organization.kind, hasCommittee).map((type) => {
    const due = dueSince(ended(type), organization.establishedOn);
    let heldInPeriod = 0;
    for (const h of held) if (h.type === type && h.day >= period.from && h.day <= period.to) heldInPeriod += h.n;
    const heldIn = (w: Window) => held.some((h) => h.type === type && h.day >= w.from && h.day <= w.to && h.n > 0);
    return { type, everyMonths: rhythms[type], due: due.length, held: heldInPeriod, overdue: due.filter((w) => !heldIn(w)) };
  });
}

/** The day `months` calendar months before `day` (the month's last day where it is shorter). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 - months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 - months, Math.min(d, last))).toISOString().slice(0, 10);
}
