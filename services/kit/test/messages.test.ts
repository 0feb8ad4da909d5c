import {
  catalogue,
  catalogueParts,
  formatNames,
  inLocale,
  locales,
  msg,
  negotiateLocale,
  preferCallerLocale,
  inRequestLocale,
  render,
  termTables,
  currentLocale,
  type Message,
  type MessageKey,
} from '../src';

const entries = Object.entries(catalogue) as [MessageKey, Record<(typeof locales)[number], string>][];
const placeholders = (text: string) => [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]).sort();
const CJK = /[\u4e00-\u9fff]/;

describe('the message catalogue', () => {
  it('has every key in both languages, with the same parameters and formats', () => {
    for (const [key, texts] of entries) {
      for (const locale of locales)
        expect({ key, locale, text: texts[locale]?.trim() || undefined }).toEqual({ key, locale, text: expect.any(String) });
      expect({ key, params: placeholders(texts['zh-CN']) }).toEqual({ key, params: placeholders(texts.en) });
    }
  });

  it('names parameters as words and formats the kit has', () => {
    for (const [key, texts] of entries) {
      for (const placeholder of placeholders(texts.en)) {
        const [name, format] = placeholder.split(':');
        expect({ key, name }).toEqual({ key, name: expect.stringMatching(/^[a-z][A-Za-z]*$/) });
        if (format !== undefined) expect({ key, format, known: formatNames.includes(format) }).toEqual({ key, format, known: true });
      }
    }
  });

  it('writes the Chinese in Chinese, not a copy of the English', () => {
    for (const [key, texts] of entries) {
      expect({ key, chinese: CJK.test(texts['zh-CN']), differs: texts['zh-CN'] !== texts.en }).toEqual({
        key,
        chinese: true,
        differs: true,
      });
    }
  });

  it('holds each key in one part only (merging would silently drop one)', () => {
    const seen = new Map<string, string>();
    for (const [part, messages] of Object.entries(catalogueParts)) {
      for (const key of Object.keys(messages)) {
        expect({ key, alsoIn: seen.get(key) }).toEqual({ key, alsoIn: undefined });
        seen.set(key, part);
      }
    }
    expect(seen.size).toBe(entries.length);
  });

  it('has every term in both languages', () => {
    for (const [term, values] of Object.entries(termTables)) {
      for (const [value, texts] of Object.entries(values)) {
        expect({ term, value, zh: CJK.test(texts['zh-CN']), en: texts.en.length > 0 }).toEqual({ term, value, zh: true, en: true });
      }
    }
  });

  it('renders every message in both languages with nothing left unfilled', () => {
    const sample = (format: string | undefined): unknown => {
      if (format === 'duration') return 3600;
      if (format === 'openingHours') return [{ weekday: 'MONDAY', opensAt: '08:00', closesAt: '22:00' }];
      if (format) return Object.keys(termTables[format as keyof typeof termTables])[0];
      return 'x';
    };
    for (const [key, texts] of entries) {
      const params = Object.fromEntries(
        placeholders(texts.en)
          .map((p) => p.split(':'))
          .map(([name, format]) => [name, sample(format)]),
      );
      const message = { key, params } as Message;
      for (const locale of locales)
        expect({ key, text: render(message, locale) }).toEqual({ key, text: expect.not.stringMatching(/[{}]/) });
    }
  });
});

describe('rendering', () => {
  it('fills parameters, words terms in each language, and keeps a value no table knows as it is', () => {
    const refusal = msg('auth.roleMayNot', { role: 'STREET_ADMIN' });
    expect(render(refusal, 'en')).toBe('A street admin may not do this');
    expect(render(refusal, 'zh-CN')).toBe('街道党工委管理员无权执行此操作');
    expect(render(msg('record.notFound', { entity: 'Transfer', id: 't1' }), 'zh-CN')).toBe('组织关系转接 t1 不存在');
    expect(render({ key: 'record.notFound', params: { entity: 'Spaceship', id: 's1' } }, 'zh-CN')).toBe('Spaceship s1 不存在');
    expect(render(msg('token.tooLong', { lifetime: 30 * 86400, maximum: 43200 }), 'en')).toBe(
      "The token's lifetime (720 h) is longer than the 12 h this gateway accepts",
    );
    expect(render(msg('token.tooLong', { lifetime: 90 * 60 + 10, maximum: 1800 }), 'zh-CN')).toBe(
      '登录令牌的有效期（90 分钟）超过本网关接受的 30 分钟',
    );
    const hours = msg('booking.outsideOpeningHours', {
      name: '活动室',
      openingHours: [
        { weekday: 'MONDAY', opensAt: '08:00', closesAt: '12:00' },
        { weekday: 'SUNDAY', opensAt: '09:00', closesAt: '11:00' },
      ],
    });
    expect(render(hours, 'en')).toBe('活动室 is not open for the whole booking; it opens MONDAY 08:00-12:00, SUNDAY 09:00-11:00 (UTC+8)');
    expect(render(hours, 'zh-CN')).toBe('活动室在预订时段内并非全程开放；开放时间为 周一 08:00-12:00，周日 09:00-11:00（北京时间）');
  });

  it('refuses a key the catalogue does not have (a typo is a bug, never an empty message)', () => {
    expect(() => render({ key: 'no.such' as MessageKey, params: {} })).toThrow('No message no.such in zh-CN');
  });
});

describe('the request locale', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['*', undefined],
    ['fr-FR, de;q=0.8', undefined],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['fr;q=1, en;q=0.5, zh;q=0.7', 'zh-CN'],
    ['zh;q=0, en', 'en'],
    ['EN-gb', 'en'],
  ])('reads Accept-Language %p as %p', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("is Chinese unless the request asks, then the caller's default when the request asked for nothing", () => {
    expect(currentLocale()).toBe('zh-CN');
    expect(inRequestLocale(undefined, () => [currentLocale(), preferCallerLocale('en'), currentLocale()])).toEqual(['zh-CN', 'en', 'en']);
    expect(inRequestLocale('zh-CN', () => [preferCallerLocale('en'), currentLocale()])).toEqual(['zh-CN', 'zh-CN']);
    expect(inRequestLocale('en', () => preferCallerLocale(undefined))).toBe('en');
    expect(inLocale('en', () => currentLocale())).toBe('en');
  });
});
