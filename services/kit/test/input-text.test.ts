import { check, cleanText, ValidationError } from '../src';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof ValidationError ? { field: error.field, message: error.message } : error;
  }
  return undefined;
};

describe('cleanText', () => {
  it('stores Unicode NFC: a decomposed accent is composed, Chinese text is unchanged', () => {
    expect(cleanText('name', 'Cafe\u0301')).toBe('Caf\u00e9');
    expect(cleanText('name', '春晖社区党委')).toBe('春晖社区党委');
  });

  it.each([
    ['NUL', 'a\u0000b', /control characters \(U\+0000\)/],
    ['ESC', 'a\u001b[31m', /U\+001B/],
    ['DEL', 'a\u007f', /U\+007F/],
    ['a C1 control (NEL)', 'a\u0085b', /U\+0085/],
    ['a tab in a one-line field', 'a\tb', /U\+0009/],
    ['a newline in a one-line field', 'a\nb', /must be on one line/],
    ['a line separator in a one-line field', 'a\u2028b', /must be on one line/],
    ['a right-to-left override', 'invoice\u202Efdp.exe', /text-direction controls \(U\+202E\)/],
    ['an isolate', 'a\u2066b\u2069', /U\+2066/],
    ['a right-to-left mark', 'a\u200Fb', /U\+200F/],
    ['zero-width characters only', '\u200B\u200C\u200D\u2060\uFEFF', /no visible characters/],
    ['a Hangul filler', '\u3164\u3164', /no visible characters/],
    ['a blank Braille pattern', '\u2800', /no visible characters/],
    ['combining marks alone', '\u0301\u0302', /no visible characters/],
    ['blanks only', ' \u3000\u00a0', /no visible characters/],
    ['a lone surrogate', 'a\uD800b', /not valid Unicode text/],
    ['a noncharacter', 'a\uFFFEb', /not valid Unicode text/],
  ])('refuses %s, naming the field', (_, value, message) => {
    expect(refusal(() => cleanText('name', value))).toEqual({ field: 'name', message: expect.stringMatching(message) });
  });

  it('keeps line breaks and tabs in free text, written as \\n, and still refuses other controls there', () => {
    expect(cleanText('reason', '第一行\r\n第二行\r第三行\u2028第四行\t完', { multiline: true })).toBe('第一行\n第二行\n第三行\n第四行\t完');
    expect(refusal(() => cleanText('reason', 'a\u0000b', { multiline: true }))).toMatchObject({ field: 'reason' });
    expect(refusal(() => cleanText('reason', '\n\n', { multiline: true }))).toMatchObject({ message: 'reason has no visible characters' });
  });

  it('lets an empty string through (the field decides whether it may be empty) and a name with a zero-width joiner inside', () => {
    expect(cleanText('place', '')).toBe('');
    expect(cleanText('name', '👨\u200D👩\u200D👧 家庭')).toBe('👨\u200D👩\u200D👧 家庭');
  });
});

describe('check.isoDate and check.isoDateTime: strict, with a zone, years 1900 to 2100', () => {
  it.each([
    '2027-02-30',
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '1899-12-31',
    '2101-01-01',
    '0000-01-01',
    '9999-12-31',
    '2026-1-1',
    ' 2026-01-01',
  ])('refuses the date %s', (value) => {
    expect(refusal(() => check.isoDate('on', value))).toMatchObject({ field: 'on' });
  });

  it.each(['2028-02-29', '1900-01-01', '2100-12-31'])('takes the date %s', (value) => {
    expect(check.isoDate('on', value)).toBe(value);
  });

  it.each([
    '2027-02-30T10:00:00+08:00',
    '2026-05-01T10:00:00',
    '2026-05-01 10:00:00+08:00',
    '2026-05-01T24:00:00Z',
    '2026-05-01T10:60:00Z',
    '2026-05-01T10:00:60Z',
    '2026-05-01T10:00:00+15:00',
    '2026-05-01T10:00:00+14:30',
    '2026-05-01T10:00:00+0800',
    '0000-03-01T10:00:00Z',
    '9999-03-01T10:00:00Z',
    '2026-05-01',
    'tomorrow',
  ])('refuses the date-time %s', (value) => {
    expect(refusal(() => check.isoDateTime('startsAt', value))).toMatchObject({ field: 'startsAt' });
  });

  it('takes a date-time with Z or an offset, with or without seconds and fractions', () => {
    expect(check.isoDateTime('at', '2026-05-01T09:00:00+08:00').toISOString()).toBe('2026-05-01T01:00:00.000Z');
    expect(check.isoDateTime('at', '2026-05-01T01:00Z').toISOString()).toBe('2026-05-01T01:00:00.000Z');
    expect(check.isoDateTime('at', '2026-05-01T01:00:00.123456Z').toISOString()).toBe('2026-05-01T01:00:00.123Z');
    expect(check.isoDateTime('at', '2024-02-29T23:59:59-14:00').toISOString()).toBe('2024-03-01T13:59:59.000Z');
  });

  it('bounds years in filters', () => {
    expect(check.year('filter.year', 2026)).toBe(2026);
    for (const year of [-1, 0, 1899, 2101, 2.5])
      expect(refusal(() => check.year('filter.year', year))).toMatchObject({ field: 'filter.year' });
  });
});
