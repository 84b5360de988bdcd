import { describe, expect, it, test } from 'vitest';
import type { Article, Bank, Fact, Question, QuestionType } from '../bank/types.ts';
import { generateQuiz, matchingQuestions } from './generate.ts';

// ---- a small fake bank ------------------------------------------------------------------------

function article(slug: string): Article {
	return {
		slug,
		file: `${slug}.txt`,
		title: slug,
		publisher: null,
		eventDate: '2020-01-01',
		furniture: [],
		text: ''
	};
}

function fact(id: string, articleSlug: string): Fact {
	return { id, article: articleSlug, quote: id, span: { start: 0, end: 1 } };
}

type QOpts = { facts: string[]; type?: QuestionType; tags?: string[]; difficulty?: 1 | 2 | 3 };

function question(
	id: string,
	{ facts, type = 'true_false', tags = [], difficulty = 1 }: QOpts
): Question {
	const base = { id, prompt: `Prompt ${id}`, explanation: 'Because.', facts, tags, difficulty };
	switch (type) {
		case 'single':
		case 'multiple':
			return {
				...base,
				type,
				options: [
					{ id: 'a', text: 'A', correct: true },
					{ id: 'b', text: 'B', correct: false }
				]
			};
		case 'true_false':
			return { ...base, type, answer: true };
		case 'numeric':
			return { ...base, type, answer: 1, tolerance: 0, unit: 'u' };
		case 'short_text':
			return { ...base, type, accepted: ['x'] };
		case 'ordering':
			return {
				...base,
				type,
				items: [
					{ id: 'i1', text: '1' },
					{ id: 'i2', text: '2' }
				]
			};
	}
}

/** 3 facts in one article, 2 questions on each. */
function threeFactBank(): Bank {
	return {
		articles: [article('art')],
		facts: [fact('f1', 'art'), fact('f2', 'art'), fact('f3', 'art')],
		questions: ['f1', 'f2', 'f3'].flatMap((f) => [
			question(`${f}-q1`, { facts: [f] }),
			question(`${f}-q2`, { facts: [f] })
		])
	};
}

/** Three articles of very different sizes: a has 12 facts, b 4, c 2; one question per fact. */
function unevenBank(): Bank {
	const sizes = { a: 12, b: 4, c: 2 };
	const facts = Object.entries(sizes).flatMap(([slug, n]) =>
		Array.from({ length: n }, (_, i) => fact(`${slug}-f${i}`, slug))
	);
	return {
		articles: Object.keys(sizes).map(article),
		facts,
		questions: facts.map((f) => question(`q-${f.id}`, { facts: [f.id] }))
	};
}

function mixedBank(): Bank {
	return {
		articles: [article('alpha'), article('beta')],
		facts: [fact('a1', 'alpha'), fact('a2', 'alpha'), fact('b1', 'beta'), fact('b2', 'beta')],
		questions: [
			question('q1', { facts: ['a1'], type: 'single', tags: ['mali', 'army'], difficulty: 1 }),
			question('q2', { facts: ['a2'], type: 'numeric', tags: ['army'], difficulty: 2 }),
			question('q3', { facts: ['b1'], type: 'short_text', tags: ['niger'], difficulty: 3 }),
			question('q4', { facts: ['b2'], type: 'ordering', tags: ['mali'], difficulty: 2 }),
			question('q5', { facts: ['a1', 'b2'], type: 'true_false', tags: [], difficulty: 3 }),
			question('q6', { facts: ['b1'], type: 'multiple', tags: ['niger', 'army'], difficulty: 1 })
		]
	};
}

const factOf = (bank: Bank, id: string) => bank.questions.find((q) => q.id === id)!.facts;
const articleOfQuestion = (bank: Bank, id: string) =>
	bank.facts.find((f) => f.id === factOf(bank, id)[0])!.article;

// ---- tests ------------------------------------------------------------------------------------

describe('generateQuiz: determinism', () => {
	test('the same bank, filters and seed give the same quiz', () => {
		const bank = unevenBank();
		const a = generateQuiz(bank, { count: 8 }, 'seed-a');
		expect(generateQuiz(bank, { count: 8 }, 'seed-a')).toEqual(a);
		expect(a).toHaveLength(8);
		expect(new Set(a).size).toBe(8);
	});

	test('different seeds usually give different quizzes', () => {
		const bank = unevenBank();
		const quizzes = new Set(
			Array.from({ length: 10 }, (_, i) => generateQuiz(bank, { count: 6 }, `seed-${i}`).join(','))
		);
		expect(quizzes.size).toBeGreaterThanOrEqual(8);
	});

	test('the order of the bank does not matter', () => {
		const bank = unevenBank();
		const reversed: Bank = {
			...bank,
			questions: [...bank.questions].reverse(),
			facts: [...bank.facts].reverse(),
			articles: [...bank.articles].reverse()
		};
		for (const seed of ['x', 'y', 'z'])
			expect(generateQuiz(reversed, { count: 7 }, seed)).toEqual(
				generateQuiz(bank, { count: 7 }, seed)
			);
	});

	test('returns min(count, matches) questions, each once', () => {
		const bank = mixedBank();
		expect(generateQuiz(bank, { count: 100 }, 's').sort()).toEqual([
			'q1',
			'q2',
			'q3',
			'q4',
			'q5',
			'q6'
		]);
		expect(generateQuiz(bank, { count: 0 }, 's')).toEqual([]);
		expect(generateQuiz({ articles: [], facts: [], questions: [] }, { count: 5 }, 's')).toEqual([]);
	});
});

describe('generateQuiz: filters', () => {
	const bank = mixedBank();
	const all = (filters: Parameters<typeof generateQuiz>[1]) =>
		generateQuiz(bank, { ...filters, count: 100 }, 'f').sort();

	test('articles: a question matches when any of its facts is in one of them', () => {
		expect(all({ count: 0, articles: ['alpha'] })).toEqual(['q1', 'q2', 'q5']);
		expect(all({ count: 0, articles: ['beta'] })).toEqual(['q3', 'q4', 'q5', 'q6']);
		expect(all({ count: 0, articles: ['nowhere'] })).toEqual([]);
	});

	test('tags: any of the tags', () => {
		expect(all({ count: 0, tags: ['mali'] })).toEqual(['q1', 'q4']);
		expect(all({ count: 0, tags: ['mali', 'niger'] })).toEqual(['q1', 'q3', 'q4', 'q6']);
	});

	test('types and difficulty', () => {
		expect(all({ count: 0, types: ['numeric', 'ordering'] })).toEqual(['q2', 'q4']);
		expect(all({ count: 0, difficulty: { min: 2, max: 2 } })).toEqual(['q2', 'q4']);
		expect(all({ count: 0, difficulty: { min: 3, max: 3 } })).toEqual(['q3', 'q5']);
	});

	test('filters combine; empty filters restrict nothing', () => {
		expect(
			all({ count: 0, articles: ['beta'], tags: ['army'], difficulty: { min: 1, max: 2 } })
		).toEqual(['q6']);
		expect(all({ count: 0, articles: [], tags: [], types: [] })).toEqual([
			'q1',
			'q2',
			'q3',
			'q4',
			'q5',
			'q6'
		]);
		expect(matchingQuestions(bank, {}).map((q) => q.id)).toEqual([
			'q1',
			'q2',
			'q3',
			'q4',
			'q5',
			'q6'
		]);
	});
});

describe('generateQuiz: spread over facts', () => {
	test('count 3 over 3 facts with 2 questions each: 3 different facts, whatever the seed', () => {
		const bank = threeFactBank();
		for (let i = 0; i < 50; i++) {
			const quiz = generateQuiz(bank, { count: 3 }, `spread-${i}`);
			expect(quiz).toHaveLength(3);
			expect(new Set(quiz.map((id) => factOf(bank, id)[0])).size).toBe(3);
		}
	});

	test('count 5: every fact is used before any repeats, and no fact three times', () => {
		const bank = threeFactBank();
		for (let i = 0; i < 50; i++) {
			const quiz = generateQuiz(bank, { count: 5 }, `five-${i}`);
			const uses = new Map<string, number>();
			for (const id of quiz)
				uses.set(factOf(bank, id)[0], (uses.get(factOf(bank, id)[0]) ?? 0) + 1);
			expect(uses.size).toBe(3);
			expect([...uses.values()].sort()).toEqual([1, 2, 2]);
		}
	});

	test('a question sharing a fact with one already chosen waits until fresh facts run out', () => {
		// q-shared rests on f1 and f2; the others each on one fact. With count 3 and seeds that pick q-shared,
		// the remaining picks must avoid f1 and f2 while f3/f4 questions remain.
		const bank: Bank = {
			articles: [article('art')],
			facts: ['f1', 'f2', 'f3', 'f4'].map((f) => fact(f, 'art')),
			questions: [
				question('q-shared', { facts: ['f1', 'f2'] }),
				question('q-f1', { facts: ['f1'] }),
				question('q-f2', { facts: ['f2'] }),
				question('q-f3', { facts: ['f3'] }),
				question('q-f4', { facts: ['f4'] })
			]
		};
		for (let i = 0; i < 50; i++) {
			const quiz = generateQuiz(bank, { count: 3 }, `shared-${i}`);
			const facts = quiz.flatMap((id) => factOf(bank, id));
			expect(new Set(facts).size).toBe(facts.length);
		}
	});
});

describe('generateQuiz: balance over articles', () => {
	test('a quiz over articles of uneven size takes from each in turn', () => {
		const bank = unevenBank();
		for (let i = 0; i < 30; i++) {
			const quiz = generateQuiz(bank, { count: 6 }, `balance-${i}`);
			const perArticle = new Map<string, number>();
			for (const id of quiz)
				perArticle.set(
					articleOfQuestion(bank, id),
					(perArticle.get(articleOfQuestion(bank, id)) ?? 0) + 1
				);
			expect(Object.fromEntries(perArticle)).toEqual({ a: 2, b: 2, c: 2 });
		}
	});

	test('when a small article runs out, the rest stays balanced', () => {
		const bank = unevenBank();
		const quiz = generateQuiz(bank, { count: 10 }, 'balance-10');
		const counts = { a: 0, b: 0, c: 0 } as Record<string, number>;
		for (const id of quiz) counts[articleOfQuestion(bank, id)]++;
		expect(counts).toEqual({ a: 4, b: 4, c: 2 });
	});

	test('an article filter balances over the chosen articles only', () => {
		const bank = unevenBank();
		for (let i = 0; i < 20; i++) {
			const quiz = generateQuiz(bank, { count: 8, articles: ['a', 'b'] }, `ab-${i}`);
			const counts = { a: 0, b: 0, c: 0 } as Record<string, number>;
			for (const id of quiz) counts[articleOfQuestion(bank, id)]++;
			expect(counts).toEqual({ a: 4, b: 4, c: 0 });
		}
	});

	test('ties between articles are broken by the seed, not always the same way', () => {
		const bank = unevenBank();
		const firstPicks = new Set<string>();
		for (let i = 0; i < 30; i++)
			firstPicks.add(articleOfQuestion(bank, generateQuiz(bank, { count: 1 }, `tie-${i}`)[0]));
		expect(firstPicks).toEqual(new Set(['a', 'b', 'c']));
	});
});

describe('a quiz of chosen questions', () => {
	it('draws only from the question ids given', () => {
		const bank = {
			articles: [],
			facts: [{ id: 'f1', article: 'a', quote: 'q', span: { start: 0, end: 1 } }],
			questions: ['q1', 'q2', 'q3'].map((id) => ({
				id,
				type: 'true_false' as const,
				prompt: id,
				explanation: 'e',
				facts: ['f1'],
				tags: [],
				difficulty: 1 as const,
				answer: true
			}))
		};
		expect(generateQuiz(bank, { questionIds: ['q3', 'q1'], count: 10 }, 's').sort()).toEqual([
			'q1',
			'q3'
		]);
	});
});

describe('the same answer is not asked twice in one quiz', () => {
	/** Six facts; four questions whose answer is "Niger" (single, short text) and two with other answers. */
	function nigerBank(): Bank {
		const facts = ['f1', 'f2', 'f3', 'f4', 'f5', 'f6'].map((id) => fact(id, 'art'));
		const niger = (q: Question): Question =>
			q.type === 'single'
				? {
						...q,
						options: [
							{ id: 'a', text: 'Chad', correct: false },
							{ id: 'b', text: 'Niger', correct: true }
						]
					}
				: q.type === 'short_text'
					? { ...q, accepted: ['NIGER', 'Republic of Niger'] }
					: q;
		return {
			articles: [article('art')],
			facts,
			questions: [
				niger(question('n1', { facts: ['f1'], type: 'single' })),
				niger(question('n2', { facts: ['f2'], type: 'single' })),
				niger(question('n3', { facts: ['f3'], type: 'short_text' })),
				niger(question('n4', { facts: ['f4'], type: 'short_text' })),
				question('o1', { facts: ['f5'], type: 'numeric' }),
				question('o2', { facts: ['f6'], type: 'true_false' })
			]
		};
	}
	const isNiger = (id: string) => id.startsWith('n');

	it('asks "Niger" once while questions with other answers remain, for every seed', () => {
		const bank = nigerBank();
		for (let i = 0; i < 40; i++) {
			const quiz = generateQuiz(bank, { count: 3 }, `answer-${i}`);
			expect(quiz).toHaveLength(3);
			expect(quiz.filter(isNiger), `seed answer-${i}: ${quiz.join(', ')}`).toHaveLength(1);
		}
	});

	it('still fills the quiz from repeated answers when nothing else matches', () => {
		expect(generateQuiz(nigerBank(), { count: 6 }, 's')).toHaveLength(6);
	});
});
