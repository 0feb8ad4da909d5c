/** How big the district is, derived from the number of members (`--scale`). */
export interface WorldShape {
  members: number;
  streets: number;
  communities: number;
  unitsPerCommunity: number;
  activitiesPerCommunity: number;
  participantsPerActivity: number;
}

export const DEMO_MEMBERS = 600;

export function worldShape(members = DEMO_MEMBERS): WorldShape {
  const communities = Math.max(6, Math.round(members / 1000));
  const perCommunity = members / communities;
  // Aim at ~3.3 participations per member overall: a million at 300,000 members.
  const participantsPerActivity = 20;
  const activitiesPerCommunity = Math.max(10, Math.round((perCommunity * 10) / 3 / participantsPerActivity));
  return {
    members,
    streets: Math.max(2, Math.ceil(communities / 15)),
    communities,
    unitsPerCommunity: Math.min(20, Math.max(6, Math.round(perCommunity / 50))),
    activitiesPerCommunity,
    participantsPerActivity,
  };
}
