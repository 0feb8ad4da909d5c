import { random, worldId } from './ids';
import type { World } from './world';

/**
 * Organisational life (三会一课) of every organisation of the demo district that holds meetings over
 * the past six months, with a realistic spread: most on rhythm, some behind (the monthly meeting
 * missed every other month, no Party lesson), and one in ten silent for the last four months
 * (有组织无活动), so the compliance views show something true on `npm start`. Branches (community,
 * migrant, resident units') hold themed Party days, members' meetings and lessons; a community
 * committee its committee meetings and lessons; a Party group its group meetings; a street's working
 * committee its committee meetings. Attendance is every member the organisation held on the day,
 * mostly present, some on leave with a reason, a few absent; one member in 150 (members 6, 156, 306,
 * ...) misses every meeting, so the six-month flag (自行脱党) shows both of its reasons in community 0
 * (members 6 and 306 also owe seven months' dues, see dues.ts).
 */
export interface DemoMeetingRecord {
  id: string;
  organizationId: string;
  type: string;
  startsAt: Date;
  topic: string;
  place: string;
  hostMemberId: string | null;
  attendance: { memberId: string; status: 'PRESENT' | 'ON_LEAVE' | 'ABSENT'; leaveReason: string | null; canVote: boolean }[];
}

const BRANCHES_PER_COMMUNITY = 3;
const MONTHS = 6;
const SILENT_MONTHS = 4;
const topics: Record<string, string> = {
  THEMED_PARTY_DAY: '主题党日：走访困难党员',
  MEMBERS_MEETING: '支部党员大会：季度工作总结',
  PARTY_LESSON: '党课：学习党章',
  COMMITTEE_MEETING: '委员会会议：研究月度工作',
  PARTY_GROUP_MEETING: '党小组会：交流学习体会',
};
const leaveReasons = ['出差', '身体原因', '照顾家人'];

/** How the organisation in slot i keeps its rhythm: on it, behind, or silent for the last months. */
export function branchRhythm(i: number): 'ON_RHYTHM' | 'BEHIND' | 'SILENT' {
  const slot = i % 10;
  return slot === 9 ? 'SILENT' : slot >= 7 ? 'BEHIND' : 'ON_RHYTHM';
}

/** Members who never come (one in 150): absent without leave from every meeting. */
export function chronicallyAbsent(memberIndex: number): boolean {
  return memberIndex % 150 === 6;
}

/** The monthly type an organisation of `kind` holds and its quarterly ones (none for kinds holding no meetings). */
function plan(kind: string): { monthly: string; quarterly: string[] } | null {
  if (kind === 'BRANCH' || kind === 'GENERAL_BRANCH')
    return { monthly: 'THEMED_PARTY_DAY', quarterly: ['MEMBERS_MEETING', 'PARTY_LESSON'] };
  if (kind === 'COMMITTEE') return { monthly: 'COMMITTEE_MEETING', quarterly: ['PARTY_LESSON'] };
  if (kind === 'PARTY_GROUP') return { monthly: 'PARTY_GROUP_MEETING', quarterly: [] };
  if (kind === 'WORKING_COMMITTEE') return { monthly: 'COMMITTEE_MEETING', quarterly: [] };
  return null;
}

type RosterEntry = { id: string; index: number; probationary: boolean; joinedOn: string };

/** Every organisation's members, by organisation: id, index, whether probationary, and the day they joined. */
function rosters(world: World): Map<string, RosterEntry[]> {
  const byOrganization = new Map<string, RosterEntry[]>();
  let index = 0;
  for (const chunk of world.memberChunks()) {
    for (const m of chunk) {
      const roster = byOrganization.get(m.organizationId) ?? [];
      roster.push({ id: m.id, index: index++, probationary: m.status === 'PROBATIONARY', joinedOn: m.joinedOn });
      byOrganization.set(m.organizationId, roster);
    }
  }
  return byOrganization;
}

/** The meetings of every organisation that holds them, month by month, generated from the World like the rest of it. */
export function* organizationalLife(world: World): Generator<DemoMeetingRecord> {
  const members = rosters(world);
  const branchIndex = new Map(
    Array.from({ length: world.shape.communities * BRANCHES_PER_COMMUNITY }, (_, i) => [worldId('org-branch', i), i]),
  );
  let n = 0;
  let other = 0;
  for (const organization of world.organizations()) {
    const types = plan(organization.kind);
    if (!types) continue;
    const b = branchIndex.get(organization.id);
    // Community branches keep their slot (the community 0 secretary's three are on rhythm); the others take turns.
    const rhythm = branchRhythm(b ?? other++);
    const roster = members.get(organization.id) ?? [];
    // A community branch's secretary (world.positions(): seat 10 + b of the community) hosts its meetings.
    const host =
      b === undefined ? null : Math.floor(b / BRANCHES_PER_COMMUNITY) + (10 + (b % BRANCHES_PER_COMMUNITY)) * world.shape.communities;
    const r = random(900_000 + (b ?? 100_000 + other));
    for (let back = MONTHS; back >= 1; back--) {
      if (rhythm === 'SILENT' && back <= SILENT_MONTHS) continue;
      const month = new Date(Date.UTC(world.today.getUTCFullYear(), world.today.getUTCMonth() - back, 1));
      const held = [types.monthly];
      if (back % 3 === 0 && types.quarterly[0]) held.push(types.quarterly[0]);
      if (back % 3 === 1 && types.quarterly[1] && rhythm !== 'BEHIND') held.push(types.quarterly[1]);
      if (rhythm === 'BEHIND' && back % 2 === 0) held.shift();
      for (const [k, type] of held.entries()) {
        const startsAt = new Date(month.getTime() + (5 + k * 7) * 86_400_000 + 11 * 3_600_000);
        const day = startsAt.toISOString().slice(0, 10);
        const attendance = roster
          .filter((m) => m.joinedOn <= day)
          .map((m) => {
            const roll = r();
            const status = chronicallyAbsent(m.index)
              ? ('ABSENT' as const)
              : roll < 0.85
                ? ('PRESENT' as const)
                : roll < 0.95
                  ? ('ON_LEAVE' as const)
                  : ('ABSENT' as const);
            return {
              memberId: m.id,
              status,
              leaveReason: status === 'ON_LEAVE' ? leaveReasons[Math.floor(r() * leaveReasons.length)] : null,
              canVote: !m.probationary,
            };
          });
        yield {
          id: worldId('meeting', n++),
          organizationId: organization.id,
          type,
          startsAt,
          topic: topics[type],
          place: '党群服务中心会议室',
          hostMemberId: host !== null && host < world.shape.members ? worldId('member', host) : null,
          attendance,
        };
      }
    }
  }
}
