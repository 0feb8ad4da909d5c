import { randomUUID } from 'node:crypto';
import {
  addDays,
  addMonths,
  check,
  ConflictError,
  loadExisting,
  msg,
  NotFoundError,
  today,
  translateConstraint,
  useCase,
  ValidationError,
} from '@cpb/kit';
import { AgreementStore } from '../data/agreement-store';
import type { Agreement, Commitment } from '../entities';
import { agreementEvents } from '../events';
import { expireAgreements } from './agreement-expiry';
import { effectiveStatus } from './agreement-rules';
import { memberNames } from './peer-facts';
import type { Services } from './services';

export interface RenewAgreementArgs {
  id: string;
  validTo: string;
  /** Default: the renewed agreement's title. */
  title?: string | null;
}

/** Calendar months from one day's month to another's (YYYY-MM-DD), e.g. 2025-04-01 → 2027-04-01 is 24. */
const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));

/**
 * The new period of a renewal: it follows the old one without a gap while the old one is in force, or
 * starts today when the old one has already lapsed; it ends on `validTo`, after it begins.
 */
export function renewalPeriod(old: Pick<Agreement, 'validTo'>, validTo: string, on: string): { validFrom: string; validTo: string } {
  const next = addDays(old.validTo, 1);
  const validFrom = next > on ? next : on;
  if (validTo <= validFrom) throw new ValidationError('validTo', msg('agreement.renewalEnds', { validTo, validFrom }));
  return { validFrom, validTo };
}

/**
 * The same commitments, due again in the new period: each due date moves by as many calendar months as
 * the period's start does (31 March stays 31 March), and stays within the period.
 */
export function carriedCommitments(
  old: readonly Commitment[],
  from: Pick<Agreement, 'validFrom'>,
  period: { validFrom: string; validTo: string },
  agreementId: string,
): Commitment[] {
  const shift = monthsBetween(from.validFrom, period.validFrom);
  return old.map((c, i) => {
    const moved = addMonths(c.dueBy, shift);
    const dueBy = moved < period.validFrom ? period.validFrom : moved > period.validTo ? period.validTo : moved;
    return { id: randomUUID(), agreementId, position: i + 1, side: c.side, item: c.item, dueBy, status: 'PENDING', completedOn: null };
  });
}

/**
 * Renews a co-building agreement (续签): a new agreement of the same pair, liaisons and commitments for a
 * new period. Renewed while in force, the old one becomes RENEWED (in force until its validTo, its
 * renewal the pair's ACTIVE one); lapsed, it is marked EXPIRED first (with its event) and stays so. A
 * terminated agreement is not renewed, and an agreement is renewed once (a unique key in the database).
 */
export const renewAgreement = useCase({
  async authorize(services: Services, args: RenewAgreementArgs) {
    const agreement = await services.policy.communityRecord('renewAgreement', () =>
      loadExisting(services.loaders.agreement, 'Agreement', args.id, 'id'),
    );
    const validTo = check.isoDate('validTo', args.validTo);
    const title = args.title == null ? null : check.name('title', args.title, 100);
    return { id: agreement.id, validTo, title, liaisonIds: [agreement.communityLiaisonId, agreement.unitLiaisonId] };
  },
  async gather({ peers }: Services, renewal) {
    // Commitment items may name the liaisons: their names go with the events for the kit to scrub.
    return { ...renewal, liaisons: await memberNames(peers, renewal.liaisonIds) };
  },
  async change({ tx, outbox }, { id, validTo, title, liaisons }) {
    const on = today();
    const store = new AgreementStore(tx);
    const old = await store.lock(id);
    if (!old) throw new NotFoundError('Agreement', id, 'id');
    if (old.status === 'TERMINATED') throw new ConflictError(msg('agreement.renewTerminated', { title: old.title }));
    if (old.status === 'RENEWED' || (await store.renewalOf(old.id)))
      throw new ConflictError(msg('agreement.alreadyRenewed', { title: old.title }));
    const inForce = effectiveStatus(old, on) === 'ACTIVE';
    // A lapsed agreement of the pair is marked expired (and says so) before its renewal takes the pair's ACTIVE place.
    await expireAgreements({ tx, outbox }, on, { pair: { communityId: old.communityId, partnerUnitId: old.partnerUnitId } });
    if (inForce) await store.markRenewed(old.id);
    const period = renewalPeriod(old, validTo, on);
    const renewal: Agreement = {
      ...old,
      id: randomUUID(),
      title: title ?? old.title,
      signedOn: on,
      ...period,
      status: 'ACTIVE',
      renewsId: old.id,
      terminatedOn: null,
      terminationReason: null,
      terminationReasonCode: null,
    };
    const commitments = carriedCommitments(await store.commitmentsOf(old.id), old, period, renewal.id);
    await store.insert(renewal).catch((error: unknown) =>
      translateConstraint(error, {
        agreement_renewed_once: () => new ConflictError(msg('agreement.alreadyRenewed', { title: old.title })),
        agreement_one_active_per_pair_idx: () => new ConflictError(msg('agreement.pairHasActive', { title: old.title })),
      }),
    );
    if (commitments.length) await store.insertCommitments(commitments);
    await outbox.emit(
      agreementEvents.renewed(renewal, old, commitments.length),
      ...commitments.map((c) => agreementEvents.commitmentAdded(c, liaisons)),
    );
    return renewal;
  },
});
