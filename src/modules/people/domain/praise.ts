/** A customer's answer is praise when it is a promoter's (NPS 9–10), or else satisfied (CSAT 4–5), with words. */
export function praiseScore(
  scores: { nps?: number; csat?: number },
  texts: readonly string[],
): { metric: 'nps' | 'csat'; score: number } | null {
  if (!texts.some((t) => t.trim())) return null;
  if (scores.nps !== undefined) return scores.nps >= 9 ? { metric: 'nps', score: scores.nps } : null;
  if (scores.csat !== undefined && scores.csat >= 4) return { metric: 'csat', score: scores.csat };
  return null;
}

/**
 * Short forms people use for colleagues (Polish, Czech, Russian and English), by the full first name
 * in lower case: "Kasia was lovely" names Katarzyna.
 */
const SHORT_FORMS: Record<string, string[]> = {
  anna: ['ania', 'anka', 'anusia', 'aňa', 'anička', 'аня'],
  katarzyna: ['kasia', 'kaśka'],
  tomasz: ['tomek'],
  magdalena: ['magda'],
  agnieszka: ['aga'],
  aleksandra: ['ola', 'ala'],
  małgorzata: ['gosia', 'małgosia'],
  krzysztof: ['krzyś', 'krzysiek'],
  joanna: ['asia'],
  wojciech: ['wojtek'],
  bartosz: ['bartek'],
  łukasz: ['łukaszek'],
  michał: ['michałek'],
  paweł: ['pawełek'],
  jakub: ['kuba'],
  barbara: ['basia'],
  elżbieta: ['ela'],
  monika: ['monia'],
  natalia: ['natka'],
  karolina: ['karolcia'],
  marcin: ['marcinek'],
  jan: ['jasiek', 'honza'],
  jiří: ['jirka'],
  tereza: ['terka'],
  александр: ['саша'],
  мария: ['маша'],
  екатерина: ['катя'],
  дмитрий: ['дима'],
  robert: ['bob', 'rob'],
  william: ['bill', 'will'],
  elizabeth: ['liz', 'beth'],
};

/** Lower case without diacritics (ł and đ too), so declined and unaccented spellings meet. */
export function fold(word: string): string {
  return word.toLowerCase().replace(/ł/g, 'l').normalize('NFD').replace(/\p{M}/gu, '');
}

/** A name's stem: without a final vowel, so declined forms (Katarzyny, Tomaszowi, Ewie) still match. */
function stemOf(name: string) {
  const f = fold(name);
  const stem = f.replace(/[aeiouyаеиоуыяюэё]$/u, '');
  return stem.length >= 2 ? stem : f;
}

type Candidate = { id: string; name: string };

/**
 * The people a comment names: each capitalised word is matched to the first names (or short forms)
 * it declines from, the longest stem winning (Ewelina is not Ewa); a surname right after a first
 * name narrows it to that person. Returns the ids named (none, one or several).
 */
export function peopleNamed(comment: string, people: readonly Candidate[]): string[] {
  const words = [...comment.matchAll(/[\p{L}]+/gu)].map((m) => m[0]);
  const forms: { id: string; stem: string; full: string; last: string | null }[] = [];
  for (const p of people) {
    const parts = p.name.trim().split(/\s+/);
    const first = parts[0] ?? '';
    const last = parts.length > 1 ? stemOf(parts[parts.length - 1]) : null;
    for (const form of [first, ...(SHORT_FORMS[first.toLowerCase()] ?? [])]) {
      if (form.length < 2) continue;
      forms.push({ id: p.id, stem: stemOf(form), full: fold(form), last });
    }
  }
  const named = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word[0] !== word[0].toUpperCase() || word[0] === word[0].toLowerCase()) continue;
    const w = fold(word);
    const matches = forms.filter((f) => w.startsWith(f.stem) && w.length <= f.full.length + 4);
    if (!matches.length) continue;
    const longest = Math.max(...matches.map((m) => m.stem.length));
    let best = matches.filter((m) => m.stem.length === longest);
    const next = words[i + 1] ? fold(words[i + 1]) : null;
    const bySurname = next ? best.filter((m) => m.last && next.startsWith(m.last)) : [];
    if (bySurname.length) best = bySurname;
    for (const m of best) named.add(m.id);
  }
  return [...named];
}
