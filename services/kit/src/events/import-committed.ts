import type { DomainEvent } from './outbox';

/** What the summary of a committed import says: the file, its rows, what it created and skipped. */
export interface CommittedImport {
  id: string;
  checked: { file: { fingerprint: string; rowCount: number }; skipped: readonly unknown[] };
  createdCount: number;
}

/**
 * The summary event of an import (its one audit entry), `<kind>-import.committed`, keyed by the
 * import: each service's events.ts names its own type with it (the catalogue's contract test reads
 * the types there).
 */
export function importCommitted(type: `${string}-import.committed`, i: CommittedImport): DomainEvent {
  return {
    type,
    aggregateType: type.slice(0, -'.committed'.length),
    aggregateId: i.id,
    data: {
      importId: i.id,
      fingerprint: i.checked.file.fingerprint,
      rowCount: i.checked.file.rowCount,
      createdCount: i.createdCount,
      skippedCount: i.checked.skipped.length,
    },
  };
}
