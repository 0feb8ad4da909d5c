/** What the organisations subgraph answers for one organisation in `_entities` (the facts `Peers` asks for): stand-in peers' answer. */
export const organizationEntity = (id: string) => ({
  id,
  name: '和平街道党工委',
  status: 'ACTIVE',
  kind: 'WORKING_COMMITTEE',
  scope: 'STREET',
  community: null,
  ancestors: [],
});
