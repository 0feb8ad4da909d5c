import { groupedLoader, keyedLoader, type Page, pagedLoader, perArguments, valueLoader, type SortKey } from '@cpb/kit';
import type { AgreementRepository } from './data/agreement-repository';
import type { BookingRepository } from './data/booking-repository';
import type { CoBuildingRepository, CoBuildingSummary } from './data/co-building-repository';
import type { MeetingRepository } from './data/meeting-repository';
import type { NeedRepository } from './data/need-repository';
import type { ResourceRepository } from './data/resource-repository';
import type { AgreementStatus, NeedStatus } from './entities';
import type { Period } from './domain/periods';

export interface Repositories {
  resources: ResourceRepository;
  bookings: BookingRepository;
  agreements: AgreementRepository;
  needs: NeedRepository;
  meetings: MeetingRepository;
  coBuilding: CoBuildingRepository;
}

const noCoBuilding: CoBuildingSummary = { activeAgreements: 0, openNeeds: 0, activeProjects: 0, resources: 0 };

/** Per-request DataLoaders: every reference and nested list is one batched query per level. */
export function createLoaders(repos: Repositories, today: string) {
  return {
    resource: keyedLoader(
      (ids: readonly string[]) => repos.resources.byIds(ids),
      (r) => r.id,
    ),
    resourcesByProvider: groupedLoader(
      (ids: readonly string[]) => repos.resources.availableByProviders(ids),
      (r) => r.providerId,
    ),
    booking: keyedLoader(
      (ids: readonly string[]) => repos.bookings.byIds(ids),
      (b) => b.id,
    ),
    bookingsOfResource: perArguments((args: { period: Period; includeCancelled: boolean }) =>
      groupedLoader(
        (ids: readonly string[]) => repos.bookings.forResources(ids, args.period, args.includeCancelled),
        (b) => b.resourceId,
      ),
    ),
    bookedSeconds: perArguments((period: Period) => valueLoader((ids: readonly string[]) => repos.bookings.bookedSeconds(ids, period), 0)),
    agreement: keyedLoader(
      (ids: readonly string[]) => repos.agreements.byIds(ids),
      (a) => a.id,
    ),
    agreementsOfUnit: perArguments((status: AgreementStatus | null) =>
      groupedLoader(
        (ids: readonly string[]) => repos.agreements.byPartnerUnits(ids, status, today),
        (a) => a.partnerUnitId,
      ),
    ),
    agreementsOfCommunity: perArguments((status: AgreementStatus | null) =>
      groupedLoader(
        (ids: readonly string[]) => repos.agreements.byCommunities(ids, status, today),
        (a) => a.communityId,
      ),
    ),
    agreementsOfOrganization: perArguments((status: AgreementStatus | null) =>
      groupedLoader(
        (ids: readonly string[]) => repos.agreements.byOrganizations(ids, status, today),
        (k) => k.key,
      ),
    ),
    renewalOfAgreement: keyedLoader(
      (ids: readonly string[]) => repos.agreements.renewalsOf(ids),
      (a) => a.renewsId!,
    ),
    commitment: keyedLoader(
      (ids: readonly string[]) => repos.agreements.commitmentsByIds(ids),
      (c) => c.id,
    ),
    commitmentsOfAgreement: groupedLoader(
      (ids: readonly string[]) => repos.agreements.commitmentsOf(ids),
      (c) => c.agreementId,
    ),
    notesOfCommitment: groupedLoader(
      (ids: readonly string[]) => repos.agreements.notesOf(ids),
      (n) => n.commitmentId,
    ),
    need: keyedLoader(
      (ids: readonly string[]) => repos.needs.needsByIds(ids),
      (n) => n.id,
    ),
    needsOfCommunity: perArguments((status: NeedStatus | null) =>
      pagedLoader(
        (ids: readonly string[], page: Page<SortKey>) => repos.needs.communityPages(ids, status, page),
        (n) => n.communityId,
        (n): SortKey => [n.raisedOn, n.id],
      ),
    ),
    project: keyedLoader(
      (ids: readonly string[]) => repos.needs.projectsByIds(ids),
      (p) => p.id,
    ),
    projectsOfNeed: groupedLoader(
      (ids: readonly string[]) => repos.needs.projectsOfNeeds(ids),
      (p) => p.needId,
    ),
    resourceIdsOfProject: valueLoader((ids: readonly string[]) => repos.needs.resourceIdsOfProjects(ids), [] as string[]),
    jointMeeting: keyedLoader(
      (ids: readonly string[]) => repos.meetings.byIds(ids),
      (m) => m.id,
    ),
    coBuilding: valueLoader((ids: readonly string[]) => repos.coBuilding.summaries(ids, today), noCoBuilding),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
