import type { QuestionType } from '../bank/types.ts';

/** What a learner sends for one question. Option and item ids are those of the bank question. */
export type Response =
	| { type: 'single'; optionId: string }
	| { type: 'multiple'; optionIds: string[] }
	| { type: 'true_false'; value: boolean }
	| { type: 'numeric'; value: number }
	| { type: 'short_text'; text: string }
	| { type: 'ordering'; itemIds: string[] };

/** A question as shown before it is answered: no answer key, options in the attempt's shuffled order. */
export type PresentedQuestion = {
	id: string;
	type: QuestionType;
	prompt: string;
	options?: { id: string; text: string }[]; // single, multiple
	items?: { id: string; text: string }[]; // ordering, shuffled
	unit?: string; // numeric
};

/** Result of grading one response: score in [0, 1]. */
export type Grade = { score: number; correct: boolean };
