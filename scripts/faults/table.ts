import type { FaultRow } from './run';

const cell = (value: string | number) => String(value).replace(/\|/g, '\\|');

/** The fault table as Markdown (printed, and pasted into docs/reliability.md). */
export function faultTable(rows: FaultRow[]): string {
  const header = [
    'fault',
    'sent',
    'ok',
    'failed by code',
    'writes acked',
    'writes found',
    'events produced',
    'events delivered',
    'duplicates (differing)',
    'recovery',
    'checks',
  ];
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const r of rows) {
    const failed =
      Object.entries(r.failedByCode)
        .map(([code, n]) => `${code} ${n}`)
        .join(', ') || '0';
    const checks = r.checks.every((c) => c.ok)
      ? `${r.checks.length}/${r.checks.length} hold`
      : `FAILED: ${r.checks
          .filter((c) => !c.ok)
          .map((c) => c.name)
          .join('; ')}`;
    const recovery = r.recoveryMs === null ? '—' : `${(r.recoveryMs / 1000).toFixed(1)} s`;
    lines.push(
      `| ${[r.fault, r.sent, r.succeeded, failed, r.writesAcknowledged, r.writesFound, r.events.produced, r.events.delivered, `${r.events.duplicates} (${r.events.differing})`, recovery, checks].map(cell).join(' | ')} |`,
    );
  }
  const notes = rows.filter((r) => r.notes.length).map((r) => `- ${r.fault}: ${r.notes.join('; ')}`);
  return [...lines, '', ...notes].join('\n');
}
