import { catalogue, type Catalogue, type MessageKey } from './catalogue';
import type { ParamsOfText } from './define';
import { currentLocale, type Locale } from './locale';
import { formatParam } from './terms';

/** The parameters a key takes (the same in both languages: the catalogue's type refuses anything else). */
export type MessageParams<K extends MessageKey> = ParamsOfText<Catalogue[K]['en']>;

/** A parameter value as it travels in `extensions.messageParams`: plain JSON. */
export type ParamValue = string | number | boolean | null | readonly ParamValue[] | { readonly [name: string]: ParamValue };

/**
 * A user-facing message: a key of the catalogue and its parameters, rendered in the reader's
 * language only when it is sent. Clients receive both (`extensions.messageKey`, `messageParams`).
 */
export interface Message<K extends MessageKey = MessageKey> {
  readonly key: K;
  readonly params: Readonly<Record<string, ParamValue>>;
}

type ParamsArgument<K extends MessageKey> = keyof MessageParams<K> extends never ? [] : [params: MessageParams<K>];

/** `msg('member.birthDateMismatchesIdNumber', { field, fromIdNumber, birthDate })`: TypeScript checks the parameters against the key. */
export function msg<K extends MessageKey>(key: K, ...params: ParamsArgument<K>): Message<K> {
  return { key, params: (params[0] ?? {}) as Message['params'] };
}

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

/** The message's text in `locale` (default: the request's), each parameter through its format. */
export function render(message: Message, locale: Locale = currentLocale()): string {
  const text = (catalogue as Record<string, Record<Locale, string> | undefined>)[message.key]?.[locale];
  if (text === undefined) throw new Error(`No message ${message.key} in ${locale}`);
  return text.replace(PLACEHOLDER, (_whole, name: string, format?: string) => {
    const value = message.params[name];
    return format ? formatParam(format, value, locale) : String(value);
  });
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string' && (value as Message).key in catalogue;
}
