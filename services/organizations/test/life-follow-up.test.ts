import { behindRanking, afterStanding, keyOfStanding } from '../src/domain/life-ranking';
import { defaultRhythms } from '../src/domain/meeting-types';
import { duesFactsWithin, flagCounts, sixMonthFlags } from '../src/domain/six-month-flags';
import type { RankedOrganization } from '../src/data/life-reads';

const period = { from: '2025-01-01', to: '2025-12-31', start: new Date('2024-12-31T16:00:00Z'), end: new Date('2025-12-31T16:00:00Z') };
const branch = (id: string, name: string, kind: RankedOrganization['kind'] = 'BRANCH'): RankedOrganization => ({
  rootId: 'root',
  id,
  name,
  kind,
  establishedOn: '2020-01-01',
  hasCommittee: false,
});
const monthly = (organizationId: string, type: string, months: number[]) =>
  months.map((m) => ({ organizationId, type: type as never, day: `2025-${String(m).padStart(2, '0')}-10`, n: 1 }));
const all = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

describe('the ranking of a subtree behind the rhythm', () => {
  const held = [
    ...monthly('a', 'THEMED_PARTY_DAY', all),
    ...monthly('a', 'MEMBERS_MEETING', [2, 5, 8, 11]),
    ...monthly('a', 'PARTY_LESSON', [1, 4, 7, 10]),
    ...monthly('a', 'ORGANIZATIONAL_LIFE_MEETING', [1]),
    ...monthly('a', 'DEMOCRATIC_APPRAISAL', [3]),
    ...monthly('b', 'THEMED_PARTY_DAY', [1, 2, 3]),
    ...monthly('c', 'THEMED_PARTY_DAY', all),
    ...monthly('g', 'PARTY_GROUP_MEETING', all),
  ];
  const organizations = [
    branch('a', '甲支部'),
    branch('b', '乙支部'),
    branch('c', '丙支部'),
    branch('g', '丁党小组', 'PARTY_GROUP'),
    branch('w', '街道党工委', 'WORKING_COMMITTEE'),
  ];

  it('weighs every organisation holding some type, leaves out those on rhythm, puts the furthest behind first', () => {
    const { weighed, behind } = behindRanking(organizations, held, defaultRhythms, period, '2026-06-01');
    expect(weighed).toBe(5);
    expect(behind.map((s) => [s.rank, s.organization.id, s.overdue])).toEqual([
      [1, 'b', 9 + 4 + 4 + 2],
      [2, 'w', 12],
      [3, 'c', 10],
    ]);
    expect(behind[0]).toMatchObject({ due: 22, held: 3 });
  });

  it('follows the district rhythm and pages after a cursor position', () => {
    const { behind } = behindRanking(organizations, held, { ...defaultRhythms, THEMED_PARTY_DAY: 12 }, period, '2026-06-01');
    expect(behind.find((s) => s.organization.id === 'c')!.overdue).toBe(10);
    expect(behind.find((s) => s.organization.id === 'b')!.overdue).toBe(10);
    const after = afterStanding(behind, keyOfStanding(behind[0]));
    expect(after.map((s) => s.organization.id)).toEqual(behind.slice(1).map((s) => s.organization.id));
  });
});

describe('the six-month list', () => {
  const absences = [
    { rootId: 'b', memberId: 'm3', since: '2026-01-01', months: 7 },
    { rootId: 'b', memberId: 'm1', since: '2026-02-01', months: 6 },
    { rootId: 'b', memberId: 'gone', since: '2026-01-01', months: 9 },
  ];
  const dues = {
    held: ['m1', 'm3'],
    longArrears: [
      { memberId: 'm2', since: '2025-05', months: 6 },
      { memberId: 'm3', since: '2025-01', months: 12 },
    ],
  };

  it('names each member once by id with their reasons, leaving out those the branch no longer holds', () => {
    expect(sixMonthFlags(absences, dues)).toEqual([
      { memberId: 'm1', reasons: ['ORGANIZATIONAL_LIFE'], absentSince: '2026-02', absentMonths: 6, unpaidSince: null, unpaidMonths: null },
      { memberId: 'm2', reasons: ['DUES'], absentSince: null, absentMonths: null, unpaidSince: '2025-05', unpaidMonths: 6 },
      {
        memberId: 'm3',
        reasons: ['ORGANIZATIONAL_LIFE', 'DUES'],
        absentSince: '2026-01',
        absentMonths: 7,
        unpaidSince: '2025-01',
        unpaidMonths: 12,
      },
    ]);
    expect(flagCounts(sixMonthFlags(absences, dues))).toEqual({ organizationalLife: 2, dues: 2, both: 1 });
  });

  it("splits the facts asked for a list's organisations at once: each subtree keeps the members its organisations hold", () => {
    const organizationOf = new Map([
      ['m1', 'b'],
      ['m2', 'c'],
      ['m3', 'b-group'],
      ['m9', 'elsewhere'],
    ]);
    const asked = { held: ['m1', 'm3', 'm9'], longArrears: [...dues.longArrears, { memberId: 'm9', since: '2025-01', months: 8 }] };
    expect(duesFactsWithin(asked, new Set(['b', 'b-group']), organizationOf)).toEqual({
      held: ['m1', 'm3'],
      longArrears: [dues.longArrears[1]],
    });
    expect(duesFactsWithin(asked, new Set(['c']), organizationOf)).toEqual({ held: [], longArrears: [dues.longArrears[0]] });
    // A member no longer found anywhere counts for no subtree.
    expect(duesFactsWithin(asked, new Set(['b']), new Map())).toEqual({ held: [], longArrears: [] });
  });
});
