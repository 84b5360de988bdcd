import type { QuestionType } from '../bank/types.ts';

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
	single: 'Single choice',
	multiple: 'Multiple select',
	true_false: 'True or false',
	numeric: 'Number',
	short_text: 'Short answer',
	ordering: 'Put in order'
};
