import { describe, expect, test } from 'vitest';
import {
	analyseItems as analyse,
	FLAG_DISTRACTOR_OVER_KEY,
	FLAG_LOW_DISCRIMINATION,
	FLAG_MIN_ATTEMPTS,
	FLAG_VERY_EASY,
	FLAG_VERY_HARD,
	NO_ANSWER_LABEL,
	type ItemAnalysisOptions,
	type ItemAttempt,
	type ItemQuestion
} from './item-analysis.ts';

/** The thresholds of the flags, tested on small datasets: every attempt count may flag here. */
const analyseItems = (
	questions: ItemQuestion[],
	attempts: ItemAttempt[],
	options: ItemAnalysisOptions = { attempts: 'first' }
) => analyse(questions, attempts, { minAttemptsToFlag: 1, ...options });

let nextId = 0;
function attempt(
	marks: Record<string, number | null>,
	responses: Record<string, string[] | null> = {},
	extra: Partial<ItemAttempt> = {}
): ItemAttempt {
	nextId++;
	return {
		attemptId: `a${nextId}`,
		userId: `u${nextId}`,
		isFirstAttempt: true,
		marks,
		responses,
		...extra
	};
}

/** One question with max mark 1 and no choices, answered with the given marks. */
function singleQuestion(marksList: (number | null)[], maxMark = 1) {
	const questions: ItemQuestion[] = [{ id: 'q', maxMark, choices: [] }];
	return analyseItems(
		questions,
		marksList.map((m) => attempt({ q: m }))
	);
}

describe('analyseItems: a 4-attempt × 3-question dataset worked by hand', () => {
	// Marks (Q1 max 1, Q2 max 2, Q3 max 1; max total 4):
	//
	//        Q1  Q2  Q3 | total X
	//   A     1   2   1 |  4
	//   B     1   0   0 |  1       (B's Q3 unanswered: mark null → 0)
	//   C     0   2   1 |  3
	//   D     0   1   0 |  1       (D's Q1 unanswered: mark null → 0)
	//
	// Totals 4, 1, 3, 1: mean 9/4 = 2.25; sorted 1, 1, 3, 4 → median (1 + 3)/2 = 2.
	//   deviations 1.75, −1.25, 0.75, −1.25; squares 3.0625 + 1.5625 + 0.5625 + 1.5625 = 6.75
	//   V(X) = 6.75 / 3 = 2.25, SD = 1.5.  As % of 4: mean 56.25, median 50, SD 37.5.
	//
	// Q1: x = 1,1,0,0; mean 0.5 → F = 50. V(x) = (4 × 0.25)/3 = 1/3, SD = 0.57735 → 57.735 %.
	//   rest R = X − x = 3,0,3,1; mean 1.75; dev 1.25,−1.75,1.25,−0.75; SS 6.75 → V(R) = 2.25.
	//   C(x,R) = [0.5·1.25 + 0.5·(−1.75) − 0.5·1.25 − 0.5·(−0.75)]/3 = (−0.5)/3 = −1/6.
	//   r = (−1/6)/sqrt(1/3 · 2.25) = (−1/6)/0.866025 = −0.19245 → D = −19.245 → low discrimination.
	//
	// Q2: x = 2,0,2,1; mean 1.25 → F = 62.5. dev 0.75,−1.25,0.75,−0.25; SS 2.75 → V(x) = 0.916667,
	//   SD = 0.957427 → 47.871 % of 2.
	//   R = 2,1,1,0; mean 1; dev 1,0,0,−1; V(R) = 2/3.
	//   C(x,R) = (0.75 + 0 + 0 + 0.25)/3 = 1/3.  r = (1/3)/sqrt(2.75/3 · 2/3) = 1/sqrt(5.5) = 0.426401.
	//
	// Q3: x = 1,0,1,0; mean 0.5 → F = 50; V(x) = 1/3 → SD 57.735 %.
	//   R = 3,1,2,1; mean 1.75; dev 1.25,−0.75,0.25,−0.75; SS 2.75 → V(R) = 2.75/3.
	//   C(x,R) = [0.5·1.25 + 0.5·0.75 + 0.5·0.25 + 0.5·0.75]/3 = 1.5/3 = 0.5.
	//   r = 0.5/sqrt(1/3 · 2.75/3) = 1.5/sqrt(2.75) = 0.904534.
	//
	// Cronbach's alpha: Σ V(x_i) = 1/3 + 2.75/3 + 1/3 = 4.75/3; V(X) = 2.25 = 6.75/3.
	//   α = 3/2 · (1 − 4.75/6.75) = 3/2 · 8/27 = 4/9 = 0.444444.
	//   (Check: V(X) = Σ V + 2 Σ C(x_i,x_j) = 4.75/3 + 2·(−0.5 + 0 + 1.5)/3 = 6.75/3.)
	const questions: ItemQuestion[] = [
		{
			id: 'q1',
			maxMark: 1,
			choices: [
				{ label: 'Paris', isKey: true },
				{ label: 'Lyon', isKey: false },
				{ label: 'Nice', isKey: false }
			]
		},
		{ id: 'q2', maxMark: 2, choices: [] },
		{
			id: 'q3',
			maxMark: 1,
			choices: [
				{ label: 'x', isKey: true },
				{ label: 'y', isKey: true },
				{ label: 'z', isKey: false }
			]
		}
	];
	const attempts: ItemAttempt[] = [
		attempt({ q1: 1, q2: 2, q3: 1 }, { q1: ['Paris'], q2: ['42'], q3: ['x', 'y'] }),
		attempt({ q1: 1, q2: 0, q3: null }, { q1: ['Paris'], q2: ['7'], q3: null }),
		attempt({ q1: 0, q2: 2, q3: 1 }, { q1: ['Lyon'], q2: ['42'], q3: ['x', 'y'] }),
		attempt({ q1: null, q2: 1, q3: 0 }, { q1: null, q2: ['40'], q3: ['z'] })
	];
	const result = analyseItems(questions, attempts);
	const [q1, q2, q3] = result.questions;

	test('test totals', () => {
		expect(result.attemptCount).toBe(4);
		expect(result.maxTotal).toBe(4);
		expect(result.mean).toBeCloseTo(2.25, 10);
		expect(result.median).toBeCloseTo(2, 10);
		expect(result.standardDeviation).toBeCloseTo(1.5, 10);
		expect(result.meanPercent).toBeCloseTo(56.25, 10);
		expect(result.medianPercent).toBeCloseTo(50, 10);
		expect(result.standardDeviationPercent).toBeCloseTo(37.5, 10);
	});

	test("Cronbach's alpha", () => {
		expect(result.cronbachAlpha).toBeCloseTo(4 / 9, 10);
		expect(result.cronbachAlpha).toBeCloseTo(0.444444, 6);
	});

	test('facility index and standard deviation per question', () => {
		expect(q1.questionId).toBe('q1');
		expect(q1.attempts).toBe(4);
		expect(q1.facilityIndex).toBeCloseTo(50, 10);
		expect(q1.standardDeviation).toBeCloseTo(57.735, 3);
		expect(q2.facilityIndex).toBeCloseTo(62.5, 10);
		expect(q2.standardDeviation).toBeCloseTo(47.871, 3);
		expect(q3.facilityIndex).toBeCloseTo(50, 10);
		expect(q3.standardDeviation).toBeCloseTo(57.735, 3);
	});

	test('discrimination index is the correlation with the rest of the test', () => {
		expect(q1.discriminationIndex).toBeCloseTo(-19.245, 3);
		expect(q2.discriminationIndex).toBeCloseTo(42.64, 3);
		expect(q3.discriminationIndex).toBeCloseTo(90.453, 3);
	});

	test('flags', () => {
		expect(q1.flags).toEqual([FLAG_LOW_DISCRIMINATION]);
		expect(q2.flags).toEqual([]);
		expect(q3.flags).toEqual([]);
	});

	test('response counts list every choice, other responses and "No answer"', () => {
		expect(q1.responses).toEqual([
			{ label: 'Paris', count: 2, isKey: true },
			{ label: 'Lyon', count: 1, isKey: false },
			{ label: 'Nice', count: 0, isKey: false },
			{ label: NO_ANSWER_LABEL, count: 1, isKey: false }
		]);
		// Free answers: most frequent first, then alphabetical; no "No answer" row since all answered; the
		// answer that earned the full mark is the key.
		expect(q2.responses).toEqual([
			{ label: '42', count: 2, isKey: true },
			{ label: '40', count: 1, isKey: false },
			{ label: '7', count: 1, isKey: false }
		]);
		expect(q3.responses).toEqual([
			{ label: 'x', count: 2, isKey: true },
			{ label: 'y', count: 2, isKey: true },
			{ label: 'z', count: 1, isKey: false },
			{ label: NO_ANSWER_LABEL, count: 1, isKey: false }
		]);
	});
});

describe('analyseItems: which attempts', () => {
	// u1 did the quiz twice: 0 the first time, 1 the second. u2 once, with 1.
	const questions: ItemQuestion[] = [{ id: 'q', maxMark: 1, choices: [] }];
	const attempts: ItemAttempt[] = [
		attempt({ q: 0 }, {}, { userId: 'u1', isFirstAttempt: true }),
		attempt({ q: 1 }, {}, { userId: 'u1', isFirstAttempt: false }),
		attempt({ q: 1 }, {}, { userId: 'u2', isFirstAttempt: true })
	];

	test('by default only first attempts count', () => {
		const result = analyseItems(questions, attempts);
		// First attempts: 0 and 1 → mean 0.5 → facility 50.
		expect(result.attemptCount).toBe(2);
		expect(result.questions[0].attempts).toBe(2);
		expect(result.mean).toBeCloseTo(0.5, 10);
		expect(result.questions[0].facilityIndex).toBeCloseTo(50, 10);
		expect(analyseItems(questions, attempts, { attempts: 'first' })).toEqual(result);
	});

	test("'all' counts every attempt as independent", () => {
		const result = analyseItems(questions, attempts, { attempts: 'all' });
		// All attempts: 0, 1, 1 → mean 2/3 → facility 66.667; median 1.
		expect(result.attemptCount).toBe(3);
		expect(result.mean).toBeCloseTo(2 / 3, 10);
		expect(result.median).toBe(1);
		expect(result.questions[0].facilityIndex).toBeCloseTo(66.667, 3);
	});
});

describe('analyseItems: unanswered questions', () => {
	test('a null or missing mark counts as 0 and a null or empty response as "No answer"', () => {
		const questions: ItemQuestion[] = [
			{
				id: 'q',
				maxMark: 2,
				choices: [
					{ label: 'A', isKey: true },
					{ label: 'B', isKey: false }
				]
			}
		];
		const result = analyseItems(questions, [
			attempt({ q: 2 }, { q: ['A'] }),
			attempt({ q: null }, { q: null }),
			attempt({}, {}),
			attempt({ q: 0 }, { q: [] })
		]);
		// Marks 2, 0, 0, 0 → mean 0.5 → facility 0.5/2 = 25 %, not 2/2 = 100 % (which ignoring blanks would give).
		expect(result.attemptCount).toBe(4);
		expect(result.mean).toBeCloseTo(0.5, 10);
		expect(result.questions[0].facilityIndex).toBeCloseTo(25, 10);
		expect(result.questions[0].responses).toEqual([
			{ label: 'A', count: 1, isKey: true },
			{ label: 'B', count: 0, isKey: false },
			{ label: NO_ANSWER_LABEL, count: 3, isKey: false }
		]);
	});
});

describe('analyseItems: undefined statistics', () => {
	test('zero variance of the question gives a null discrimination index', () => {
		const questions: ItemQuestion[] = [
			{ id: 'easy', maxMark: 1, choices: [] },
			{ id: 'other', maxMark: 1, choices: [] }
		];
		const result = analyseItems(questions, [
			attempt({ easy: 1, other: 0 }),
			attempt({ easy: 1, other: 1 }),
			attempt({ easy: 1, other: 1 })
		]);
		const [easy, other] = result.questions;
		expect(easy.standardDeviation).toBe(0);
		expect(easy.discriminationIndex).toBeNull();
		// For "other" the rest of the test (always 1) is constant, so its index is null too.
		expect(other.discriminationIndex).toBeNull();
		// No discrimination index, so no "Low discrimination" flag; facility 100 → very easy.
		expect(easy.flags).toEqual([FLAG_VERY_EASY]);
		expect(other.flags).toEqual([]);
	});

	test('fewer than 2 attempts: no sd, discrimination or alpha', () => {
		const questions: ItemQuestion[] = [
			{ id: 'a', maxMark: 1, choices: [] },
			{ id: 'b', maxMark: 1, choices: [] }
		];
		const result = analyseItems(questions, [attempt({ a: 1, b: 0 })]);
		expect(result.attemptCount).toBe(1);
		expect(result.mean).toBe(1);
		expect(result.median).toBe(1);
		expect(result.meanPercent).toBe(50);
		expect(result.standardDeviation).toBeNull();
		expect(result.cronbachAlpha).toBeNull();
		expect(result.questions[0].standardDeviation).toBeNull();
		expect(result.questions[0].discriminationIndex).toBeNull();
	});

	test('no attempts at all', () => {
		const questions: ItemQuestion[] = [
			{ id: 'a', maxMark: 1, choices: [{ label: 'yes', isKey: true }] }
		];
		const result = analyseItems(questions, []);
		expect(result.attemptCount).toBe(0);
		expect(result.mean).toBeNull();
		expect(result.median).toBeNull();
		expect(result.meanPercent).toBeNull();
		expect(result.cronbachAlpha).toBeNull();
		expect(result.questions[0].facilityIndex).toBeNull();
		expect(result.questions[0].responses).toEqual([{ label: 'yes', count: 0, isKey: true }]);
		expect(result.questions[0].flags).toEqual([]);
	});

	test('alpha is null with one question or zero total variance', () => {
		// One question (k = 1): k/(k−1) is undefined.
		expect(singleQuestion([0, 1, 1]).cronbachAlpha).toBeNull();
		// Two questions but every total is 1: V(X) = 0.
		const questions: ItemQuestion[] = [
			{ id: 'a', maxMark: 1, choices: [] },
			{ id: 'b', maxMark: 1, choices: [] }
		];
		const result = analyseItems(questions, [attempt({ a: 1, b: 0 }), attempt({ a: 0, b: 1 })]);
		expect(result.standardDeviation).toBe(0);
		expect(result.cronbachAlpha).toBeNull();
	});

	test('alpha of two perfectly consistent questions is 1', () => {
		// a = b = 0,1,1 → V(a) = V(b) = 1/3; X = 0,2,2 → V(X) = 4/3.
		// α = 2/1 · (1 − (2/3)/(4/3)) = 2 · 1/2 = 1. Each question's rest is the other: r = 1 → D = 100.
		const questions: ItemQuestion[] = [
			{ id: 'a', maxMark: 1, choices: [] },
			{ id: 'b', maxMark: 1, choices: [] }
		];
		const result = analyseItems(questions, [
			attempt({ a: 0, b: 0 }),
			attempt({ a: 1, b: 1 }),
			attempt({ a: 1, b: 1 })
		]);
		expect(result.cronbachAlpha).toBeCloseTo(1, 10);
		expect(result.questions[0].discriminationIndex).toBeCloseTo(100, 10);
	});
});

describe('analyseItems: flags', () => {
	test('"Very hard" fires below 20 % facility, not at 20 %', () => {
		// 1 of 6 right: 16.667 % → very hard.
		expect(singleQuestion([1, 0, 0, 0, 0, 0]).questions[0].flags).toContain(FLAG_VERY_HARD);
		// 1 of 5 right: exactly 20 % → not very hard.
		expect(singleQuestion([1, 0, 0, 0, 0]).questions[0].flags).not.toContain(FLAG_VERY_HARD);
	});

	test('"Very easy" fires above 90 % facility, not at 90 %', () => {
		// Marks out of 10: mean 9.5 → 95 %.
		expect(singleQuestion([10, 9], 10).questions[0].flags).toContain(FLAG_VERY_EASY);
		// Mean 9 → exactly 90 %.
		expect(singleQuestion([10, 8], 10).questions[0].flags).not.toContain(FLAG_VERY_EASY);
		expect(singleQuestion([10, 8], 10).questions[0].flags).not.toContain(FLAG_VERY_HARD);
	});

	test('"Low discrimination" fires below 25, not above', () => {
		// Two questions; b is the rest of the test for a.
		const questions: ItemQuestion[] = [
			{ id: 'a', maxMark: 1, choices: [] },
			{ id: 'b', maxMark: 1, choices: [] }
		];
		// a = 1,1,0,0 and b = 1,0,1,0: C(a,b) = (0.25 − 0.25 − 0.25 + 0.25)/3 = 0 → D = 0 → low.
		const low = analyseItems(questions, [
			attempt({ a: 1, b: 1 }),
			attempt({ a: 1, b: 0 }),
			attempt({ a: 0, b: 1 }),
			attempt({ a: 0, b: 0 })
		]);
		expect(low.questions[0].discriminationIndex).toBeCloseTo(0, 10);
		expect(low.questions[0].flags).toEqual([FLAG_LOW_DISCRIMINATION]);
		// a = 1,1,1,0 and b = 1,1,0,0: means 0.75, 0.5; dev a .25,.25,.25,−.75, b .5,.5,−.5,−.5;
		// C = (.125 + .125 − .125 + .375)/3 = 0.5/3; V(a) = 0.75/3, V(b) = 1/3;
		// r = 0.5/sqrt(0.75) = 0.57735 → D = 57.735 → not low.
		const good = analyseItems(questions, [
			attempt({ a: 1, b: 1 }),
			attempt({ a: 1, b: 1 }),
			attempt({ a: 1, b: 0 }),
			attempt({ a: 0, b: 0 })
		]);
		expect(good.questions[0].discriminationIndex).toBeCloseTo(57.735, 3);
		expect(good.questions[0].flags).toEqual([]);
	});

	test('a distractor chosen more often than the key', () => {
		const questions: ItemQuestion[] = [
			{
				id: 'q',
				maxMark: 1,
				choices: [
					{ label: 'key', isKey: true },
					{ label: 'wrong', isKey: false },
					{ label: 'other', isKey: false }
				]
			}
		];
		const answers = (labels: string[]) =>
			labels.map((l) => attempt({ q: l === 'key' ? 1 : 0 }, { q: [l] }));

		const fires = analyseItems(questions, answers(['key', 'key', 'wrong', 'wrong', 'wrong']));
		expect(fires.questions[0].flags).toContain(FLAG_DISTRACTOR_OVER_KEY);

		// A tie with the key does not fire.
		const tie = analyseItems(questions, answers(['key', 'key', 'wrong', 'wrong', 'other']));
		expect(tie.questions[0].flags).not.toContain(FLAG_DISTRACTOR_OVER_KEY);

		// Blank answers and responses outside the choices are not distractors.
		const blanks = analyseItems(questions, [
			...answers(['key', 'wrong']),
			attempt({ q: null }, { q: null }),
			attempt({ q: null }, { q: null }),
			attempt({ q: 0 }, { q: ['typed'] }),
			attempt({ q: 0 }, { q: ['typed'] })
		]);
		expect(blanks.questions[0].flags).not.toContain(FLAG_DISTRACTOR_OVER_KEY);
		expect(blanks.questions[0].responses).toEqual([
			{ label: 'key', count: 1, isKey: true },
			{ label: 'wrong', count: 1, isKey: false },
			{ label: 'other', count: 0, isKey: false },
			{ label: 'typed', count: 2, isKey: false },
			{ label: NO_ANSWER_LABEL, count: 2, isKey: false }
		]);
	});

	test('with several keys the most chosen key is the reference', () => {
		const questions: ItemQuestion[] = [
			{
				id: 'q',
				maxMark: 1,
				choices: [
					{ label: 'k1', isKey: true },
					{ label: 'k2', isKey: true },
					{ label: 'd', isKey: false }
				]
			}
		];
		// k1 chosen 3 times, k2 once, d twice: d beats k2 but not k1 → no flag.
		const notFired = analyseItems(questions, [
			attempt({ q: 1 }, { q: ['k1', 'k2'] }),
			attempt({ q: 0.5 }, { q: ['k1', 'd'] }),
			attempt({ q: 0.5 }, { q: ['k1', 'd'] })
		]);
		expect(notFired.questions[0].responses.map((r) => r.count)).toEqual([3, 1, 2]);
		expect(notFired.questions[0].flags).not.toContain(FLAG_DISTRACTOR_OVER_KEY);
		// k1 once, k2 once, d twice → fires.
		const fired = analyseItems(questions, [
			attempt({ q: 0.5 }, { q: ['k1', 'd'] }),
			attempt({ q: 0.5 }, { q: ['k2', 'd'] })
		]);
		expect(fired.questions[0].flags).toContain(FLAG_DISTRACTOR_OVER_KEY);
	});

	test('a repeated label in one response counts once', () => {
		const questions: ItemQuestion[] = [
			{ id: 'q', maxMark: 1, choices: [{ label: 'A', isKey: true }] }
		];
		const result = analyseItems(questions, [attempt({ q: 1 }, { q: ['A', 'A'] })]);
		expect(result.questions[0].responses).toEqual([{ label: 'A', count: 1, isKey: true }]);
	});
});

describe('analyseItems: how many attempts a flag rests on', () => {
	const questions: ItemQuestion[] = [{ id: 'q', maxMark: 1, choices: [] }];
	const wrong = (n: number) => Array.from({ length: n }, () => attempt({ q: 0 }, { q: ['x'] }));

	test(`no flag below ${FLAG_MIN_ATTEMPTS} attempts, however the answers fall`, () => {
		expect(analyse(questions, wrong(1)).questions[0].flags).toEqual([]);
		expect(analyse(questions, wrong(FLAG_MIN_ATTEMPTS - 1)).questions[0].flags).toEqual([]);
		expect(analyse(questions, wrong(FLAG_MIN_ATTEMPTS)).questions[0].flags).toContain(
			FLAG_VERY_HARD
		);
	});

	test('a typed answer that earned the full mark is marked as the key', () => {
		const result = analyse(questions, [
			attempt({ q: 1 }, { q: ['takuba'] }),
			attempt({ q: 0 }, { q: ['barkhane'] })
		]);
		expect(result.questions[0].responses).toEqual([
			{ label: 'barkhane', count: 1, isKey: false },
			{ label: 'takuba', count: 1, isKey: true }
		]);
	});
});
