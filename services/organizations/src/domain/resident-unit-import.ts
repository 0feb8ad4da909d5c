import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { check, ConflictError, msg, useCase } from '@cpb/kit';
import {
  checkSheet,
  codesAndNames,
  duplicatesInFile,
  ImportLedger,
  oneOf,
  resolveReferences,
  RowReader,
  sortAgainstRecorded,
  toCommit,
  uncommitted,
  type ReadRow,
  type SheetRow,
} from '@cpb/kit/spreadsheets';
import { ResidentUnitImportStore, type NamedCommunity } from '../data/resident-unit-import-store';
import type { ResidentUnit, ResidentUnitCategory } from '../entities';
import { residentUnitImportEvents, structureEvents } from '../events';
import type { Policy } from './policy';
import { residentUnitColumns, unitCategories, unitHeaderOf, type ResidentUnitColumn } from './resident-unit-import-columns';
import type { Services } from './services';
import { checkUnitName } from './structure';

export const MAX_UNIT_ROWS = 20_000;

interface UnitRow {
  row: number;
  name: string;
  category: ResidentUnitCategory;
  communityRef: string;
  community?: NamedCommunity;
}

/** One row with createResidentUnit's rules (the same name check), every refused cell reported. */
function readUnitRow(sheetRow: SheetRow): ReadRow<UnitRow, ResidentUnitColumn> {
  const reader = new RowReader<ResidentUnitColumn>(sheetRow, unitHeaderOf);
  const name = reader.read('name', true, (h, c) => checkUnitName(h, c.text));
  const category = reader.read('category', true, (h, c) => oneOf(h, c.text, unitCategories));
  const communityRef = reader.read('community', true, (h, c) => check.name(h, c.text, 100));
  if (reader.findings.length > 0) return { findings: reader.findings };
  return { findings: [], value: { row: sheetRow.row, name: name!, category: category!, communityRef: communityRef! } };
}

/**
 * Each 所在社区 of the file: the one community in the caller's scope by that code or name (as
 * createResidentUnit's `inCommunity`), or why not. A community outside the scope is reported as not
 * found, so a file cannot probe what lies outside.
 */
async function resolveCommunities(store: ResidentUnitImportStore, policy: Policy, refs: string[]) {
  const { codes, names } = codesAndNames(refs);
  const inScope = (await store.communities(codes, names)).filter((c) => policy.managesScope(c.scope));
  return resolveReferences(refs, inScope, {
    unknown: (value) => msg('import.communityUnknown', { value }),
    ambiguous: (value, count) => msg('import.communityAmbiguous', { value, count }),
  });
}

const keyOf = (u: { communityId: string; name: string }) => `${u.communityId}\u0000${u.name}`;

/**
 * Imports resident units (驻区单位) from .xlsx or CSV: each row checked with createResidentUnit's
 * rules and scope, repeats (a unit in its community) refused within the file and against the
 * database, then all rows in one transaction or none, each with resident-unit.created as
 * createResidentUnit emits it, and one audit entry (resident-unit-import.committed). The same file
 * again creates nothing; a unit an earlier import created is skipped.
 */
export const importResidentUnits = useCase({
  async authorize({ policy, dataSource }: Services & { dataSource: DataSource }, args: { file: Buffer; dryRun: boolean }) {
    policy.permitImport('importResidentUnits');
    const { checked, valid } = await checkSheet(args, { columns: residentUnitColumns, maxRows: MAX_UNIT_ROWS }, readUnitRow);
    const store = new ResidentUnitImportStore(dataSource);
    const communities = await resolveCommunities(store, policy, [...new Set(valid.map((u) => u.communityRef))]);
    const placed: (UnitRow & { community: NamedCommunity })[] = [];
    for (const u of valid) {
      const community = communities.get(u.communityRef)!;
      if ('finding' in community)
        checked.findings.push({ row: u.row, column: 'community', value: u.communityRef, message: community.finding });
      else placed.push({ ...u, community: community.found });
    }
    const unitKey = (u: UnitRow & { community: NamedCommunity }) => keyOf({ communityId: u.community.id, name: u.name });
    const repeats = duplicatesInFile(placed, unitKey, 'name', (u) => u.name, unitHeaderOf.name);
    checked.findings.push(...repeats);
    const repeated = new Set(repeats.map((f) => f.row));
    const ledger = new ImportLedger('resident_unit', dataSource);
    checked.previous = await ledger.importOf(checked.file.fingerprint);
    const recorded = new Map(
      (await store.unitsNamed(placed.map((u) => ({ communityId: u.community.id, name: u.name })))).map((u) => [keyOf(u), u.id]),
    );
    const imported = await ledger.importedAmong([...recorded.values()]);
    sortAgainstRecorded(
      checked,
      placed.filter((p) => !repeated.has(p.row)),
      (u) => recorded.get(unitKey(u)),
      imported,
      (u) => ({ column: 'name', value: u.name, message: msg('import.unitRecorded', { community: u.community.name, value: u.name }) }),
    );
    return { checked, policy };
  },
  async change({ tx, outbox, actor }, { checked, policy }) {
    if (!toCommit(checked)) return uncommitted(checked, unitHeaderOf);
    const store = new ResidentUnitImportStore(tx);
    const communityIds = [...new Set(checked.rows.map((u) => u.community!.id))];
    await store.lockCommunities(communityIds);
    // Under the locks: the scope and the names as they are now (a move or a unit added since the check refuses the whole file).
    const now = await store.communities(communityIds, []);
    if (now.length !== communityIds.length || !now.every((c) => policy.managesScope(c.scope)))
      throw new ConflictError(msg('import.changedMeanwhile'));
    if ((await store.unitsNamed(checked.rows.map((u) => ({ communityId: u.community!.id, name: u.name })))).length > 0)
      throw new ConflictError(msg('import.changedMeanwhile'));
    return new ImportLedger('resident_unit', tx).commit(outbox, actor, checked, unitHeaderOf, {
      entityOf: (u): ResidentUnit => ({
        id: randomUUID(),
        communityId: u.community!.id,
        name: u.name,
        category: u.category,
        organizationId: null,
      }),
      insert: (units) => store.insert(units),
      // Under the communities' locks no unit can take a name since the check above; the unique key stays the last word.
      changedMeanwhile: 'resident_unit_community_id_name_key',
      eventOf: structureEvents.residentUnitCreated,
      summary: residentUnitImportEvents.committed,
    });
  },
});
