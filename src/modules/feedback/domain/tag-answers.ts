import type { DetectedLang } from './text/languages';
import { type CompiledTaxonomy, compileTaxonomy, tagTopics } from './text/taxonomy';

/** A topic's keywords per language (`any` for every language). */
export type TopicKeywords = Partial<Record<'pl' | 'cs' | 'ru' | 'en' | 'any', string[]>>;

/** The organization's topics ready for tagging; a topic is known by its id. */
export const compileTopics = (rows: readonly { id: string; keywords: TopicKeywords }[]): CompiledTaxonomy =>
  compileTaxonomy(rows.map((r) => ({ key: r.id, keywords: r.keywords })));

/** Topic ids the texts of one response mention together, in taxonomy order. */
export function topicsOfAnswer(
  texts: readonly string[],
  langs: readonly DetectedLang[],
  taxonomy: CompiledTaxonomy,
): string[] {
  const found = new Set<string>();
  texts.forEach((text, i) => {
    for (const id of tagTopics(text, langs[i] ?? 'und', taxonomy)) found.add(id);
  });
  return taxonomy.topics.map((t) => t.key).filter((id) => found.has(id));
}
