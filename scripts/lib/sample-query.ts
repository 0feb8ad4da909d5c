/** The cross-subgraph query the README shows: one community across all four subgraphs. */
export const communityOverviewQuery = /* GraphQL */ `
  query CommunityOverview($id: ID!) {
    community(id: $id) {
      name
      street { name }
      partyOrganization { name kind memberCount }
      residentUnits { name resources { name kind } }
      activities(first: 5) { edges { node { title startsAt } } }
    }
  }
`;

export const firstCommunityQuery = /* GraphQL */ `
  query FirstCommunity { communities(first: 1) { edges { node { id name } } } }
`;
