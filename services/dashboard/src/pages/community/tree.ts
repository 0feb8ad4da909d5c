/** An organisation of the community's tree, as DashboardCommunityProfile returns it. */
export interface TreeOrganization {
  id: string;
  name: string;
  kind: string;
  memberCount: number | null;
  fullMemberCount: number | null;
  kindCheck: { fits: boolean; recommendedKind: string; reason: string } | null;
  children?: TreeOrganization[];
}
