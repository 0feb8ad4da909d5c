import type { Commitment } from '../src/entities';
import { carriedCommitments, renewalPeriod } from '../src/domain/agreement-renewal';

const commitment = (dueBy: string, i: number): Commitment => ({
  id: `c${i}`,
  agreementId: 'old',
  side: 'UNIT',
  position: i,
  item: `事项${i}`,
  dueBy,
  status: 'DONE',
  completedOn: dueBy,
});

describe('agreement renewal (续签)', () => {
  it('follows an agreement in force without a gap, and starts today after a lapse', () => {
    expect(renewalPeriod({ validTo: '2027-03-31' }, '2029-03-31', '2026-12-02')).toEqual({
      validFrom: '2027-04-01',
      validTo: '2029-03-31',
    });
    expect(renewalPeriod({ validTo: '2026-10-31' }, '2028-10-31', '2026-12-02')).toEqual({
      validFrom: '2026-12-02',
      validTo: '2028-10-31',
    });
  });

  it('refuses an end not after the new start (BAD_USER_INPUT on validTo)', () => {
    expect(() => renewalPeriod({ validTo: '2027-03-31' }, '2027-04-01', '2026-12-02')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'validTo' }),
    );
  });

  it('carries the commitments over, due again as many months into the new period as they were into the old one, within it, PENDING', () => {
    const old = [commitment('2026-03-31', 1), commitment('2027-03-31', 2)];
    const carried = carriedCommitments(old, { validFrom: '2025-04-01' }, { validFrom: '2027-04-01', validTo: '2028-03-31' }, 'new');
    expect(carried.map((c) => [c.agreementId, c.position, c.side, c.item, c.dueBy, c.status, c.completedOn])).toEqual([
      ['new', 1, 'UNIT', '事项1', '2028-03-31', 'PENDING', null],
      ['new', 2, 'UNIT', '事项2', '2028-03-31', 'PENDING', null],
    ]);
    const lapsed = carriedCommitments(
      [commitment('2025-10-31', 1)],
      { validFrom: '2024-11-01' },
      { validFrom: '2026-12-02', validTo: '2028-12-01' },
      'new',
    );
    expect(lapsed[0].dueBy).toBe('2027-11-30');
    expect(new Set(carried.map((c) => c.id)).size).toBe(2);
  });
});
