// A teacher's edits to a draft, and the question an accepted draft becomes. Pure: the server checks
// every edit here before anything is saved, and the bank's own rules (buildQuestion) check the result.
import { z } from 'zod';
import { buildQuestion } from '../bank/parse.ts';
import type { Question } from '../bank/types.ts';
import type { Draft } from './types.ts';

const line = (what: string, max = 500) =>
	z
		.string()
		.trim()
		.min(1, `${what} must not be empty.`)
		.max(max, `${what}: at most ${max} characters.`);

/** What the review form sends for one draft: texts by position, and which options are right. */
export const draftEditSchema = z.object({
	prompt: line('The question', 600),
	explanation: line('The explanation', 1500),
	options: z.array(line('An option', 200)).optional(),
	/** Positions of the right options (one for single choice). */
	correct: z
		.array(
			z.coerce
				.number({ error: 'Tick the right option with its box.' })
				.int('Tick the right option with its box.')
				.min(0, 'Tick the right option with its box.')
		)
		.optional(),
	items: z.array(line('An event', 300)).optional(),
	answer: z.coerce.number({ error: 'The answer must be a number.' }).optional(),
	tolerance: z.coerce
		.number({ error: 'The tolerance must be a number.' })
		.min(0, 'The tolerance must be 0 or more.')
		.optional(),
	unit: line('The unit', 60).optional(),
	/** A typed answer's accepted forms, one per line of the form. */
	accepted: z
		.array(line('An accepted answer', 200))
		.min(1, 'Give at least one accepted answer.')
		.max(20, 'At most 20 accepted answers.')
		.optional()
});
export type DraftEdit = z.infer<typeof draftEditSchema>;

export class DraftEditError extends Error {
	constructor(
		readonly field: string,
		message: string
	) {
		super(message);
	}
}

/** The draft with the teacher's edits; the quote, its span and value never change (they are the article's). */
export function applyDraftEdit(draft: Draft, edit: DraftEdit): Draft {
	const q = draft.question;
	const base = { ...q, prompt: edit.prompt, explanation: edit.explanation };
	switch (q.type) {
		case 'single':
		case 'multiple': {
			const texts = edit.options ?? q.options.map((o) => o.text);
			if (texts.length !== q.options.length)
				throw new DraftEditError('options', `Give all ${q.options.length} options.`);
			const correct = edit.correct ?? q.options.flatMap((o, i) => (o.correct ? [i] : []));
			if (correct.some((i) => i >= texts.length))
				throw new DraftEditError('correct', 'Mark an option that exists as right.');
			if (q.type === 'single' && correct.length !== 1)
				throw new DraftEditError('correct', 'Mark exactly one option as right.');
			if (q.type === 'multiple' && (correct.length < 1 || correct.length === texts.length))
				throw new DraftEditError(
					'correct',
					'Mark at least one option as right and leave at least one wrong.'
				);
			return {
				...draft,
				question: {
					...base,
					type: q.type,
					options: texts.map((text, i) =>
						correct.includes(i) ? { text, correct: true } : { text }
					)
				}
			};
		}
		case 'ordering': {
			const items = edit.items ?? q.items;
			if (items.length !== q.items.length)
				throw new DraftEditError('items', `Give all ${q.items.length} events.`);
			return { ...draft, question: { ...base, type: 'ordering', items } };
		}
		case 'numeric': {
			const answer = edit.answer ?? q.answer;
			const tolerance = edit.tolerance ?? q.tolerance;
			if (!Number.isFinite(answer))
				throw new DraftEditError('answer', 'The answer must be a number.');
			return {
				...draft,
				question: { ...base, type: 'numeric', answer, tolerance, unit: edit.unit ?? q.unit }
			};
		}
		case 'short_text':
			return {
				...draft,
				question: { ...base, type: 'short_text', accepted: edit.accepted ?? q.accepted }
			};
		case 'true_false':
			return { ...draft, question: { ...base } as Draft['question'] };
	}
}

/**
 * The question an accepted draft becomes, citing `factIds` (the new article's fact first, then the
 * bank's facts it also rests on), checked by the bank's own rules; a problem is a DraftEditError.
 */
export function questionOfDraft(draft: Draft, id: string, factIds: string[]): Question {
	const q = draft.question;
	const common = {
		id,
		prompt: q.prompt,
		explanation: q.explanation,
		facts: factIds,
		tags: q.tags,
		difficulty: q.difficulty
	};
	const problems: string[] = [];
	const report = (message: string) => problems.push(message);
	let built: Question | null;
	switch (q.type) {
		case 'single':
		case 'multiple':
			built = buildQuestion({ ...common, type: q.type, options: q.options }, report);
			break;
		case 'true_false':
			built = buildQuestion({ ...common, type: 'true_false', answer: q.answer }, report);
			break;
		case 'numeric':
			built = buildQuestion(
				{ ...common, type: 'numeric', answer: q.answer, tolerance: q.tolerance, unit: q.unit },
				report
			);
			break;
		case 'short_text':
			built = buildQuestion({ ...common, type: 'short_text', accepted: q.accepted }, report);
			break;
		case 'ordering':
			built = buildQuestion({ ...common, type: 'ordering', items: q.items }, report);
			break;
	}
	if (!built)
		throw new DraftEditError(
			q.type === 'ordering' ? 'items' : 'options',
			`${problems[0].charAt(0).toUpperCase()}${problems[0].slice(1)}.`
		);
	return built;
}
