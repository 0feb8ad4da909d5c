import { check, msg, ValidationError } from '@cpb/kit';
import type { AttendanceStatus, MeetingAttendance } from '../entities';

export interface AttendanceInput {
  memberId: string;
  status: AttendanceStatus;
  leaveReason?: string | null;
}

/** A member the organisation held on the meeting's day (members service), probationary ones marked. */
export interface RosterEntry {
  memberId: string;
  probationary: boolean;
}

/**
 * The attendance of one version: every expected member (the organisation's members on that day)
 * once, as given or else ABSENT; leave (请假) always with a reason. Someone who was not a member that
 * day cannot be marked at all; a probationary member (预备党员) cannot vote.
 */
export function buildAttendance(
  meeting: { id: string; version: number; day: string; organizationName: string },
  roster: RosterEntry[],
  given: AttendanceInput[],
): MeetingAttendance[] {
  const expected = new Map(roster.map((r) => [r.memberId, r]));
  const marked = new Map<string, AttendanceInput>();
  for (const entry of given) {
    const memberId = check.uuid('attendance.memberId', entry.memberId);
    if (marked.has(memberId)) throw new ValidationError('attendance', msg('meeting.attendanceRepeats', { memberId }));
    if (!expected.has(memberId))
      throw new ValidationError(
        'attendance',
        msg('meeting.notMemberThatDay', { memberId, date: meeting.day, name: meeting.organizationName }),
      );
    marked.set(memberId, entry);
  }
  return roster.map(({ memberId, probationary }) => {
    const entry = marked.get(memberId);
    const status = entry?.status ?? 'ABSENT';
    const reason = check.freeText('attendance.leaveReason', entry?.leaveReason, 200) || null;
    if (status === 'ON_LEAVE' && !reason) throw new ValidationError('attendance', msg('meeting.leaveNeedsReason', { memberId }));
    if (status !== 'ON_LEAVE' && reason) throw new ValidationError('attendance', msg('meeting.reasonOnlyForLeave', { memberId }));
    return { meetingId: meeting.id, version: meeting.version, memberId, status, leaveReason: reason, canVote: !probationary };
  });
}

/** The counts events and compliance carry: never names, only how many. */
export function attendanceCounts(attendance: Pick<MeetingAttendance, 'status'>[]): {
  expected: number;
  present: number;
  onLeave: number;
  absent: number;
} {
  const count = (status: AttendanceStatus) => attendance.filter((a) => a.status === status).length;
  return { expected: attendance.length, present: count('PRESENT'), onLeave: count('ON_LEAVE'), absent: count('ABSENT') };
}
