import { describe, expect, test } from 'vitest';
import type { Question } from '../bank/types.ts';
import {
	ANSWER_GRACE_MS,
	answerDistribution,
	answerRefusal,
	applyLiveAction,
	cleanNickname,
	isWellFormedLiveCode,
	LiveRuleError,
	normaliseLiveCode,
	pointsFor,
	rankPlayers,
	type LiveClock
} from './rules.ts';

const t0 = new Date('2026-12-05T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

const lobby: LiveClock = {
	state: 'lobby',
	questionIndex: -1,
	questionCount: 2,
	secondsPerQuestion: 20,
	questionStartedAt: null,
	questionDeadlineAt: null,
	pausedRemainingMs: null
};

const withCount = (c: Omit<LiveClock, 'questionCount' | 'secondsPerQuestion'>): LiveClock => ({
	...c,
	questionCount: 2,
	secondsPerQuestion: 20
});

describe('applyLiveAction', () => {
	test('start opens the first question with the deadline from the time per question', () => {
		const s = applyLiveAction(lobby, { kind: 'start' }, t0);
		expect(s).toEqual({
			state: 'question',
			questionIndex: 0,
			questionStartedAt: t0,
			questionDeadlineAt: at(20_000),
			pausedRemainingMs: null
		});
	});

	test('a session runs start → reveal → next → reveal → next into finished', () => {
		let s = withCount(applyLiveAction(lobby, { kind: 'start' }, t0));
		s = withCount(applyLiveAction(s, { kind: 'reveal' }, at(5_000)));
		expect(s.state).toBe('reveal');
		// The reveal closes the question at once.
		expect(s.questionDeadlineAt).toEqual(at(5_000));
		s = withCount(applyLiveAction(s, { kind: 'next' }, at(6_000)));
		expect([s.state, s.questionIndex]).toEqual(['question', 1]);
		s = withCount(applyLiveAction(s, { kind: 'reveal' }, at(30_000)));
		expect(s.questionDeadlineAt).toEqual(at(26_000));
		s = withCount(applyLiveAction(s, { kind: 'next' }, at(31_000)));
		expect(s.state).toBe('finished');
	});

	test('actions out of turn are refused with the reason', () => {
		expect(() => applyLiveAction(lobby, { kind: 'reveal' }, t0)).toThrow(LiveRuleError);
		expect(() => applyLiveAction(lobby, { kind: 'next' }, t0)).toThrow(/Reveal the answer/);
		const q = withCount(applyLiveAction(lobby, { kind: 'start' }, t0));
		expect(() => applyLiveAction(q, { kind: 'start' }, t0)).toThrow(/lobby/);
		expect(() => applyLiveAction(q, { kind: 'next' }, t0)).toThrow(/Reveal/);
		const over = withCount(applyLiveAction(q, { kind: 'end' }, t0));
		expect(() => applyLiveAction(over, { kind: 'end' }, t0)).toThrow(/already ended/);
		expect(() => applyLiveAction({ ...lobby, questionCount: 0 }, { kind: 'start' }, t0)).toThrow(
			/no questions/
		);
	});

	test('pause keeps the time left and resume gives it back', () => {
		const q = withCount(applyLiveAction(lobby, { kind: 'start' }, t0));
		const paused = withCount(applyLiveAction(q, { kind: 'pause' }, at(8_000)));
		expect(paused.pausedRemainingMs).toBe(12_000);
		expect(answerRefusal(paused, 0, at(8_500))).toMatch(/paused/);
		const resumed = applyLiveAction(paused, { kind: 'resume' }, at(60_000));
		expect(resumed.questionDeadlineAt).toEqual(at(72_000));
	});

	test('extend adds time from the deadline, within bounds', () => {
		const q = withCount(applyLiveAction(lobby, { kind: 'start' }, t0));
		expect(
			applyLiveAction(q, { kind: 'extend', seconds: 15 }, at(1_000)).questionDeadlineAt
		).toEqual(at(35_000));
		expect(() => applyLiveAction(q, { kind: 'extend', seconds: 0 }, t0)).toThrow(/between/);
		expect(() => applyLiveAction(q, { kind: 'extend', seconds: 1e9 }, t0)).toThrow(/between/);
	});

	test('skip moves on without a reveal, and past the last question finishes', () => {
		const q = withCount(applyLiveAction(lobby, { kind: 'start' }, t0));
		const second = withCount(applyLiveAction(q, { kind: 'skip' }, at(1_000)));
		expect([second.state, second.questionIndex]).toEqual(['question', 1]);
		expect(applyLiveAction(second, { kind: 'skip' }, at(2_000)).state).toBe('finished');
	});
});

describe('answerRefusal', () => {
	const asking = withCount(applyLiveAction(lobby, { kind: 'start' }, t0));
	test('takes an answer to the current question before the deadline (and within the grace)', () => {
		expect(answerRefusal(asking, 0, at(19_999))).toBeNull();
		expect(answerRefusal(asking, 0, at(20_000 + ANSWER_GRACE_MS))).toBeNull();
	});
	test('refuses a late answer, another question, and any state but question', () => {
		expect(answerRefusal(asking, 0, at(20_001 + ANSWER_GRACE_MS))).toMatch(/Time is up/);
		expect(answerRefusal(asking, 1, at(1_000))).toMatch(/closed/);
		expect(answerRefusal(lobby, 0, t0)).toMatch(/closed/);
		expect(answerRefusal({ ...asking, state: 'reveal' }, 0, at(1_000))).toMatch(/closed/);
	});
});

describe('pointsFor', () => {
	const timing = { startedAt: t0, deadlineAt: at(20_000) };
	test('accuracy only: the score times the base points, whatever the time', () => {
		expect(pointsFor({ score: 1 }, { ...timing, receivedAt: at(1) }, false)).toBe(1000);
		expect(pointsFor({ score: 0.5 }, { ...timing, receivedAt: at(19_000) }, false)).toBe(500);
		expect(pointsFor({ score: 0 }, { ...timing, receivedAt: at(1) }, false)).toBe(0);
	});
	test('the speed bonus shrinks with the server-measured time taken, and never rewards a wrong answer', () => {
		expect(pointsFor({ score: 1 }, { ...timing, receivedAt: t0 }, true)).toBe(1500);
		expect(pointsFor({ score: 1 }, { ...timing, receivedAt: at(10_000) }, true)).toBe(1250);
		expect(pointsFor({ score: 1 }, { ...timing, receivedAt: at(20_500) }, true)).toBe(1000);
		expect(pointsFor({ score: 0 }, { ...timing, receivedAt: t0 }, true)).toBe(0);
	});
});

test('rankPlayers: by points, ties share a rank', () => {
	const ranks = rankPlayers([
		{ playerId: 'a', nickname: 'Awa', points: 500 },
		{ playerId: 'b', nickname: 'Bintou', points: 1500 },
		{ playerId: 'c', nickname: 'Cheick', points: 500 },
		{ playerId: 'd', nickname: 'Djeneba', points: 0 }
	]);
	expect(ranks.map((r) => [r.nickname, r.rank])).toEqual([
		['Bintou', 1],
		['Awa', 2],
		['Cheick', 2],
		['Djeneba', 4]
	]);
});

test('cleanNickname and the join code form', () => {
	expect(cleanNickname('  Awa   K ')).toEqual({ nickname: 'Awa K' });
	expect(cleanNickname('  ')).toHaveProperty('problem');
	expect(cleanNickname('x'.repeat(25))).toHaveProperty('problem');
	expect(cleanNickname('a\u0000b')).toHaveProperty('problem');
	expect(normaliseLiveCode(' 123-456 ')).toBe('123456');
	expect(isWellFormedLiveCode('123456')).toBe(true);
	expect(isWellFormedLiveCode('12345')).toBe(false);
	expect(isWellFormedLiveCode('12345a')).toBe(false);
});

test('answerDistribution counts each option and marks the key', () => {
	const q = {
		id: 'q',
		type: 'single',
		prompt: 'p',
		explanation: 'e',
		facts: ['f'],
		tags: [],
		difficulty: 1,
		options: [
			{ id: 'a', text: 'A', correct: true },
			{ id: 'b', text: 'B', correct: false }
		]
	} satisfies Question;
	const bars = answerDistribution(q, [
		{ response: { type: 'single', optionId: 'a' }, score: 1, correct: true },
		{ response: { type: 'single', optionId: 'b' }, score: 0, correct: false },
		{ response: { type: 'single', optionId: 'b' }, score: 0, correct: false }
	]);
	expect(bars).toEqual([
		{ label: 'A', correct: true, count: 1 },
		{ label: 'B', correct: false, count: 2 }
	]);
});
