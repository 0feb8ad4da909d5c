import type { FormatValue, Texts } from './terms';

/** The placeholders of a text, as written: `{name}` or `{name:format}`. */
export type Placeholders<T extends string> = T extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type NameOf<P extends string> = P extends `${infer N}:${string}` ? N : P;
type ValueOf<P extends string> = P extends `${string}:${infer F}` ? FormatValue<F> : string | number;

/** The parameters a text takes: `{id}` any string or number, `{role:role}` a role, `{hours:openingHours}` windows. */
export type ParamsOfText<T extends string> = { readonly [P in Placeholders<T> as NameOf<P>]: ValueOf<P> };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Each entry as written, or a type error naming the entry whose two languages take different parameters. */
type Checked<C extends Record<string, Texts>> = {
  [K in keyof C]: Same<Placeholders<C[K]['zh-CN']>, Placeholders<C[K]['en']>> extends true
    ? C[K]
    : { 'zh-CN and en take different parameters': K };
};

/**
 * A part of the catalogue: key → Chinese and English text. TypeScript refuses an entry whose
 * languages take different placeholders; the catalogue test checks it again at run time.
 */
export function defineMessages<const C extends Record<string, Texts>>(messages: C & Checked<C>): C {
  return messages;
}
