/**
 * Messages in the users' language: one catalogue (key → Chinese and English, named parameters), the
 * request's locale (Accept-Language, else the caller's token, else Chinese), rendering with terms.
 */
export { catalogue, catalogueParts, type Catalogue, type MessageKey } from './catalogue';
export { defineMessages, type Placeholders, type ParamsOfText } from './define';
export {
  DEFAULT_LOCALE,
  askedLocale,
  currentLocale,
  inLocale,
  inRequestLocale,
  localeOf,
  locales,
  negotiateLocale,
  preferCallerLocale,
  type Locale,
} from './locale';
export { isMessage, msg, render, type Message, type MessageParams, type ParamValue } from './message';
export { formatNames, termTables, type FormatName, type OpeningWindowParam, type TermName, type TermValue, type Texts } from './terms';
