// The teacher's review of drafted questions: why a draft is rejected (checked here, before anything is
// stored) and the key of a draft in words, for the compact list. Pure.
import { z } from 'zod';
import { MAX_REJECT_NOTE, REJECT_REASONS } from './reject-reasons.ts';
import type { DraftQuestion } from './types.ts';
import { formatAmount } from '../quiz/grade.ts';

/** What the reject form sends: a reason from the list, and a note (needed for "other"). */
export const draftRejectionSchema = z
	.object({
		reason: z.enum(REJECT_REASONS, { error: 'Choose why you reject this draft.' }),
		note: z
			.string()
			.trim()
			.max(MAX_REJECT_NOTE, `The note: at most ${MAX_REJECT_NOTE} characters.`)
			.optional()
			.transform((note) => note || undefined)
	})
	.superRefine((v, ctx) => {
		if (v.reason === 'other' && !v.note)
			ctx.addIssue({
				code: 'custom',
				path: ['note'],
				message: 'Say in the note why you reject it (the reason “Other” needs one).'
			});
	});
export type DraftRejection = z.output<typeof draftRejectionSchema>;
/** A rejection as asked for, before it is checked. */
export type DraftRejectionInput = z.input<typeof draftRejectionSchema>;

/** The right answer of a draft in a few words: what the teacher checks against the quote. */
export function describeDraftKey(q: DraftQuestion): string {
	switch (q.type) {
		case 'single':
		case 'multiple':
			return q.options
				.filter((o) => o.correct)
				.map((o) => o.text)
				.join('; ');
		case 'true_false':
			return q.answer ? 'True' : 'False';
		case 'numeric':
			return `${formatAmount(q.answer, q.unit)}${q.tolerance > 0 ? ` (± ${q.tolerance})` : ''}`;
		case 'short_text':
			return q.accepted.join(' / ');
		case 'ordering':
			return q.items.join(' → ');
	}
}

/** The wrong options of a choice draft, shown beside its key. */
export function draftDistractors(q: DraftQuestion): string[] {
	return q.type === 'single' || q.type === 'multiple'
		? q.options.filter((o) => !o.correct).map((o) => o.text)
		: [];
}
