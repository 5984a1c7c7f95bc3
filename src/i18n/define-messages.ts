import { format, type MessageParams } from './format';
import type { Locale } from './locales';

type Texts = Record<string, string>;

/** A catalogue: English names the keys, and every other locale has exactly those keys. */
export type Messages<E extends Texts> = { en: E } & { [L in Exclude<Locale, 'en'>]: Record<keyof E, string> };

/** A message with an argument needs its parameters; one without takes none (a text not known may take them). */
type ParamsOf<M> = string extends M
  ? [params?: MessageParams]
  : M extends `${string}{${string}`
    ? [params: MessageParams]
    : [params?: undefined];

/** The messages of a catalogue in a locale, formatted as ICU messages; `messages` is the catalogue itself. */
export type Translator<E extends Texts> = {
  <K extends keyof E & string>(locale: Locale, key: K, ...params: ParamsOf<E[K]>): string;
  readonly messages: Messages<E>;
};

/**
 * The one way server-side text is written: a module's `messages.ts` holds its messages in every
 * locale (ICU syntax, see `format`) and exports the translator made here. A key missing in one
 * locale, or one the English catalogue does not have, fails to compile.
 */
export function defineMessages<const E extends Texts>(messages: Messages<E>): Translator<E> {
  const translate = (locale: Locale, key: keyof E & string, params?: MessageParams) =>
    format(locale, (messages[locale] ?? messages.en)[key], params);
  return Object.assign(translate, { messages }) as Translator<E>;
}
