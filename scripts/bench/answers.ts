// Answers for the benchmark: a valid response to any bank question (right or wrong, chosen by a
// random draw) and the form fields the question page posts for it (see parseResponseFromForm).
import type { Question } from '../../src/lib/bank/types.ts';
import type { Response } from '../../src/lib/quiz/types.ts';

export type Rng = () => number;

/** Small deterministic generator (mulberry32), so a seed gives the same population every run. */
export function rng(seed: number): Rng {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function pick<T>(r: Rng, list: readonly T[]): T {
	return list[Math.floor(r() * list.length)];
}

/** k distinct items of `list`, in random order. */
export function sample<T>(r: Rng, list: readonly T[], k: number): T[] {
	const copy = [...list];
	for (let i = 0; i < Math.min(k, copy.length); i++) {
		const j = i + Math.floor(r() * (copy.length - i));
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy.slice(0, k);
}

/** A well-formed response: the key about 60% of the time, something else otherwise. */
export function someResponse(q: Question, r: Rng): Response {
	const right = r() < 0.6;
	switch (q.type) {
		case 'single':
			return {
				type: 'single',
				optionId: right ? q.options.find((o) => o.correct)!.id : pick(r, q.options).id
			};
		case 'multiple': {
			const ids = right
				? q.options.filter((o) => o.correct).map((o) => o.id)
				: sample(r, q.options, 1 + Math.floor(r() * q.options.length)).map((o) => o.id);
			return { type: 'multiple', optionIds: ids };
		}
		case 'true_false':
			return { type: 'true_false', value: right ? q.answer : r() < 0.5 };
		case 'numeric':
			return {
				type: 'numeric',
				value: right ? q.answer : q.answer + q.tolerance + 1 + Math.floor(r() * 100)
			};
		case 'short_text':
			return { type: 'short_text', text: right ? q.accepted[0] : 'not sure' };
		case 'ordering': {
			const ids = q.items.map((i) => i.id);
			return { type: 'ordering', itemIds: right ? ids : sample(r, ids, ids.length) };
		}
	}
}

/** The urlencoded body the question page's form posts for `response`. */
export function formBody(q: Question, response: Response): string {
	const form = new URLSearchParams();
	form.append('questionId', q.id);
	form.append('questionType', q.type);
	switch (response.type) {
		case 'single':
			form.append('choice', response.optionId);
			break;
		case 'multiple':
			for (const id of response.optionIds) form.append('choice', id);
			break;
		case 'true_false':
			form.append('value', String(response.value));
			break;
		case 'numeric':
			form.append('value', String(response.value));
			break;
		case 'short_text':
			form.append('text', response.text);
			break;
		case 'ordering':
			for (const id of response.itemIds) form.append('order', id);
			break;
	}
	return form.toString();
}
