// The rules of a live session, pure (clock passed in): which teacher action is allowed in which state and
// what it changes, whether an answer may still be taken, how many points it earns, and the leaderboard.
// The server (src/lib/server/live/) applies them under the session's row lock.
import type { Question } from '../bank/types.ts';
import type { Response } from '../quiz/types.ts';

export type LiveState = 'lobby' | 'question' | 'reveal' | 'paused' | 'finished';

export type LiveAction =
	| { kind: 'start' }
	| { kind: 'reveal' }
	| { kind: 'next' }
	| { kind: 'skip' }
	| { kind: 'pause' }
	| { kind: 'resume' }
	| { kind: 'extend'; seconds: number }
	| { kind: 'end' };

/** The columns of a session the rules read and change. */
export type LiveClock = {
	state: LiveState;
	questionIndex: number;
	questionCount: number;
	secondsPerQuestion: number;
	questionStartedAt: Date | null;
	questionDeadlineAt: Date | null;
	pausedRemainingMs: number | null;
};

export type LiveChange = Omit<LiveClock, 'questionCount' | 'secondsPerQuestion'>;

/** A teacher's action that the session's state does not allow (the message says why). */
export class LiveRuleError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'LiveRuleError';
	}
}

/** Answers that arrive this late after the deadline still count: a tap at the last moment, over a slow network. */
export const ANSWER_GRACE_MS = 1_000;
export const MAX_EXTEND_SECONDS = 120;
export const BASE_POINTS = 1000;
export const SPEED_BONUS_POINTS = 500;

function openQuestion(index: number, s: LiveClock, now: Date): LiveChange {
	return {
		state: 'question',
		questionIndex: index,
		questionStartedAt: now,
		questionDeadlineAt: new Date(now.getTime() + s.secondsPerQuestion * 1000),
		pausedRemainingMs: null
	};
}

const finished = (s: LiveClock): LiveChange => ({
	state: 'finished',
	questionIndex: s.questionIndex,
	questionStartedAt: s.questionStartedAt,
	questionDeadlineAt: s.questionDeadlineAt,
	pausedRemainingMs: null
});

/** The session after `action`, or LiveRuleError when its state does not allow it. */
export function applyLiveAction(s: LiveClock, action: LiveAction, now: Date): LiveChange {
	const is = (...states: LiveState[]) => states.includes(s.state);
	const refuse = (what: string): never => {
		throw new LiveRuleError(`${what} (the session is ${describeState(s.state)}).`);
	};
	const moveOn = () =>
		s.questionIndex + 1 < s.questionCount ? openQuestion(s.questionIndex + 1, s, now) : finished(s);
	switch (action.kind) {
		case 'start':
			if (!is('lobby')) refuse('Only a session in its lobby can start');
			if (s.questionCount === 0) throw new LiveRuleError('This set has no questions to run.');
			return openQuestion(0, s, now);
		case 'reveal':
			if (!is('question', 'paused')) refuse('Only a question being asked can be revealed');
			return {
				state: 'reveal',
				questionIndex: s.questionIndex,
				questionStartedAt: s.questionStartedAt,
				// The reveal closes the question: nothing is taken after it, whatever time was left.
				questionDeadlineAt:
					s.questionDeadlineAt && s.questionDeadlineAt < now ? s.questionDeadlineAt : now,
				pausedRemainingMs: null
			};
		case 'next':
			if (!is('reveal')) refuse('Reveal the answer before moving on');
			return moveOn();
		case 'skip':
			if (!is('question', 'paused')) refuse('Only a question being asked can be skipped');
			return moveOn();
		case 'pause': {
			if (!is('question')) refuse('Only a question being asked can be paused');
			const left = (s.questionDeadlineAt?.getTime() ?? now.getTime()) - now.getTime();
			return {
				state: 'paused',
				questionIndex: s.questionIndex,
				questionStartedAt: s.questionStartedAt,
				// Paused: answers wait too (the deadline is now until the teacher resumes).
				questionDeadlineAt: now,
				pausedRemainingMs: Math.max(0, left)
			};
		}
		case 'resume':
			if (!is('paused')) refuse('Only a paused session can resume');
			return {
				state: 'question',
				questionIndex: s.questionIndex,
				questionStartedAt: s.questionStartedAt,
				questionDeadlineAt: new Date(now.getTime() + (s.pausedRemainingMs ?? 0)),
				pausedRemainingMs: null
			};
		case 'extend': {
			if (!is('question')) refuse('Only a question being asked can have more time');
			const seconds = Math.trunc(action.seconds);
			if (!(seconds >= 1 && seconds <= MAX_EXTEND_SECONDS))
				throw new LiveRuleError(`Add between 1 and ${MAX_EXTEND_SECONDS} seconds.`);
			const from = Math.max(s.questionDeadlineAt?.getTime() ?? 0, now.getTime());
			return {
				state: 'question',
				questionIndex: s.questionIndex,
				questionStartedAt: s.questionStartedAt,
				questionDeadlineAt: new Date(from + seconds * 1000),
				pausedRemainingMs: null
			};
		}
		case 'end':
			if (is('finished')) refuse('This session has already ended');
			return finished(s);
	}
}

export function describeState(state: LiveState): string {
	switch (state) {
		case 'lobby':
			return 'in its lobby';
		case 'question':
			return 'asking a question';
		case 'reveal':
			return 'showing an answer';
		case 'paused':
			return 'paused';
		case 'finished':
			return 'over';
	}
}

/** Why an answer to the question at `position` received `now` is refused, or null when it is taken. */
export function answerRefusal(
	s: Pick<LiveClock, 'state' | 'questionIndex' | 'questionDeadlineAt'>,
	position: number,
	now: Date
): string | null {
	if (s.state === 'paused') return 'The teacher has paused the session: wait for it to go on.';
	if (s.state !== 'question' || position !== s.questionIndex)
		return 'This question is closed: answers are no longer taken.';
	if (!s.questionDeadlineAt || now.getTime() > s.questionDeadlineAt.getTime() + ANSWER_GRACE_MS)
		return 'Time is up: this answer came after the deadline.';
	return null;
}

/**
 * Points for one graded answer: BASE_POINTS × its score, and with the speed bonus up to SPEED_BONUS_POINTS
 * more for a right answer, shrinking with the time taken, as measured by the server's clock.
 */
export function pointsFor(
	grade: { score: number },
	timing: { startedAt: Date; deadlineAt: Date; receivedAt: Date },
	speedBonus: boolean
): number {
	const base = Math.round(BASE_POINTS * grade.score);
	if (!speedBonus || grade.score <= 0) return base;
	const span = timing.deadlineAt.getTime() - timing.startedAt.getTime();
	const left = timing.deadlineAt.getTime() - timing.receivedAt.getTime();
	const fraction = span > 0 ? Math.min(1, Math.max(0, left / span)) : 0;
	return base + Math.round(SPEED_BONUS_POINTS * grade.score * fraction);
}

export type Standing = { playerId: string; nickname: string; points: number; rank: number };

/** Players by points (ties share a rank, then by nickname); removed players are left out by the caller. */
export function rankPlayers(players: { playerId: string; nickname: string; points: number }[]) {
	const sorted = [...players].sort(
		(a, b) => b.points - a.points || a.nickname.localeCompare(b.nickname)
	);
	const standings: Standing[] = [];
	sorted.forEach((p, i) => {
		const rank = i > 0 && sorted[i - 1].points === p.points ? standings[i - 1].rank : i + 1;
		standings.push({ ...p, rank });
	});
	return standings;
}

/** A nickname as a guest types it: trimmed, inner spaces collapsed; null with the reason when unusable. */
export function cleanNickname(typed: string): { nickname: string } | { problem: string } {
	const nickname = typed.trim().replace(/\s+/g, ' ');
	if (!nickname) return { problem: 'Choose a nickname the class will see.' };
	if (nickname.length > 24) return { problem: 'Keep the nickname to 24 characters.' };
	if (/[\p{C}]/u.test(nickname)) return { problem: 'The nickname has characters it cannot show.' };
	return { nickname };
}

export const LIVE_CODE_LENGTH = 6;

/** A join code as typed: digits only, spaces and dashes ignored. */
export function normaliseLiveCode(typed: string): string {
	return typed.replace(/[\s-]/g, '');
}

export function isWellFormedLiveCode(code: string): boolean {
	return new RegExp(`^\\d{${LIVE_CODE_LENGTH}}$`).test(code);
}

export type DistributionBar = { label: string; count: number; correct: boolean };

/**
 * How the room answered one question, for the reveal: a bar per option (marked right or not) for choice
 * questions, True and False for true/false, and right / partly right / wrong for the others.
 */
export function answerDistribution(
	q: Question,
	answers: { response: Response; score: number; correct: boolean }[]
): DistributionBar[] {
	switch (q.type) {
		case 'single':
		case 'multiple':
			return q.options.map((o) => ({
				label: o.text,
				correct: o.correct,
				count: answers.filter((a) =>
					a.response.type === 'single'
						? a.response.optionId === o.id
						: a.response.type === 'multiple' && a.response.optionIds.includes(o.id)
				).length
			}));
		case 'true_false':
			return [true, false].map((value) => ({
				label: value ? 'True' : 'False',
				correct: q.answer === value,
				count: answers.filter((a) => a.response.type === 'true_false' && a.response.value === value)
					.length
			}));
		default:
			return [
				{ label: 'Right', correct: true, count: answers.filter((a) => a.correct).length },
				{
					label: 'Partly right',
					correct: false,
					count: answers.filter((a) => !a.correct && a.score > 0).length
				},
				{ label: 'Wrong', correct: false, count: answers.filter((a) => a.score === 0).length }
			].filter((bar) => bar.label !== 'Partly right' || bar.count > 0);
	}
}
