import type { AppContext } from '../../http/types';
import type { StoredTopic } from './schema';

/** Finds which of the organization's topics some texts speak of; returns topic keys. */
export type TopicTagger = (input: {
  topics: readonly StoredTopic[];
  texts: readonly string[];
  locale: string;
}) => Promise<string[]> | string[];

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Keyword matching: a keyword matches a whole word or phrase, or a word prefix when it ends
 * with `*`; case and diacritics are ignored. Good enough until a better tagger is plugged in.
 */
export const matchTopicKeywords: TopicTagger = ({ topics, texts }) => {
  const text = ` ${fold(texts.join(' \n ')).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return topics
    .filter((topic) =>
      topic.keywords.some((keyword) => {
        const k = fold(keyword)
          .replace(/[^\p{L}\p{N}*]+/gu, ' ')
          .trim();
        if (!k) return false;
        return k.endsWith('*') ? text.includes(` ${k.slice(0, -1)}`) : text.includes(` ${k} `);
      }),
    )
    .map((topic) => topic.key);
};

const taggers = new WeakMap<AppContext, TopicTagger>();

/** Another module (feedback's text insight) may replace keyword matching with its own tagging. */
export function setTopicTagger(ctx: AppContext, tagger: TopicTagger) {
  taggers.set(ctx, tagger);
}

export const topicTaggerOf = (ctx: AppContext): TopicTagger => taggers.get(ctx) ?? matchTopicKeywords;
