import {
  FORMS_OF_RATER,
  itemsOfForm,
  SOCO_DIMENSIONS,
  SOCO_SCALE,
  type SocoDimension,
  type SocoForm,
  type SocoRater,
} from './soco-instrument';

/**
 * Scoring of the SOCO instrument (the README's "SOCO" section says the same):
 * - a selling-orientation item is reversed: its keyed value is 10 − answer; a customer-orientation
 *   item keeps its answer;
 * - the score is the sum of the keyed values: 24–216 on the full form, 10–90 on the short form,
 *   4–36 on the customer's version (none of its items is reversed);
 * - `mean` is the mean keyed value (1–9), comparable across the forms;
 * - `customerOrientation` is the mean answer of the CO items and `sellingOrientation` the mean answer
 *   of the SO items as given, not reversed (1–9: the higher, the more selling-oriented); the
 *   customer's version has no SO items (null);
 * - each of the four dimensions is the mean keyed value of its items (1–9: the higher, the better).
 */
export type SocoScore = {
  score: number;
  /** The lowest and highest score the form allows. */
  min: number;
  max: number;
  mean: number;
  customerOrientation: number;
  sellingOrientation: number | null;
  dimensions: Record<SocoDimension, number>;
};

export type SocoAnswers = Record<string, number>;

export const keyedValue = (orientation: 'co' | 'so', answer: number) =>
  orientation === 'so' ? SOCO_SCALE.max + SOCO_SCALE.min - answer : answer;

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
/** Two decimals: what is stored and shown. */
export const round2 = (value: number) => Math.round(value * 100) / 100;

/** The answers' score on `form`; the answers are expected checked (checkSocoAnswers). */
export function scoreSoco(form: SocoForm, answers: SocoAnswers): SocoScore {
  const items = itemsOfForm(form);
  const keyed = items.map((i) => ({ item: i, value: keyedValue(i.orientation, answers[i.id]) }));
  const co = items.filter((i) => i.orientation === 'co').map((i) => answers[i.id]);
  const so = items.filter((i) => i.orientation === 'so').map((i) => answers[i.id]);
  const dimensions = Object.fromEntries(
    SOCO_DIMENSIONS.map((d) => [
      d,
      round2(mean(keyed.filter((k) => k.item.dimension === d).map((k) => k.value))),
    ]),
  ) as Record<SocoDimension, number>;
  const score = keyed.reduce((sum, k) => sum + k.value, 0);
  return {
    score,
    min: items.length * SOCO_SCALE.min,
    max: items.length * SOCO_SCALE.max,
    mean: round2(score / items.length),
    customerOrientation: round2(mean(co)),
    sellingOrientation: so.length ? round2(mean(so)) : null,
    dimensions,
  };
}

export type SocoProblem = { field: string; message: string };

/**
 * What is wrong with a filled-in form, each problem naming its field: a form the rater does not
 * fill in, an item missing or not of the form, an answer outside 1–9 or not whole.
 */
export function checkSocoAnswers(rater: SocoRater, form: SocoForm, answers: SocoAnswers): SocoProblem[] {
  if (!FORMS_OF_RATER[rater].includes(form)) {
    return [
      {
        field: 'body.form',
        message: `a ${rater} rater fills in the ${FORMS_OF_RATER[rater].join(' or ')} form, not ${form}`,
      },
    ];
  }
  const items = itemsOfForm(form);
  const ids = new Set(items.map((i) => i.id));
  const problems: SocoProblem[] = [];
  for (const i of items) {
    const answer = answers[i.id];
    if (answer === undefined) problems.push({ field: `body.answers.${i.id}`, message: 'is missing' });
    else if (!Number.isInteger(answer) || answer < SOCO_SCALE.min || answer > SOCO_SCALE.max)
      problems.push({ field: `body.answers.${i.id}`, message: 'must be a whole number from 1 to 9' });
  }
  for (const id of Object.keys(answers)) {
    if (!ids.has(id))
      problems.push({ field: `body.answers.${id}`, message: `is not an item of the ${form} form` });
  }
  return problems;
}
