import type { AppContext } from '../../../http/types';
import { listAnswersAfter, setAnswerTopics } from '../data/repo-answers';
import { listAllTopics } from '../data/repo-topics';
import { compileTopics, topicsOfAnswer } from '../domain/tag-answers';
import type { DetectedLang } from '../domain/text/languages';

const BATCH = 500;

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Tags every stored answer with the current taxonomy, a batch per transaction. Answers whose text
 * was erased keep the topics that still exist.
 */
export async function retagAnswers(ctx: AppContext, orgId: string): Promise<number> {
  let after: string | null = null;
  let changed = 0;
  for (;;) {
    const page = await ctx.db.withOrg(orgId, async (tx) => {
      const taxonomy = compileTopics(await listAllTopics(tx, orgId));
      const known = new Set(taxonomy.topics.map((t) => t.key));
      const answers = await listAnswersAfter(tx, orgId, after, BATCH);
      for (const a of answers) {
        const topics = a.texts
          ? topicsOfAnswer(a.texts, a.langs as DetectedLang[], taxonomy)
          : a.topics.filter((id) => known.has(id));
        if (sameList(topics, a.topics)) continue;
        await setAnswerTopics(tx, orgId, a.responseId, topics);
        changed++;
      }
      return answers;
    });
    if (page.length < BATCH) return changed;
    after = page[page.length - 1].responseId;
  }
}
