import { random, worldId } from './ids';
import type { World } from './world';

/**
 * Organisational life (三会一课) of the demo district's community branches over the past six months,
 * with a realistic spread: most branches on rhythm, some behind (a themed Party day missed every
 * other month, no Party lesson), and one in ten silent for the last four months (有组织无活动), so
 * the compliance views show something true on `npm start`. Attendance is every member the branch
 * held on the day, mostly present, some on leave with a reason, a few absent.
 */
export interface DemoMeetingRecord {
  id: string; organizationId: string; type: string; startsAt: Date; topic: string; place: string; hostMemberId: string | null;
  attendance: { memberId: string; status: 'PRESENT' | 'ON_LEAVE' | 'ABSENT'; leaveReason: string | null; canVote: boolean }[];
}

const BRANCHES_PER_COMMUNITY = 3;
const MONTHS = 6;
const SILENT_MONTHS = 4;
const topics: Record<string, string> = {
  THEMED_PARTY_DAY: '主题党日：走访困难党员', MEMBERS_MEETING: '支部党员大会：季度工作总结', PARTY_LESSON: '党课：学习党章',
};
const leaveReasons = ['出差', '身体原因', '照顾家人'];

/** How branch i keeps its rhythm: on it, behind, or silent for the last months. */
export function branchRhythm(i: number): 'ON_RHYTHM' | 'BEHIND' | 'SILENT' {
  const slot = i % 10;
  return slot === 9 ? 'SILENT' : slot >= 7 ? 'BEHIND' : 'ON_RHYTHM';
}

/** The community branches' members, by branch: id, whether probationary, and the day they joined. */
function branchRosters(world: World): Map<string, { id: string; probationary: boolean; joinedOn: string }[]> {
  const rosters = new Map<string, { id: string; probationary: boolean; joinedOn: string }[]>();
  for (let i = 0; i < world.shape.communities * BRANCHES_PER_COMMUNITY; i++) rosters.set(worldId('org-branch', i), []);
  for (const chunk of world.memberChunks()) {
    for (const m of chunk) rosters.get(m.organizationId)?.push({ id: m.id, probationary: m.status === 'PROBATIONARY', joinedOn: m.joinedOn });
  }
  return rosters;
}

/** The meetings of every community branch, newest last, generated from the World like the rest of it. */
export function* organizationalLife(world: World): Generator<DemoMeetingRecord> {
  const rosters = branchRosters(world);
  const branches = world.shape.communities * BRANCHES_PER_COMMUNITY;
  let n = 0;
  for (let i = 0; i < branches; i++) {
    const organizationId = worldId('org-branch', i);
    const roster = rosters.get(organizationId)!;
    // The branch secretary (world.positions(): seat 10 + b of the community) hosts.
    const c = Math.floor(i / BRANCHES_PER_COMMUNITY);
    const host = c + (10 + (i % BRANCHES_PER_COMMUNITY)) * world.shape.communities;
    const rhythm = branchRhythm(i);
    const r = random(900_000 + i);
    for (let back = MONTHS; back >= 1; back--) {
      if (rhythm === 'SILENT' && back <= SILENT_MONTHS) continue;
      const month = new Date(Date.UTC(world.today.getUTCFullYear(), world.today.getUTCMonth() - back, 1));
      const types = ['THEMED_PARTY_DAY'];
      if (back % 3 === 0) types.push('MEMBERS_MEETING');
      if (back % 3 === 1 && rhythm !== 'BEHIND') types.push('PARTY_LESSON');
      if (rhythm === 'BEHIND' && back % 2 === 0) types.shift();
      for (const [k, type] of types.entries()) {
        const startsAt = new Date(month.getTime() + (5 + k * 7) * 86_400_000 + 11 * 3_600_000);
        const day = startsAt.toISOString().slice(0, 10);
        const attendance = roster.filter((m) => m.joinedOn <= day).map((m) => {
          const roll = r();
          const status = roll < 0.85 ? 'PRESENT' as const : roll < 0.95 ? 'ON_LEAVE' as const : 'ABSENT' as const;
          return { memberId: m.id, status, leaveReason: status === 'ON_LEAVE' ? leaveReasons[Math.floor(r() * leaveReasons.length)] : null, canVote: !m.probationary };
        });
        yield { id: worldId('meeting', n++), organizationId, type, startsAt, topic: topics[type], place: '社区党群服务中心会议室', hostMemberId: host < world.shape.members ? worldId('member', host) : null, attendance };
      }
    }
  }
}
