import type { Agreement, Commitment } from '../src/entities';
import { checkCommitment, checkProgress, checkValidity, effectiveStatus, reviewYear, sixOnes } from '../src/domain/agreement-rules';
import { checkCompletable, checkMatchable, checkStartable } from '../src/domain/project-rules';

const commitment = (overrides: Partial<Commitment>): Commitment => ({
  id: 'c',
  agreementId: 'a',
  side: 'UNIT',
  position: 1,
  item: '主动为社区办一件实事',
  dueBy: '2026-03-31',
  status: 'PENDING',
  completedOn: null,
  ...overrides,
});

describe('agreement rules', () => {
  it('defaults to the six ones (六个一) of each side, due at the end of the first year', () => {
    const drafts = sixOnes('2026-04-01', '2028-03-31');
    expect(drafts).toHaveLength(12);
    expect(drafts.filter((d) => d.side === 'COMMUNITY').map((d) => d.item)).toContain('召开一次年度共建联席会');
    expect(drafts.filter((d) => d.side === 'UNIT').map((d) => d.item)).toContain('明确一名共建联络员');
    expect(new Set(drafts.map((d) => d.dueBy))).toEqual(new Set(['2027-03-31']));
    expect(sixOnes('2026-04-01', '2026-12-31')[0].dueBy).toBe('2026-12-31');
  });

  it('refuses validity that ends before it starts, has already lapsed, or a signature in the future', () => {
    expect(() => checkValidity({ signedOn: '2026-01-01', validFrom: '2026-01-01', validTo: '2026-01-01' }, '2026-02-01')).toThrow(
      'validTo must be after validFrom',
    );
    expect(() => checkValidity({ signedOn: '2025-01-01', validFrom: '2025-01-01', validTo: '2026-01-31' }, '2026-02-01')).toThrow(
      'already expired',
    );
    expect(() => checkValidity({ signedOn: '2026-03-01', validFrom: '2026-03-01', validTo: '2027-03-01' }, '2026-02-01')).toThrow('future');
  });

  it('keeps commitments due within the agreement', () => {
    expect(() =>
      checkCommitment(
        { side: 'UNIT', item: '建成一个社区共建基地', dueBy: '2029-01-01' },
        { validFrom: '2026-01-01', validTo: '2027-12-31' },
      ),
    ).toThrow('must fall within');
  });

  it('reads an active agreement past its validTo as expired', () => {
    const agreement = { status: 'ACTIVE', validTo: '2026-03-31' } as Agreement;
    expect(effectiveStatus(agreement, '2026-03-31')).toBe('ACTIVE');
    expect(effectiveStatus(agreement, '2026-04-01')).toBe('EXPIRED');
    expect(effectiveStatus({ ...agreement, status: 'TERMINATED' }, '2026-01-01')).toBe('TERMINATED');
  });

  it('moves progress forward only; DONE is final', () => {
    expect(checkProgress(commitment({}), 'IN_PROGRESS')).toBe('IN_PROGRESS');
    expect(checkProgress(commitment({ status: 'IN_PROGRESS' }), 'DONE')).toBe('DONE');
    expect(() => checkProgress(commitment({ status: 'DONE' }), 'IN_PROGRESS')).toThrow('already done');
    expect(() => checkProgress(commitment({}), 'PENDING')).toThrow('IN_PROGRESS or DONE');
  });

  it('reviews a year: commitments due in it, done and open, and the open ones overdue', () => {
    const review = reviewYear(
      [
        commitment({ id: '1', status: 'DONE', completedOn: '2026-02-01' }),
        commitment({ id: '2', status: 'IN_PROGRESS' }),
        commitment({ id: '3', dueBy: '2026-12-31' }),
        commitment({ id: '4', dueBy: '2027-03-31' }),
      ],
      2026,
      '2026-06-01',
    );
    expect(review).toMatchObject({ year: 2026, due: 3, done: 1, open: 2, overdue: 1, completionRate: 0.3333 });
    expect(review.openCommitments.map((c) => c.id)).toEqual(['2', '3']);
    expect(reviewYear([], 2026, '2026-06-01').completionRate).toBeNull();
    expect(() => reviewYear([], 26, '2026-06-01')).toThrow('calendar year');
  });
});

describe('project rules', () => {
  const project = { title: '助餐', status: 'PLANNED' } as Parameters<typeof checkStartable>[0];
  it('starts a planned project once, and completes only an active one', () => {
    expect(() => checkStartable(project)).not.toThrow();
    expect(() => checkStartable({ ...project, status: 'ACTIVE' })).toThrow('already active');
    expect(() => checkCompletable(project)).toThrow('start it first');
    expect(() => checkCompletable({ ...project, status: 'ACTIVE' })).not.toThrow();
    expect(() => checkCompletable({ ...project, status: 'COMPLETED' })).toThrow('already completed');
  });

  it('matches a need until it is resolved', () => {
    expect(() => checkMatchable({ title: '巡逻', status: 'MATCHED' } as Parameters<typeof checkMatchable>[0])).not.toThrow();
    expect(() => checkMatchable({ title: '巡逻', status: 'RESOLVED' } as Parameters<typeof checkMatchable>[0])).toThrow('already resolved');
  });
});
