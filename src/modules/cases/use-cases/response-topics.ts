import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { topicsOfTexts } from '../../feedback/api';
import type { StoredTopic } from '../data/tables';

/** Finds which of the given topics some texts speak of; returns topic keys. */
type TopicTagger = (input: {
  topics: readonly StoredTopic[];
  texts: readonly string[];
  locale: string;
}) => string[];

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Keyword matching: a keyword matches a whole word or phrase, or a word prefix when it ends
 * with `*`; case and diacritics are ignored.
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

/**
 * Topics of a response for case rules: the organization's feedback taxonomy (stems, every
 * language) and the keywords kept in the case settings.
 */
export async function topicsOfResponse(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  input: { topics: readonly StoredTopic[]; texts: readonly string[]; locale: string },
): Promise<string[]> {
  // The page's locale is not the text's language: people answer in their own; detect it.
  const fromTaxonomy = await topicsOfTexts(ctx, tx, orgId, input.texts);
  return [...new Set([...matchTopicKeywords(input), ...fromTaxonomy.map((t) => t.key)])];
}
