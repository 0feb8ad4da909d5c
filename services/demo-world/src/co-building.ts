import { SIX_ONES } from '@cpb/kit/core';
import { worldId } from './ids';
import type { ResourceRecord, World } from './world';

/**
 * Co-building (共驻共建) in the demo district: opening hours and bookings of the units' venues,
 * agreements with their "six ones" (六个一), needs matched to resources as projects, and joint
 * meetings. Generated from the world by index, like the rest, so every run gives the same district.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The district's wall clock: UTC+8. */
const LOCAL = 8 * HOUR;

export interface OpeningWindowRecord {
  weekday: string;
  opensAt: string;
  closesAt: string;
}
export interface BookingRecord {
  id: string;
  resourceId: string;
  bookedById: string;
  activityId: string | null;
  purpose: string;
  startsAt: Date;
  endsAt: Date;
  headcount: number;
  status: 'CONFIRMED' | 'CANCELLED';
  cancelledAt: Date | null;
  cancellationReasonCode: 'RESCHEDULED' | null;
}
export interface CommitmentNoteRecord {
  id: string;
  status: 'IN_PROGRESS' | 'DONE';
  note: string;
  recordedOn: string;
}
export interface CommitmentRecord {
  id: string;
  side: 'COMMUNITY' | 'UNIT';
  position: number;
  item: string;
  dueBy: string;
  status: 'PENDING' | 'IN_PROGRESS' | 'DONE';
  completedOn: string | null;
  notes: CommitmentNoteRecord[];
}
export interface AgreementRecord {
  id: string;
  communityId: string;
  communityOrganizationId: string;
  partnerUnitId: string;
  partnerOrganizationId: string | null;
  title: string;
  signedOn: string;
  validFrom: string;
  validTo: string;
  status: 'ACTIVE' | 'EXPIRED' | 'TERMINATED';
  communityLiaisonId: string;
  unitLiaisonId: string;
  terminatedOn: string | null;
  terminationReason: string | null;
  terminationReasonCode: 'UNIT_RELOCATED' | null;
  commitments: CommitmentRecord[];
}
export interface ProjectRecord {
  id: string;
  title: string;
  resourceIds: string[];
  partnerUnitIds: string[];
  status: 'PLANNED' | 'ACTIVE' | 'COMPLETED';
  plannedOn: string;
  startedOn: string | null;
  completedOn: string | null;
  outcome: string | null;
}
export interface NeedRecord {
  id: string;
  communityId: string;
  title: string;
  category: string;
  description: string;
  status: 'OPEN' | 'MATCHED' | 'RESOLVED';
  raisedOn: string;
  resolvedOn: string | null;
  project: ProjectRecord | null;
}
export interface PlanItemRecord {
  item: string;
  leadUnitId: string | null;
  dueBy: string | null;
}
export interface JointMeetingRecord {
  id: string;
  convenerId: string;
  title: string;
  heldOn: string;
  attendingUnitIds: string[];
  resolutions: string[];
  planItems: PlanItemRecord[];
}

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];
/** Venues open into the evening, when most activities happen; facilities keep office hours. */
const VENUE_HOURS: OpeningWindowRecord[] = [
  ...WEEKDAYS.map((weekday) => ({ weekday, opensAt: '08:00', closesAt: '22:00' })),
  { weekday: 'SATURDAY', opensAt: '09:00', closesAt: '22:00' },
  { weekday: 'SUNDAY', opensAt: '09:00', closesAt: '22:00' },
];
const FACILITY_HOURS: OpeningWindowRecord[] = WEEKDAYS.map((weekday) => ({ weekday, opensAt: '08:30', closesAt: '17:30' }));

export function openingHoursFor(kind: string): OpeningWindowRecord[] {
  return kind === 'VENUE' ? VENUE_HOURS : kind === 'FACILITY' ? FACILITY_HOURS : [];
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const localDate = (at: Date) => isoDate(at.getTime() + LOCAL);
const localHours = (at: Date) => ((at.getTime() + LOCAL) % DAY) / HOUR;
const yearOf = (world: World) => world.today.getUTCFullYear();

/** The world's resources grouped by community, in community order (as the world yields them). */
function* resourcesByCommunity(world: World): Generator<{ c: number; resources: ResourceRecord[] }> {
  let c = 0;
  let current: ResourceRecord[] = [];
  let communityId = worldId('community', 0);
  for (const resource of world.resources()) {
    if (resource.communityId !== communityId) {
      yield { c, resources: current };
      c++;
      current = [];
      communityId = resource.communityId;
    }
    current.push(resource);
  }
  if (current.length) yield { c, resources: current };
}

/** A venue booking fits when it starts and ends on one local day within 09:00-22:00 (every day's window). */
function fitsVenueHours(startsAt: Date, endsAt: Date): boolean {
  return (
    localDate(startsAt) === localDate(new Date(endsAt.getTime() - 1)) &&
    localHours(startsAt) >= 9 &&
    localHours(endsAt) <= 22 &&
    localHours(endsAt) > 0
  );
}

/**
 * Bookings: each community's first venue hosts the community's activities that fit its evening
 * hours (all on different days), and every venue and facility has weekday-morning bookings from
 * eight weeks ago to four weeks ahead; one in six of those was cancelled. Never two overlap.
 */
export function* bookings(world: World): Generator<BookingRecord> {
  const today = world.today.getTime();
  // Monday 00:00 local of the current week.
  const monday = today - LOCAL - ((world.today.getUTCDay() + 6) % 7) * DAY;
  let n = 0;
  for (const { c, resources } of resourcesByCommunity(world)) {
    const communityOrg = worldId('org-community', c);
    const venue = resources.find((r) => r.kind === 'VENUE');
    if (venue) {
      for (let a = 0; a < world.shape.activitiesPerCommunity; a++) {
        const activity = world.activity(c, a);
        if (!fitsVenueHours(activity.startsAt, activity.endsAt)) continue;
        yield {
          id: worldId('booking', n++),
          resourceId: venue.id,
          bookedById: activity.organizerId,
          activityId: activity.id,
          purpose: activity.title,
          startsAt: activity.startsAt,
          endsAt: activity.endsAt,
          headcount: Math.min(activity.capacity, venue.capacity ?? activity.capacity),
          status: 'CONFIRMED',
          cancelledAt: null,
          cancellationReasonCode: null,
        };
      }
    }
    const bookable = resources.filter((r) => r.kind === 'VENUE' || r.kind === 'FACILITY');
    for (const [j, resource] of bookable.entries()) {
      const opens = resource.kind === 'VENUE' ? 9.5 : 9;
      for (let w = -8; w <= 4; w++) {
        const startsAt = new Date(monday + (7 * w + (j % 5)) * DAY + opens * HOUR);
        const cancelled = (w + j) % 6 === 0;
        const headcount = resource.kind === 'VENUE' ? Math.min(resource.capacity ?? 20, 12 + (((w + 8) * 5) % 25)) : 8;
        yield {
          id: worldId('booking', n++),
          resourceId: resource.id,
          bookedById: communityOrg,
          activityId: null,
          purpose: resource.kind === 'VENUE' ? '党小组学习会' : '党课培训使用',
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * HOUR),
          headcount,
          status: cancelled ? 'CANCELLED' : 'CONFIRMED',
          cancelledAt: cancelled ? new Date(startsAt.getTime() - 2 * DAY) : null,
          cancellationReasonCode: cancelled ? 'RESCHEDULED' : null,
        };
      }
    }
  }
}

/** The yearly items renewed for an agreement's second year: the joint meeting, the good deed, the activities. */
const YEARLY = [
  { side: 'COMMUNITY', item: SIX_ONES.COMMUNITY[3] },
  { side: 'UNIT', item: SIX_ONES.UNIT[3] },
  { side: 'UNIT', item: SIX_ONES.UNIT[4] },
] as const;

function commitmentsFor(
  agreementIndex: number,
  firstDue: string,
  secondDue: string | null,
  today: string,
  allDone: boolean,
): CommitmentRecord[] {
  const items = [
    ...(['COMMUNITY', 'UNIT'] as const).flatMap((side) => SIX_ONES[side].map((item) => ({ side, item, dueBy: firstDue }))),
    ...(secondDue ? YEARLY.map((y) => ({ side: y.side, item: y.item, dueBy: secondDue })) : []),
  ];
  return items.map((draft, i) => {
    const roll = (agreementIndex * 7 + i * 3) % 10;
    // First-year items are mostly done; second-year items mostly under way.
    const status = allDone
      ? 'DONE'
      : draft.dueBy === firstDue
        ? roll < 8
          ? 'DONE'
          : roll < 9
            ? 'IN_PROGRESS'
            : 'PENDING'
        : roll < 3
          ? 'IN_PROGRESS'
          : 'PENDING';
    const noteOn =
      status === 'DONE'
        ? draft.dueBy < today
          ? isoDate(Date.parse(draft.dueBy) - 20 * DAY)
          : today
        : isoDate(Date.parse(today) - 10 * DAY);
    const id = worldId('commitment', agreementIndex * 20 + i);
    const notes: CommitmentNoteRecord[] =
      status === 'PENDING'
        ? []
        : [
            {
              id: worldId('commitment-note', agreementIndex * 20 + i),
              status,
              note: status === 'DONE' ? `已完成：${draft.item}` : `正在推进：${draft.item}`,
              recordedOn: noteOn,
            },
          ];
    return {
      id,
      side: draft.side,
      position: i + 1,
      item: draft.item,
      dueBy: draft.dueBy,
      status,
      completedOn: status === 'DONE' ? noteOn : null,
      notes,
    };
  });
}

/**
 * Agreements: every unit with its own Party organisation, and every other unit without one, has an
 * active two-year agreement with its community; every third organised unit also had an earlier one
 * that expired, one unit in eleven terminated its agreement instead, and another one in eleven has
 * one ending 45 days from today (up for renewal).
 */
export function* agreements(world: World): Generator<AgreementRecord> {
  const y = yearOf(world);
  const today = isoDate(world.today.getTime());
  const perCommunityMembers = Math.floor(world.shape.members / world.shape.communities);
  let i = 0;
  for (const unit of world.residentUnits()) {
    const c = Math.floor(i / world.shape.unitsPerCommunity);
    const u = i % world.shape.unitsPerCommunity;
    const organised = world.unitHasOrganization(c, u);
    const base = {
      communityId: unit.communityId,
      communityOrganizationId: worldId('org-community', c),
      partnerUnitId: unit.id,
      partnerOrganizationId: unit.organizationId,
      communityLiaisonId: worldId('member', c),
      unitLiaisonId: worldId('member', c + ((1 + u) % perCommunityMembers) * world.shape.communities),
      terminatedOn: null,
      terminationReason: null,
      terminationReasonCode: null,
    };
    if (organised && u % 3 === 0) {
      yield {
        ...base,
        id: worldId('agreement', i * 3 + 1),
        title: `${unit.name}与社区结对共建协议（${y - 4}-${y - 2}）`,
        signedOn: `${y - 4}-03-01`,
        validFrom: `${y - 4}-04-01`,
        validTo: `${y - 2}-03-31`,
        status: 'EXPIRED',
        commitments: commitmentsFor(i * 3 + 1, `${y - 3}-03-31`, null, today, true),
      };
    }
    if (i % 11 === 5) {
      yield {
        ...base,
        id: worldId('agreement', i * 3 + 2),
        title: `${unit.name}与社区结对共建协议`,
        signedOn: `${y - 2}-06-01`,
        validFrom: `${y - 2}-06-01`,
        validTo: `${y + 1}-05-31`,
        status: 'TERMINATED',
        terminatedOn: `${y - 1}-12-20`,
        terminationReason: '单位搬离本社区',
        terminationReasonCode: 'UNIT_RELOCATED' as const,
        commitments: commitmentsFor(i * 3 + 2, `${y - 1}-05-31`, null, today, false),
      };
    } else if (i % 11 === 8) {
      // Up for renewal: two years ending 45 days from the demo's today (the secretary's "expiring within 60 days").
      const validTo = isoDate(Date.parse(today) + 45 * DAY);
      const validFrom = isoDate(Date.parse(validTo) - 729 * DAY);
      yield {
        ...base,
        id: worldId('agreement', i * 3),
        title: `${unit.name}与社区结对共建协议`,
        signedOn: validFrom,
        validFrom,
        validTo,
        status: 'ACTIVE',
        commitments: commitmentsFor(i * 3, isoDate(Date.parse(validFrom) + 364 * DAY), validTo, today, false),
      };
    } else if (organised || u % 2 === 0) {
      yield {
        ...base,
        id: worldId('agreement', i * 3),
        title: `${unit.name}与社区结对共建协议`,
        signedOn: `${y - 1}-03-15`,
        validFrom: `${y - 1}-04-01`,
        validTo: `${y + 1}-03-31`,
        status: 'ACTIVE',
        commitments: commitmentsFor(i * 3, `${y}-03-31`, `${y + 1}-03-31`, today, false),
      };
    }
    i++;
  }
}

const NEEDS = [
  { category: 'ELDERLY_CARE', title: '独居老人助餐服务', kind: 'SERVICE' },
  { category: 'CHILDREN_YOUTH', title: '双职工子女暑期托管', kind: 'VENUE' },
  { category: 'EMPLOYMENT', title: '失业人员再就业岗位', kind: 'JOBS' },
  { category: 'HEALTH', title: '慢性病老人定期义诊', kind: 'EXPERT' },
  { category: 'LEGAL_AID', title: '邻里纠纷法律咨询', kind: 'EXPERT' },
  { category: 'ENVIRONMENT', title: '老旧小区环境整治', kind: 'FUNDING' },
  { category: 'CULTURE_EDUCATION', title: '社区文艺团队排练场地', kind: 'VENUE' },
  { category: 'SAFETY', title: '夜间治安巡逻', kind: 'SERVICE' },
  { category: 'HARDSHIP_ASSISTANCE', title: '困难家庭家电维修', kind: 'SERVICE' },
] as const;
const NEEDS_PER_COMMUNITY = 6;

/**
 * Six needs per community, the three lists joined: two still open, two matched to a project (one
 * planned, one under way), two resolved by a completed project, each drawing on a fitting resource.
 */
export function* needs(world: World): Generator<NeedRecord> {
  const today = world.today.getTime();
  for (const { c, resources } of resourcesByCommunity(world)) {
    for (let k = 0; k < NEEDS_PER_COMMUNITY; k++) {
      const template = NEEDS[(c + k) % NEEDS.length];
      const index = c * NEEDS_PER_COMMUNITY + k;
      const raised = today - (k + 1) * 30 * DAY;
      const status = k < 2 ? 'OPEN' : k < 4 ? 'MATCHED' : 'RESOLVED';
      const resource = resources.find((r) => r.kind === template.kind) ?? resources[k % resources.length];
      const projectStatus = k === 2 ? 'PLANNED' : k === 3 ? 'ACTIVE' : 'COMPLETED';
      const completedOn = status === 'RESOLVED' ? isoDate(raised + 28 * DAY) : null;
      const project: ProjectRecord | null =
        status === 'OPEN' || !resource
          ? null
          : {
              id: worldId('project', index),
              title: `${template.title}项目`,
              resourceIds: [resource.id],
              partnerUnitIds: [resource.providerId],
              status: projectStatus,
              plannedOn: isoDate(raised + 7 * DAY),
              startedOn: projectStatus === 'PLANNED' ? null : isoDate(raised + 14 * DAY),
              completedOn,
              outcome: completedOn ? `${template.title}已落实，居民反映良好` : null,
            };
      yield {
        id: worldId('need', index),
        communityId: worldId('community', c),
        title: template.title,
        category: template.category,
        description: `居民反映：${template.title}`,
        status: project ? status : 'OPEN',
        raisedOn: isoDate(raised),
        resolvedOn: project ? completedOn : null,
        project,
      };
    }
  }
}

const RESOLUTIONS = [
  '审议通过年度社区党建工作计划',
  '街道党工委通报上半年党建工作情况',
  '成员单位交流共驻共建经验',
  '确定年度共建实事项目',
];
const PLAN = ['开展"七一"党员奉献日活动', '联合举办社区运动会', '组织党员志愿者服务队进社区', '开放单位场地用于党员教育'];

function meeting(id: string, convenerId: string, title: string, heldOn: string, units: string[], year: number): JointMeetingRecord {
  return {
    id,
    convenerId,
    title,
    heldOn,
    attendingUnitIds: units,
    resolutions: RESOLUTIONS.slice(0, 2 + (year % 3)),
    planItems: PLAN.map((item, k) => ({
      item,
      leadUnitId: units[(k * 7) % units.length] ?? null,
      dueBy: `${year}-${String(6 + k * 2).padStart(2, '0')}-30`,
    })),
  };
}

/**
 * Joint meetings: each street's meeting with the units of its communities every March of the past
 * two years (and this year once March has come), and each community's own meeting last September.
 */
export function* jointMeetings(world: World): Generator<JointMeetingRecord> {
  const y = yearOf(world);
  const today = isoDate(world.today.getTime());
  const unitsOf = new Map<string, string[]>();
  for (const unit of world.residentUnits()) unitsOf.set(unit.communityId, [...(unitsOf.get(unit.communityId) ?? []), unit.id]);
  const communities = [...world.communities()];
  let s = 0;
  for (const street of world.streets()) {
    const units = communities.filter((c) => c.streetId === street.id).flatMap((c) => unitsOf.get(c.id) ?? []);
    for (const year of [y - 2, y - 1, y]) {
      const heldOn = `${year}-03-10`;
      if (heldOn > today || !units.length) continue;
      yield meeting(
        worldId('joint-meeting', s * 10_000 + year),
        street.committeeId,
        `${street.name}${year}年社区党建联席会议`,
        heldOn,
        units,
        year,
      );
    }
    s++;
  }
  for (const [c, community] of communities.entries()) {
    const units = unitsOf.get(community.id) ?? [];
    if (units.length)
      yield meeting(
        worldId('community-meeting', c),
        community.organizationId,
        `${community.name}${y - 1}年共建联席会`,
        `${y - 1}-09-20`,
        units,
        y - 1,
      );
  }
}
