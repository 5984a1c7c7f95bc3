export const QUESTION_TYPES = ['nps', 'csat', 'ces', 'rating', 'choice', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export type Localized = Record<string, string>;

export type Question = {
  id: string;
  type: QuestionType;
  text: Localized;
  required?: boolean;
  scale?: number;
  options?: { id: string; text: Localized }[];
  multiple?: boolean;
};

export type Survey = {
  id: string;
  publicId: string;
  name: string;
  audience: 'customers' | 'employees' | 'internal';
  status: 'draft' | 'active' | 'closed';
  defaultLocale: string;
  version: number;
  questions: Question[];
  touchpoints: string[];
  channels: string[];
  texts: { intro?: Localized; thanks?: Localized };
  url: string;
  responseCount: number;
  createdAt: string;
  updatedAt: string;
};

export type SurveyDraft = Pick<Survey, 'name' | 'audience' | 'defaultLocale' | 'questions' | 'texts'> & {
  status: Survey['status'];
};

/** The answer range of a scored question type. */
export function scaleOf(q: Pick<Question, 'type' | 'scale'>): [number, number] | null {
  if (q.type === 'nps') return [0, 10];
  if (q.type === 'csat') return [1, 5];
  if (q.type === 'ces') return [1, 7];
  if (q.type === 'rating') return [1, q.scale ?? 5];
  return null;
}
