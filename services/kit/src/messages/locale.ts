import { AsyncLocalStorage } from 'node:async_hooks';

/** The languages messages are written in. Chinese is the users' language; English is asked for. */
export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

/** What a request gets when it asks for no language we write (or for none at all). */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A language tag as a locale we write: any Chinese tag reads Simplified Chinese, any English tag English. */
export function localeOf(tag: string | undefined | null): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return undefined;
}

/**
 * The locale an `Accept-Language` header asks for (RFC 9110 §12.5.4): the first of its ranges, by
 * weight, that we write; undefined when it names none of ours, or only `*` (fetch sends `*` by default,
 * which asks for nothing in particular).
 */
export function negotiateLocale(header: string | string[] | undefined): Locale | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return undefined;
  const ranges = value
    .split(',')
    .map((part, order) => {
      const [tag, ...parameters] = part.split(';');
      const q = parameters.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(p)?.[1]).find((found) => found !== undefined);
      return { tag: tag.trim(), weight: q === undefined ? 1 : Number(q), order };
    })
    .filter((range) => range.tag && range.tag !== '*' && range.weight > 0 && !Number.isNaN(range.weight))
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const range of ranges) {
    const locale = localeOf(range.tag);
    if (locale) return locale;
  }
  return undefined;
}

/** The locale to answer a request in before its caller is known (no token default yet): what it asks for, else Chinese. */
export function askedLocale(acceptLanguage: string | string[] | undefined): Locale {
  return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}

/** The language of the request being served: what it asked for, else its caller's own default, else Chinese. */
interface RequestLocale {
  /** What the request's `Accept-Language` asked for, if anything we write. */
  asked?: Locale;
  locale: Locale;
}

const requestLocale = new AsyncLocalStorage<RequestLocale>();

/** Runs `work` (and everything it starts) in the language `headers` ask for. */
export function inRequestLocale<T>(acceptLanguage: string | string[] | undefined, work: () => T): T {
  return requestLocale.run({ asked: negotiateLocale(acceptLanguage), locale: askedLocale(acceptLanguage) }, work);
}

/** Runs `work` in one locale: tests, scripts, and code rendering for someone other than the caller. */
export function inLocale<T>(locale: Locale, work: () => T): T {
  return requestLocale.run({ asked: locale, locale }, work);
}

/**
 * Once the caller is known: their own default language (a token claim) applies when the request
 * asked for none. Returns the request's locale.
 */
export function preferCallerLocale(preferred: Locale | undefined): Locale {
  const store = requestLocale.getStore();
  if (!store) return preferred ?? DEFAULT_LOCALE;
  if (!store.asked && preferred) store.locale = preferred;
  return store.locale;
}

/** The language messages are rendered in right now: the request's, or Chinese outside any request. */
export function currentLocale(): Locale {
  return requestLocale.getStore()?.locale ?? DEFAULT_LOCALE;
}
