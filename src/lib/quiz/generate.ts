// Picks the questions of a quiz from the bank: filtered, spread over facts and articles, seeded.
import { answerOf } from '../bank/quality.ts';
import type { Bank, Question, QuestionType } from '../bank/types.ts';
import { createRandom, shuffled } from './random.ts';

export type QuizFilters = {
	/** Only these questions (e.g. "practise my mistakes"). */
	questionIds?: string[];
	articles?: string[];
	tags?: string[];
	types?: QuestionType[];
	difficulty?: { min: number; max: number };
	count: number;
};

/** The most questions one quiz holds. */
export const MAX_QUESTIONS_PER_QUIZ = 50;

/** Questions whose facts are not in any known article are grouped under this key for balancing. */
const NO_ARTICLE = '';

function byString(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The questions of the bank that pass every filter given; an empty or missing filter restricts nothing. */
export function matchingQuestions(bank: Bank, filters: Omit<QuizFilters, 'count'>): Question[] {
	const articleOf = new Map(bank.facts.map((f) => [f.id, f.article]));
	const articles = filters.articles?.length ? new Set(filters.articles) : null;
	const tags = filters.tags?.length ? new Set(filters.tags) : null;
	const types = filters.types?.length ? new Set<string>(filters.types) : null;
	const only = filters.questionIds?.length ? new Set(filters.questionIds) : null;
	const min = filters.difficulty?.min ?? -Infinity;
	const max = filters.difficulty?.max ?? Infinity;
	return bank.questions.filter(
		(q) =>
			(!only || only.has(q.id)) &&
			(!articles || q.facts.some((f) => articles.has(articleOf.get(f) ?? ''))) &&
			(!tags || q.tags.some((t) => tags.has(t))) &&
			(!types || types.has(q.type)) &&
			q.difficulty >= min &&
			q.difficulty <= max
	);
}

/** `answer`: the key as one normalised text (single choice, short text, number), or null for other types. */
type Candidate = { id: string; facts: string[]; articles: string[]; answer: string | null };

/**
 * Returns the ids of min(count, matches) questions. The same bank, filters and seed give the same quiz.
 *
 * Spread, in order of precedence:
 * 1. a question whose answer the quiz has not asked yet is always preferred, so "Niger" is not the answer
 *    twice while a matching question with another answer remains;
 * 2. among those, a question whose facts have all been used less is preferred, so no two questions rest on
 *    the same fact while a matching question on fresh facts remains;
 * 3. among those, the next question comes from the article used least so far (ties broken by the seed),
 *    so a quiz over several articles is balanced;
 * 4. among those, the seeded shuffle decides.
 * The chosen questions are then shuffled once more by the seed for the order of the quiz.
 */
export function generateQuiz(bank: Bank, filters: QuizFilters, seed: string): string[] {
	const count = Math.max(0, Math.floor(Number.isFinite(filters.count) ? filters.count : 0));
	const random = createRandom(seed);
	const articleOf = new Map(bank.facts.map((f) => [f.id, f.article]));
	const inScope = filters.articles?.length ? new Set(filters.articles) : null;

	const matches = matchingQuestions(bank, filters)
		.map((q): Candidate => {
			const facts = [...new Set(q.facts)].sort(byString);
			const articles = [
				...new Set(facts.map((f) => articleOf.get(f)).filter((a): a is string => a !== undefined))
			]
				// With an article filter, only the chosen articles count towards balance.
				.filter((a) => !inScope || inScope.has(a))
				.sort(byString);
			return {
				id: q.id,
				facts,
				articles: articles.length ? articles : [NO_ARTICLE],
				answer: answerOf(q)
			};
		})
		// Independent of the bank's order: sort by id, then let the seed decide.
		.sort((a, b) => byString(a.id, b.id));
	// Ids are unique in a valid bank; drop duplicates anyway so a question never appears twice.
	const unique = matches.filter((c, i) => i === 0 || c.id !== matches[i - 1].id);
	let remaining = shuffled(unique, random);

	const factUses = new Map<string, number>();
	const articleUses = new Map<string, number>();
	const load = (c: Candidate) => Math.max(0, ...c.facts.map((f) => factUses.get(f) ?? 0));
	const answersAsked = new Set<string>();
	const picked: string[] = [];

	while (picked.length < count && remaining.length > 0) {
		// 1. Answers not asked yet first.
		const freshAnswers = remaining.filter((c) => c.answer === null || !answersAsked.has(c.answer));
		const candidates = freshAnswers.length ? freshAnswers : remaining;
		// 2. Least-used facts first (all-fresh questions have load 0).
		const lowest = Math.min(...candidates.map(load));
		const pool = candidates.filter((c) => load(c) === lowest);
		// 3. The article used least so far among those the pool can serve; ties go to the seed.
		const articles = [...new Set(pool.flatMap((c) => c.articles))].sort(byString);
		const fewest = Math.min(...articles.map((a) => articleUses.get(a) ?? 0));
		const tied = articles.filter((a) => (articleUses.get(a) ?? 0) === fewest);
		const article = tied[Math.floor(random() * tied.length)];
		// 4. The first such question in the seeded order.
		const choice = pool.find((c) => c.articles.includes(article))!;

		picked.push(choice.id);
		if (choice.answer !== null) answersAsked.add(choice.answer);
		remaining = remaining.filter((c) => c !== choice);
		for (const f of choice.facts) factUses.set(f, (factUses.get(f) ?? 0) + 1);
		for (const a of choice.articles) articleUses.set(a, (articleUses.get(a) ?? 0) + 1);
	}
	return shuffled(picked, random);
}
