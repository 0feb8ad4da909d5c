/** Calendar days as the district counts them: YYYY-MM-DD in China time (Asia/Shanghai). */
const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const moment = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export function today(): string {
  return day.format(new Date());
}

export function yearStart(): string {
  return `${today().slice(0, 4)}-01-01`;
}

export interface Month {
  /** e.g. 2026-03 */
  key: string;
  from: string;
  to: string;
}

/** The last twelve months, oldest first, the current one up to today. */
export function lastTwelveMonths(): Month[] {
  const [year, month] = today().split('-').map(Number);
  const months: Month[] = [];
  for (let back = 11; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push({ key, from: `${key}-01`, to: back === 0 ? today() : `${key}-${last}` });
  }
  return months;
}

/** Variables for the monthly operations: $from01/$to01 … $from12/$to12. */
export function monthVariables(months: Month[]): Record<string, string> {
  return Object.fromEntries(
    months.flatMap((m, i) => [
      [`from${String(i + 1).padStart(2, '0')}`, m.from],
      [`to${String(i + 1).padStart(2, '0')}`, m.to],
    ]),
  );
}

export function formatMoment(iso: string | null | undefined): string {
  return iso ? moment.format(new Date(iso)) : '—';
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined ? '—' : value.toLocaleString('zh-CN', { maximumFractionDigits: digits });
}
