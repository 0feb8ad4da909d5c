import { runTrusted } from './export-operations';
import type { ExportReport } from './exports';

/**
 * The roster an analyst exports (ADR 0025): analysts read aggregates, never persons, so instead of
 * names with the personal fields blanked (gender, birth date, join date and organisation would still
 * single a member out) they get each organisation's counts, as the graph gives them any signed-in
 * caller, walked down the tree one level per request (`--organization` starts below the streets).
 */
interface OrganizationCounts {
  id: string;
  name: string;
  kind: string;
  status: string;
  directMemberCount: number | null;
  memberCount: number | null;
  fullMemberCount: number | null;
  children: { id: string }[];
}

interface CountsRow extends OrganizationCounts {
  parentName: string | null;
}

const kinds: Record<string, string> = {
  WORKING_COMMITTEE: '党工委',
  COMMITTEE: '党委',
  GENERAL_BRANCH: '党总支',
  BRANCH: '党支部',
  PARTY_GROUP: '党小组',
};

export const rosterCounts: ExportReport<CountsRow> = {
  sheet: '党员名册（汇总）',
  columns: [
    { header: '党组织', width: 30, value: (o) => o.name },
    { header: '组织类别', value: (o) => kinds[o.kind] ?? o.kind },
    { header: '上级党组织', width: 30, value: (o) => o.parentName },
    { header: '直属党员数', value: (o) => o.directMemberCount },
    { header: '党员数（含下级）', width: 18, value: (o) => o.memberCount },
    { header: '正式党员数（含下级）', width: 20, value: (o) => o.fullMemberCount },
    {
      header: '预备党员数（含下级）',
      width: 20,
      value: (o) => (o.memberCount === null || o.fullMemberCount === null ? null : o.memberCount - o.fullMemberCount),
    },
  ],
  async *rows(client, options) {
    let level: CountsRow[];
    if (typeof options.organization === 'string') {
      const { organization } = await runTrusted<{ organization: OrganizationCounts | null }>(client, 'ExportRosterCounts', {
        id: options.organization,
      });
      if (!organization) throw new Error(`no organisation ${options.organization}`);
      level = [{ ...organization, parentName: null }];
    } else {
      const { streets } = await runTrusted<{ streets: { workingCommittee: OrganizationCounts | null }[] }>(client, 'ExportRosterRoots', {});
      level = streets.flatMap((s) => (s.workingCommittee ? [{ ...s.workingCommittee, parentName: null }] : []));
    }
    // Breadth first: each organisation with children costs one request for all of them.
    while (level.length) {
      yield level;
      const below: CountsRow[] = [];
      for (const parent of level.filter((o) => o.children.length)) {
        const { organization } = await runTrusted<{ organization: { children: OrganizationCounts[] } | null }>(
          client,
          'ExportRosterCounts',
          { id: parent.id },
        );
        below.push(...(organization?.children ?? []).map((child) => ({ ...child, parentName: parent.name })));
      }
      level = below;
    }
  },
};
