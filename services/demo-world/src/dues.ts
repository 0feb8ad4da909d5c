import { pick, random, worldId } from './ids';
import type { MemberRecord } from './world';

/**
 * Party dues (党费) in the demo district: what each member declared and how they pay. The members service
 * computes the months and amounts from it by the 2008 rates (its own rules), so only the plan lives here:
 * most members declared a base and paid up to last month (monthly or by the quarter); about one in
 * fifteen owes three to five months; one member in 300 (members 6, 306, ...: community 0) owes seven, so the
 * six-month flag shows; one in twelve has not declared yet.
 */
export interface DuesPlanRecord {
  memberId: string;
  basis: 'EMPLOYED' | 'RETIRED' | 'LAID_OFF' | 'FARMER';
  /** Monthly after-tax income or pension, or a farmer's amount, in fen; none for flat rates. */
  baseFen: number | null;
  /** The months before this one left unpaid (the latest ones). */
  monthsOwing: number;
  /** Paid this month already (only members owing nothing). */
  paidThisMonth: boolean;
  /** Months each payment covers: 1 (monthly) or 3 (by the quarter). */
  monthsPerPayment: number;
  channel: string;
}

/** How far back the dues history goes: this month and the 11 before it. */
export const DUES_HISTORY_MONTHS = 12;
const LONG_ARREARS_EVERY = 300;
const channels = ['WECHAT', 'WECHAT', 'ALIPAY', 'CASH', 'BANK_TRANSFER', 'PAYROLL'];

/** Stable ids of member m's bases (k = 0 last year, 1 this year) and payments (k-th of the member). */
export const duesBaseId = (m: number, k: number) => worldId('dues-base', m * 2 + k);
export const duesPaymentId = (m: number, k: number) => worldId('dues-payment', m * 40 + k);

/** Member m's dues plan, or null when they have not declared a base. */
export function duesPlanOf(m: number, member: MemberRecord): DuesPlanRecord | null {
  const r = random(9_000_007 + m);
  if (r() < 0.08 && m % LONG_ARREARS_EVERY !== 6 && m !== 12) return null;
  /** A monthly amount between `from` and `to` yuan, to ten yuan, in fen. */
  const income = (from: number, to: number) => Math.round((from + r() * (to - from)) / 10) * 1000;
  const basis: DuesPlanRecord['basis'] =
    member.category === 'RETIRED'
      ? 'RETIRED'
      : member.category === 'UNEMPLOYED'
        ? 'LAID_OFF'
        : member.category === 'OTHER'
          ? 'FARMER'
          : 'EMPLOYED';
  const baseFen =
    basis === 'EMPLOYED'
      ? income(2500, 16_000)
      : basis === 'RETIRED'
        ? income(2500, 8000)
        : basis === 'FARMER'
          ? 20 + 10 * Math.floor(r() * 9)
          : null;
  const roll = r();
  const monthsOwing = m % LONG_ARREARS_EVERY === 6 ? 7 : roll < 0.065 ? 3 + Math.floor(r() * 3) : roll < 0.15 ? 1 : 0;
  return {
    memberId: member.id,
    basis,
    baseFen,
    monthsOwing,
    paidThisMonth: monthsOwing === 0 && r() < 0.4,
    monthsPerPayment: r() < 0.7 ? 1 : 3,
    channel: pick(channels, r()),
  };
}
