import { check, msg } from '../src';
import {
  codesAndNames,
  dateOf,
  duplicatesInFile,
  importReport,
  resolveReferences,
  RowReader,
  toCommit,
  type CheckedFile,
} from '../src/spreadsheets';

/** The kit's import plumbing that the members, resident units and team memberships imports share (issue 18). */
const headers = { name: '姓名', joinedOn: '入党日期' };
type Column = keyof typeof headers;

describe('reading a row with the domain rules', () => {
  it('collects every refused cell: blank required, formula, a rule refusing; blank optional is null', () => {
    const reader = new RowReader<Column>(
      { row: 7, cells: { name: { text: '', formula: false }, joinedOn: { text: '', formula: true } } },
      headers,
    );
    expect(reader.read('name', true, (h, c) => check.name(h, c.text))).toBeUndefined();
    expect(reader.read('joinedOn', false, (h, c) => dateOf(h, c))).toBeUndefined();
    const other = new RowReader<Column>({ row: 8, cells: { name: { text: 'x'.repeat(60), formula: false } } }, headers);
    expect(other.read('name', true, (h, c) => check.name(h, c.text))).toBeUndefined();
    expect(other.read('joinedOn', false, (h, c) => dateOf(h, c))).toBeNull();
    expect([...reader.findings, ...other.findings].map((f) => [f.row, f.column, f.message.key])).toEqual([
      [7, 'name', 'import.required'],
      [7, 'joinedOn', 'import.formula'],
      [8, 'name', 'input.length'],
    ]);
  });

  it('reads dates as people type them, and refuses what is not a day', () => {
    for (const text of ['2005-07-01', '2005/7/1', '2005.7.1', '2005年7月1日'])
      expect(dateOf('入党日期', { text, formula: false })).toBe('2005-07-01');
    expect(() => dateOf('入党日期', { text: '2005-02-30', formula: false })).toThrow();
    expect(() => dateOf('入党日期', { text: '去年', formula: false })).toThrow();
  });

  it('throws on what is not a refusal (a fault is not a finding)', () => {
    const reader = new RowReader<Column>({ row: 2, cells: { name: { text: 'x', formula: false } } }, headers);
    expect(() =>
      reader.read('name', true, () => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
  });
});

describe('natural keys and references', () => {
  it('refuses each repeat of a key, naming the first row', () => {
    const rows = [
      { row: 2, key: 'a' },
      { row: 3, key: 'b' },
      { row: 4, key: 'a' },
      { row: 5, key: 'a' },
    ];
    expect(
      duplicatesInFile(
        rows,
        (r) => r.key,
        'name',
        (r) => r.key,
        '姓名',
      ).map((f) => [f.row, f.message.params]),
    ).toEqual([
      [4, { field: '姓名', row: 2 }],
      [5, { field: '姓名', row: 2 }],
    ]);
  });

  it('resolves a code or a name to one candidate, else says none or how many', () => {
    const id = '0b9e4c1a-1111-4222-8333-444455556666';
    const candidates = [
      { id, name: '一社区' },
      { id: '1b9e4c1a-1111-4222-8333-444455556666', name: '二社区' },
      { id: '2b9e4c1a-1111-4222-8333-444455556666', name: '二社区' },
    ];
    const refs = [id.toUpperCase(), '一社区', '二社区', '三社区'];
    expect(codesAndNames(refs)).toEqual({ codes: [id.toUpperCase()], names: ['一社区', '二社区', '三社区'] });
    const resolved = resolveReferences(refs, candidates, {
      unknown: (value) => msg('import.communityUnknown', { value }),
      ambiguous: (value, count) => msg('import.communityAmbiguous', { value, count }),
    });
    expect([...resolved.values()].map((r) => ('found' in r ? r.found.name : r.finding.key))).toEqual([
      '一社区',
      '一社区',
      'import.communityAmbiguous',
      'import.communityUnknown',
    ]);
  });
});

describe('the report', () => {
  const checked = (over: Partial<CheckedFile<{ row: number }, Column>> = {}): CheckedFile<{ row: number }, Column> => ({
    file: { format: 'xlsx', fingerprint: 'f'.repeat(64), rowCount: 2 },
    dryRun: false,
    rows: [{ row: 2 }],
    skipped: [{ row: 3 }],
    findings: [],
    previous: null,
    ...over,
  });

  it('commits only a file with no finding, not on a dry run, not imported before', () => {
    expect(toCommit(checked())).toBe(true);
    expect(toCommit(checked({ dryRun: true }))).toBe(false);
    expect(toCommit(checked({ previous: { id: 'x' } }))).toBe(false);
    expect(
      toCommit(checked({ findings: [{ row: 2, column: 'name', value: '', message: msg('import.required', { field: '姓名' }) }] })),
    ).toBe(false);
  });

  it('lists the findings by row under the Chinese headers, in the caller language', () => {
    const report = importReport(
      checked({
        findings: [
          { row: 3, column: 'joinedOn', value: '去年', message: msg('import.date', { field: '入党日期' }) },
          { row: 2, column: 'name', value: '', message: msg('import.required', { field: '姓名' }) },
        ],
      }),
      headers,
      { importId: null, committed: false, createdCount: 0 },
    );
    expect(report).toMatchObject({ rowCount: 2, skippedRows: [3], errorCount: 2, alreadyImported: false });
    expect(report.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, '姓名', '姓名 为必填项'],
      [3, '入党日期', '入党日期 不是有效日期：请写作 YYYY-MM-DD'],
    ]);
  });
});
