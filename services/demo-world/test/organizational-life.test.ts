import { World, branchRhythm, organizationalLife, worldId } from '../src';

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

  it("takes attendance of the branch's members on the day only, leave always with a reason", () => {
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
