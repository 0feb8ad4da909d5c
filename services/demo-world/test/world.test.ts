import { World, idCheckDigit, worldShape } from '../src';

describe('the demo world', () => {
  it('computes the GB 11643 check digit', () => {
    // A published sample number: 11010519491231002X.
    expect(idCheckDigit('11010519491231002')).toBe('X');
  });

  it('is the same district every time, so services seeded separately agree', () => {
    const a = new World(600, new Date('2026-06-01'));
    const b = new World(600, new Date('2026-06-01'));
    expect(a.member(42)).toEqual(b.member(42));
    expect([...a.organizations()].length).toBe([...b.organizations()].length);
  });

  it('gives every member a valid ID number, an adult join date and an organisation that exists', () => {
    const world = new World(600, new Date('2026-06-01'));
    const organizations = new Set([...world.organizations()].map((o) => o.id));
    for (const chunk of world.memberChunks()) {
      for (const m of chunk) {
        expect(m.idNumber.slice(17)).toBe(idCheckDigit(m.idNumber.slice(0, 17)));
        expect(organizations.has(m.organizationId)).toBe(true);
        const eighteenth = new Date(m.birthDate);
        eighteenth.setUTCFullYear(eighteenth.getUTCFullYear() + 18);
        expect(new Date(m.joinedOn).getTime()).toBeGreaterThanOrEqual(eighteenth.getTime());
      }
    }
  });

  it('scales to a district: 300,000 members give about a million participations', () => {
    const shape = worldShape(300_000);
    const participations = shape.communities * (shape.activitiesPerCommunity - 3) * shape.participantsPerActivity;
    expect(shape.communities).toBe(300);
    expect(participations).toBeGreaterThan(950_000);
    expect(participations).toBeLessThan(1_100_000);
  });
});
