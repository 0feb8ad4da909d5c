import { activeOrganization, NotFoundError, type OrganizationFacts, type Peers } from '../src';

/** The peer client's `require`, answering from a table of organisations (what organizations' `_entities` would say). */
function peersKnowing(...organizations: Pick<OrganizationFacts, 'id' | 'name' | 'status'>[]): Peers {
  return {
    require: async (_type: string, ids: readonly string[], field: string) =>
      ids.map((id) => {
        const found = organizations.find((o) => o.id === id);
        if (!found) throw new NotFoundError('Organization', id, field);
        return found;
      }),
  } as unknown as Peers;
}

describe('an active organisation, as activities and resources require one before planning, booking or convening under it', () => {
  const peers = peersKnowing(
    { id: 'a', name: '甲支部', status: 'ACTIVE' },
    { id: 'c', name: '乙支部', status: 'CLOSING' },
    { id: 'd', name: '丙支部', status: 'DISSOLVED' },
  );

  it('answers the facts of an active one', async () => {
    await expect(activeOrganization(peers, 'a', 'organizerId')).resolves.toMatchObject({ id: 'a', status: 'ACTIVE' });
  });

  it('refuses one being dissolved and a dissolved one (CONFLICT, naming it), and an unknown one (NOT_FOUND on the field)', async () => {
    await expect(activeOrganization(peers, 'c', 'organizerId')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '乙支部 is being dissolved',
      text: { key: 'organization.beingDissolved', params: { name: '乙支部' } },
    });
    await expect(activeOrganization(peers, 'd', 'bookedById')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '丙支部 is dissolved',
      text: { key: 'organization.dissolved' },
    });
    await expect(activeOrganization(peers, 'x', 'convenerId')).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'convenerId' });
  });
});
