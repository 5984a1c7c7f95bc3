/** Which questions a pulse round asks. Pure. */

type Q = { id: string; type: string };

/**
 * The eNPS question (the survey's first NPS question) every round, plus `perRound` of the other
 * questions, taken in turn round after round so each comes back; contact questions never, since
 * a pulse answer names nobody.
 */
export function questionsForRound(questions: readonly Q[], round: number, perRound: number): string[] {
  const enps = questions.find((q) => q.type === 'nps');
  const others = questions.filter((q) => q !== enps && q.type !== 'contact');
  const take = Math.min(perRound, others.length);
  const picked = new Set<string>();
  for (let i = 0; i < take; i++) picked.add(others[(round * take + i) % others.length]!.id);
  // In the survey's order, so the page reads as written.
  return questions.filter((q) => q === enps || picked.has(q.id)).map((q) => q.id);
}
