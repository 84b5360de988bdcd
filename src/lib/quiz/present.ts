// A question as the learner sees it before answering: no answer key, options in a per-attempt order.
import type { Question } from '../bank/types.ts';
import { createRandom, shuffled } from './random.ts';
import type { PresentedQuestion } from './types.ts';

/**
 * Builds the presented form of `q`. Only the fields listed here are copied, so nothing of the key
 * (correct flags, answer, accepted texts, tolerance, explanation, facts) can slip through.
 * The same seed always gives the same order. With `shuffleOptions: false` (a teacher's choice) choices
 * keep the bank's order, which the check keeps independent of the key (bank/quality.ts); ordering items are
 * always shuffled, since their bank order is the answer.
 */
export function presentQuestion(
	q: Question,
	seed: string,
	{ shuffleOptions = true } = {}
): PresentedQuestion {
	const base = { id: q.id, type: q.type, prompt: q.prompt };
	switch (q.type) {
		case 'single':
		case 'multiple': {
			const options = q.options.map((o) => ({ id: o.id, text: o.text }));
			return { ...base, options: shuffleOptions ? shuffled(options, createRandom(seed)) : options };
		}
		case 'ordering': {
			const items = q.items.map((i) => ({ id: i.id, text: i.text }));
			let order = shuffled(items, createRandom(seed));
			// Never show the answer: a shuffle that lands on the correct order is rotated by one.
			if (order.length > 1 && order.every((item, i) => item.id === items[i].id))
				order = [...order.slice(1), order[0]];
			return { ...base, items: order };
		}
		case 'numeric':
			return { ...base, unit: q.unit };
		case 'true_false':
		case 'short_text':
			return base;
	}
}
