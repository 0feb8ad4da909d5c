import { World, branchRhythm, chronicallyAbsent, organizationalLife, worldId } from '../src';

describe("the demo district's organisational life", () => {
  const world = new World(600, new Date('2026-06-15'));
  const meetings = [...organizationalLife(world)];
  const branches = world.shape.communities * 3;

  it('spreads the branches: most on rhythm, some behind, one in ten silent', () => {
    const rhythms = Array.from({ length: 10 }, (_, i) => branchRhythm(i));
    expect(rhythms.filter((r) => r === 'ON_RHYTHM')).toHaveLength(7);
    expect(rhythms.filter((r) => r === 'BEHIND')).toHaveLength(2);
    expect(rhythms.filter((r) => r === 'SILENT')).toHaveLength(1);
  });

  it('holds every meeting in the past six months, a silent branch none in the last four, each once per type and start', () => {
    const cutoff = Date.UTC(2026, 1, 1);
    for (const m of meetings) expect(m.startsAt.getTime()).toBeLessThan(Date.UTC(2026, 5, 1));
    for (let i = 0; i < branches; i++) {
      const own = meetings.filter((m) => m.organizationId === worldId('org-branch', i));
      expect(own.length).toBeGreaterThan(0);
      if (branchRhythm(i) === 'SILENT') expect(own.filter((m) => m.startsAt.getTime() >= cutoff)).toEqual([]);
      else expect(own.some((m) => m.startsAt.getTime() >= Date.UTC(2026, 4, 1))).toBe(true);
    }
    expect(new Set(meetings.map((m) => `${m.organizationId} ${m.type} ${m.startsAt.toISOString()}`)).size).toBe(meetings.length);
  });

  it('spreads every kind that meets, not only community branches: committees, groups, migrant and unit branches, some silent', () => {
    const organizations = [...world.organizations()];
    const meetingOrganizations = new Set(meetings.map((m) => m.organizationId));
    const kinds = new Set(organizations.filter((o) => meetingOrganizations.has(o.id)).map((o) => `${o.kind} ${o.scope}`));
    for (const kind of ['BRANCH COMMUNITY', 'BRANCH MIGRANT', 'PARTY_GROUP COMMUNITY', 'WORKING_COMMITTEE STREET'])
      expect(kinds).toContain(kind);
    expect([...kinds].some((k) => /^BRANCH (RESIDENT_UNIT|NON_PUBLIC_ENTERPRISE|SOCIAL_ORGANIZATION)$/.test(k))).toBe(true);
    const lastMonths = Date.UTC(2026, 1, 1);
    const silent = organizations.filter(
      (o) => meetingOrganizations.has(o.id) && !meetings.some((m) => m.organizationId === o.id && m.startsAt.getTime() >= lastMonths),
    );
    expect(silent.some((o) => o.scope !== 'COMMUNITY' || o.kind !== 'BRANCH')).toBe(true);
    expect(silent.length / meetingOrganizations.size).toBeGreaterThan(0.05);
    expect(silent.length / meetingOrganizations.size).toBeLessThan(0.2);
    expect(new Set(meetings.map((m) => m.type))).toEqual(
      new Set(['THEMED_PARTY_DAY', 'MEMBERS_MEETING', 'PARTY_LESSON', 'COMMITTEE_MEETING', 'PARTY_GROUP_MEETING']),
    );
  });

  it('has members 6 and 306 of community 0 (also owing seven months of dues) absent from every meeting of their on-rhythm branches', () => {
    for (const m of [6, 306]) {
      expect(chronicallyAbsent(m)).toBe(true);
      const id = worldId('member', m);
      const theirs = meetings.filter((meeting) => meeting.attendance.some((a) => a.memberId === id));
      expect(new Set(theirs.map((meeting) => meeting.startsAt.toISOString().slice(0, 7))).size).toBe(6);
      expect(theirs.every((meeting) => meeting.attendance.find((a) => a.memberId === id)!.status === 'ABSENT')).toBe(true);
    }
  });

  it("takes attendance of the organisation's members on the day only, leave always with a reason", () => {
    const members = new Map<string, { organizationId: string; joinedOn: string }>();
    for (const chunk of world.memberChunks()) for (const m of chunk) members.set(m.id, m);
    for (const meeting of meetings) {
      for (const a of meeting.attendance) {
        expect(members.get(a.memberId)!.organizationId).toBe(meeting.organizationId);
        expect(members.get(a.memberId)!.joinedOn <= meeting.startsAt.toISOString().slice(0, 10)).toBe(true);
        expect(a.leaveReason !== null).toBe(a.status === 'ON_LEAVE');
      }
    }
    const statuses = meetings.flatMap((m) => m.attendance.map((a) => a.status));
    expect(statuses.filter((s) => s === 'PRESENT').length / statuses.length).toBeGreaterThan(0.7);
    expect(statuses).toContain('ON_LEAVE');
    expect(statuses).toContain('ABSENT');
  });
});
