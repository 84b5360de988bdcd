import path from 'node:path';
import { loadBankFromDir } from '../../src/lib/bank/load-from-disk.ts';
import type { Bank, Question } from '../../src/lib/bank/types.ts';
import type { Response } from '../../src/lib/quiz/types.ts';

export const questionsDir = path.resolve(import.meta.dirname, '../../questions');

/** The real bank from questions/; fails loudly if it does not validate. */
export function loadRealBank(): Bank {
	const { bank, errors } = loadBankFromDir(questionsDir);
	if (!bank || errors.length)
		throw new Error(
			`bank invalid:\n${errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n')}`
		);
	return bank;
}

/** The right response to a question, built from its key (tests only: the server never does this). */
export function rightResponse(q: Question): Response {
	switch (q.type) {
		case 'single':
			return { type: 'single', optionId: q.options.find((o) => o.correct)!.id };
		case 'multiple':
			return { type: 'multiple', optionIds: q.options.filter((o) => o.correct).map((o) => o.id) };
		case 'true_false':
			return { type: 'true_false', value: q.answer };
		case 'numeric':
			return { type: 'numeric', value: q.answer };
		case 'short_text':
			return { type: 'short_text', text: q.accepted[0] };
		case 'ordering':
			return { type: 'ordering', itemIds: q.items.map((i) => i.id) };
	}
}

/** A wrong response to a question (scores 0). */
export function wrongResponse(q: Question): Response {
	switch (q.type) {
		case 'single':
			return { type: 'single', optionId: q.options.find((o) => !o.correct)!.id };
		case 'multiple':
			return { type: 'multiple', optionIds: q.options.filter((o) => !o.correct).map((o) => o.id) };
		case 'true_false':
			return { type: 'true_false', value: !q.answer };
		case 'numeric':
			return { type: 'numeric', value: q.answer + q.tolerance + 1000 };
		case 'short_text':
			return { type: 'short_text', text: 'certainly not the answer' };
		case 'ordering':
			return { type: 'ordering', itemIds: q.items.map((i) => i.id).reverse() };
	}
}

/** Responses a forger might send for a question: each must be refused. */
export function forgedResponses(q: Question): Response[] {
	const wrongType: Response =
		q.type === 'short_text'
			? { type: 'true_false', value: true }
			: { type: 'short_text', text: 'x' };
	const forged: Response[] = [wrongType];
	if (q.type === 'single') forged.push({ type: 'single', optionId: 'forged-option' });
	if (q.type === 'multiple')
		forged.push({ type: 'multiple', optionIds: [q.options[0].id, 'forged-option'] });
	if (q.type === 'ordering')
		forged.push({ type: 'ordering', itemIds: q.items.slice(1).map((i) => i.id) });
	if (q.type === 'short_text') forged.push({ type: 'short_text', text: 'x'.repeat(5000) });
	if (q.type === 'numeric') forged.push({ type: 'numeric', value: Number.POSITIVE_INFINITY });
	return forged;
}

/**
 * Questions alone on their review card (cards are per fact, the one a question asks about, its first):
 * they cite one fact and no other question asks about it.
 */
export function soleQuestionIds(bank: Bank): string[] {
	return bank.questions
		.filter(
			(q) =>
				q.facts.length === 1 && bank.questions.filter((o) => o.facts[0] === q.facts[0]).length === 1
		)
		.map((q) => q.id);
}
