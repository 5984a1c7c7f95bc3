import type { CreateSurveyRequest, Survey } from '../../../../src/http/api-types';

/** What the builder edits: a survey's settings, questions and texts, and any status a survey may have. */
export type SurveyDraft = Required<
  Pick<CreateSurveyRequest, 'name' | 'audience' | 'defaultLocale' | 'questions' | 'texts'>
> & { status: Survey['status'] };
