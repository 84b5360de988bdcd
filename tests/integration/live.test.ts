// Live sessions on both databases: the state machine under the row lock, the integrity rules (no key before
// the reveal in what a phone is sent, late / duplicate / removed answers refused, a guest sees only their
// own), the notices that wake other processes, and the attempts that feed review cards at the end.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Question } from '../../src/lib/bank/types.ts';
import { createUser, type SessionUser } from '../../src/lib/server/auth.ts';
import { syncBank } from '../../src/lib/server/bank-sync.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { attempt, reviewCard, reviewLog } from '../../src/lib/server/db/schema.ts';
import { LIVE_CHANNEL, parseLiveNotice } from '../../src/lib/server/live/hub.ts';
import {
	applyTeacherAction,
	createLiveSession,
	getPlayerView,
	getStepViews,
	getTeacherView,
	joinLiveSession,
	mayFollowSession,
	removePlayer,
	submitLiveAnswer
} from '../../src/lib/server/live/sessions.ts';
import { getLiveGradebookColumns } from '../../src/lib/server/live/gradebook.ts';
import { createAssignment } from '../../src/lib/server/teaching/assignments.ts';
import { getGradebook, getItemAnalysis } from '../../src/lib/server/teaching/results.ts';
import { gradebookTable } from '../../src/lib/teaching/gradebook-table.ts';
import { createClass, joinClass } from '../../src/lib/server/teaching/classes.ts';
import { createSet, editSet } from '../../src/lib/server/teaching/sets.ts';
import { loadRealBank, rightResponse, wrongResponse } from '../helpers/bank.ts';
import { describeResponse } from '../../src/lib/quiz/grade.ts';
import { backends, createTestDatabase, oneConnectionDb, type TestDatabase } from '../helpers/db.ts';
import { refusal } from '../helpers/refusal.ts';

const bank = loadRealBank();
const byId = new Map(bank.questions.map((q) => [q.id, q]));

/** Every string in a value, to search what a phone is sent for a key or an explanation. */
const textOf = (value: unknown) => JSON.stringify(value);

/** Words of the key that a presented question never holds: the explanation, and for choices the right option's flag. */
function keyLeaks(q: Question, sent: string) {
	return sent.includes(q.explanation) || sent.includes('"correct"') || sent.includes('correctText');
}

describe.each(backends())('live sessions on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;
	let teacher: SessionUser;
	let alice: SessionUser;
	let bob: SessionUser;
	let setId: string;
	let sessionId: string;
	let joinCode: string;
	let guestToken: string;
	const notices: string[] = [];
	const T0 = Date.now();
	const at = (ms: number) => new Date(T0 + ms);
	const aliceWho = () => ({ userId: alice.id, token: null });
	const bobWho = () => ({ userId: bob.id, token: null });
	const guestWho = () => ({ userId: null, token: guestToken });
	const questionAt = async (ms: number) => {
		const view = await getPlayerView(db, sessionId, aliceWho(), at(ms));
		return byId.get(view!.question!.id)!;
	};

	/** Each phone's part of the step read (what its event carries) is what its own page load returns. */
	const expectStepViewsAsLoads = async (ms: number) => {
		const step = (await getStepViews(db, sessionId, at(ms)))!;
		const phones = [aliceWho(), bobWho(), guestWho()];
		for (const who of phones) {
			const follow = await mayFollowSession(db, sessionId, who);
			const playerId = follow?.role === 'player' ? follow.playerId : '';
			expect(step.views.get(playerId)).toEqual(await getPlayerView(db, sessionId, who, at(ms)));
		}
		return step;
	};

	beforeAll(async () => {
		database = await createTestDatabase(backend);
		db = database.db;
		await syncBank(db, bank);
		teacher = await createUser(db, {
			email: 't@test.example',
			password: 'a-long-password',
			displayName: 'Teacher',
			role: 'teacher'
		});
		alice = await createUser(db, {
			email: 'alice@test.example',
			password: 'a-long-password',
			displayName: 'Alice'
		});
		bob = await createUser(db, {
			email: 'bob@test.example',
			password: 'a-long-password',
			displayName: 'Bob'
		});
		({ id: setId } = await createSet(db, teacher.id, 'Live set'));
		const ids = ['single', 'true_false', 'numeric'].map(
			(type) => bank.questions.find((q) => q.type === type)!.id
		);
		await editSet(db, teacher.id, setId, { kind: 'add', questionIds: ids });
		await database.listen(LIVE_CHANNEL, (payload) => notices.push(payload));
	});
	afterAll(async () => database?.dispose());

	test('a session opens in its lobby with a six-digit code; players join by it', async () => {
		({ id: sessionId, joinCode } = await createLiveSession(
			db,
			teacher.id,
			{ setId },
			{ secondsPerQuestion: 20, speedBonus: true, guestsAllowed: true },
			at(0)
		));
		expect(joinCode).toMatch(/^\d{6}$/);
		await joinLiveSession(
			db,
			joinCode,
			{ kind: 'user', userId: alice.id, displayName: 'Alice' },
			'a1',
			at(1)
		);
		// Joining twice is the same player.
		await joinLiveSession(
			db,
			joinCode,
			{ kind: 'user', userId: alice.id, displayName: 'Alice' },
			'a1',
			at(1)
		);
		await joinLiveSession(
			db,
			joinCode,
			{ kind: 'user', userId: bob.id, displayName: 'Bob' },
			'a1',
			at(1)
		);
		const guest = await joinLiveSession(
			db,
			` ${joinCode.slice(0, 3)}-${joinCode.slice(3)} `,
			{ kind: 'guest', nickname: 'Guest Awa' },
			'a2',
			at(2)
		);
		guestToken = guest.token!;
		expect(guestToken.length).toBeGreaterThan(20);
		const view = await getTeacherView(db, teacher.id, sessionId, at(3));
		expect(view.players.map((p) => p.nickname)).toEqual(['Alice', 'Bob', 'Guest Awa']);
		expect(view.question).toBeNull();
		// Wrong codes, and another teacher's look, are refused.
		expect(
			(
				await refusal(
					joinLiveSession(
						db,
						'000000' === joinCode ? '111111' : '000000',
						{ kind: 'guest', nickname: 'X' },
						'a3',
						at(3)
					)
				)
			).status
		).toBe(404);
		expect(
			(
				await refusal(
					joinLiveSession(db, joinCode, { kind: 'guest', nickname: '   ' }, 'a3', at(3))
				)
			).status
		).toBe(400);
		expect((await refusal(getTeacherView(db, alice.id, sessionId, at(3)))).status).toBe(404);
	});

	test('actions out of turn are refused; start opens the first question', async () => {
		expect(
			(await refusal(applyTeacherAction(db, teacher.id, sessionId, { kind: 'reveal' }, at(4))))
				.status
		).toBe(409);
		expect(
			(await refusal(applyTeacherAction(db, alice.id, sessionId, { kind: 'start' }, at(4)))).status
		).toBe(404);
		await applyTeacherAction(db, teacher.id, sessionId, { kind: 'start' }, at(5_000));
		const view = await getTeacherView(db, teacher.id, sessionId, at(6_000));
		expect(view.session.state).toBe('question');
		expect(view.session.remainingMs).toBe(19_000);
		// The notices carry the session, its sequence number and what changed.
		const last = notices
			.map(parseLiveNotice)
			.filter((n) => n?.sessionId === sessionId)
			.at(-1);
		expect(last).toMatchObject({ kind: 'state', state: 'question', seq: view.session.seq });
	});

	test('before the reveal a phone gets the question and its own answer, never the key', async () => {
		const q = await questionAt(6);
		const before = await getPlayerView(db, sessionId, aliceWho(), at(6));
		expect(keyLeaks(q, textOf(before))).toBe(false);
		// On Postgres through one connection: every statement of an answer goes out prepared (one round
		// trip each while the room's answers hold the session's share lock), and of the views.
		const one = oneConnectionDb(database);
		try {
			await submitLiveAnswer(
				one?.db ?? db,
				sessionId,
				aliceWho(),
				q.id,
				rightResponse(q),
				at(10_000)
			);
			if (one) {
				// And what a phone, the projector and a change of step read.
				await getPlayerView(one.db, sessionId, aliceWho(), at(10_001));
				await getTeacherView(one.db, teacher.id, sessionId, at(10_002));
				await getStepViews(one.db, sessionId, at(10_003));
				expect(await one.unprepared()).toEqual([]);
			}
		} finally {
			await one?.end();
		}
		const after = await getPlayerView(db, sessionId, aliceWho(), at(10_001));
		expect(after!.answered).toBe(true);
		expect(after!.myResponse).toEqual(rightResponse(q));
		// No points, verdict or rank that would say right or wrong before the reveal.
		expect(after!.verdict).toBeNull();
		expect(keyLeaks(q, textOf(after))).toBe(false);
		expect(after!.me.points).toBe(0);
		// The projector counts the answer but shows no key either.
		const projector = await getTeacherView(db, teacher.id, sessionId, at(10_002));
		expect(projector.answeredCount).toBe(1);
		expect(projector.reveal).toBeNull();
		// What a change of step sends each phone holds no more: no key, no verdict, no one else's answer.
		const step = await expectStepViewsAsLoads(10_003);
		expect(step.views.size).toBe(3);
		expect(keyLeaks(q, textOf([...step.views.values()]))).toBe(false);
		expect(textOf([...step.views.values()].filter((v) => !v.answered))).not.toContain(
			JSON.stringify(rightResponse(q))
		);
	});

	test('a second answer, a stale form, a forged answer, a stranger and a removed player are refused', async () => {
		const q = await questionAt(10_100);
		expect(
			(
				await refusal(
					submitLiveAnswer(db, sessionId, aliceWho(), q.id, wrongResponse(q), at(10_100))
				)
			).status
		).toBe(409);
		expect(
			(
				await refusal(
					submitLiveAnswer(
						db,
						sessionId,
						bobWho(),
						'not-this-question',
						rightResponse(q),
						at(10_100)
					)
				)
			).status
		).toBe(409);
		expect(
			(
				await refusal(
					submitLiveAnswer(
						db,
						sessionId,
						bobWho(),
						q.id,
						{ type: 'short_text', text: 'x' },
						at(10_100)
					)
				)
			).status
		).toBe(400);
		expect(
			(
				await refusal(
					submitLiveAnswer(
						db,
						sessionId,
						{ userId: teacher.id, token: 'made-up' },
						q.id,
						rightResponse(q),
						at(10_100)
					)
				)
			).status
		).toBe(403);
		const view = await getTeacherView(db, teacher.id, sessionId, at(10_100));
		const guestPlayer = view.players.find((p) => p.guest)!;
		await removePlayer(db, teacher.id, sessionId, guestPlayer.id);
		const removed = await refusal(
			submitLiveAnswer(db, sessionId, guestWho(), q.id, rightResponse(q), at(10_200))
		);
		expect([removed.status, removed.message]).toEqual([
			403,
			'The teacher has removed you from this session.'
		]);
		expect((await getPlayerView(db, sessionId, guestWho(), at(10_200)))!.me.removed).toBe(true);
		// The first answer stands.
		expect((await getTeacherView(db, teacher.id, sessionId, at(10_300))).answeredCount).toBe(1);
	});

	test('an answer after the server deadline is refused', async () => {
		const q = await questionAt(30_000);
		const late = await refusal(
			submitLiveAnswer(db, sessionId, bobWho(), q.id, rightResponse(q), at(5_000 + 20_000 + 1_001))
		);
		expect([late.status, late.message]).toEqual([
			409,
			'Time is up: this answer came after the deadline.'
		]);
	});

	test('the reveal shows the key, the passage, the distribution and each phone its own verdict', async () => {
		await applyTeacherAction(db, teacher.id, sessionId, { kind: 'reveal' }, at(30_000));
		const q = await questionAt(30_001);
		const projector = await getTeacherView(db, teacher.id, sessionId, at(30_001));
		expect(projector.reveal!.explanation).toBe(q.explanation);
		expect(projector.reveal!.citations[0].articleTitle).toBeTruthy();
		expect(projector.reveal!.distribution.reduce((n, b) => n + b.count, 0)).toBe(1);
		const alicePhone = (await getPlayerView(db, sessionId, aliceWho(), at(30_001)))!;
		// Right at 5 s of 20: 1000 + 500 × 15/20.
		expect(alicePhone.verdict).toMatchObject({ answered: true, correct: true, points: 1375 });
		// Beside the key, the phone shows the player's own answer (theirs only, and only now).
		expect(alicePhone.verdict!.responseText).toBe(describeResponse(q, rightResponse(q)));
		expect(alicePhone.me).toMatchObject({ points: 1375, rank: 1 });
		const bobPhone = (await getPlayerView(db, sessionId, bobWho(), at(30_001)))!;
		expect(bobPhone.verdict).toMatchObject({
			answered: false,
			correct: false,
			points: 0,
			responseText: null
		});
		// A phone never holds another player's answers.
		expect(textOf(bobPhone)).not.toContain(JSON.stringify(rightResponse(q)));
		await expectStepViewsAsLoads(30_001);
		// After the reveal the question is closed.
		expect(
			(await refusal(submitLiveAnswer(db, sessionId, bobWho(), q.id, rightResponse(q), at(30_002))))
				.status
		).toBe(409);
	});

	test('pause, extend, next, end; signed-in players get attempts fed into their reviews', async () => {
		await applyTeacherAction(db, teacher.id, sessionId, { kind: 'next' }, at(31_000));
		const q = await questionAt(31_001);
		await applyTeacherAction(db, teacher.id, sessionId, { kind: 'pause' }, at(32_000));
		expect(
			(await refusal(submitLiveAnswer(db, sessionId, bobWho(), q.id, wrongResponse(q), at(32_100))))
				.message
		).toMatch(/paused/);
		await applyTeacherAction(db, teacher.id, sessionId, { kind: 'resume' }, at(40_000));
		await applyTeacherAction(
			db,
			teacher.id,
			sessionId,
			{ kind: 'extend', seconds: 15 },
			at(41_000)
		);
		// 19 s left at resume, 15 more: an answer at 70 s still counts.
		await submitLiveAnswer(db, sessionId, bobWho(), q.id, wrongResponse(q), at(70_000));
		// Mid-question, the first question's points count and this one's stay hidden: each phone's own place,
		// counted for it alone, is its place in the room's standings.
		const midway = await expectStepViewsAsLoads(70_001);
		expect([...midway.views.values()].map((v) => v.me.rank)).toContain(2);
		const ended = await applyTeacherAction(db, teacher.id, sessionId, { kind: 'end' }, at(80_000));
		expect(ended.state).toBe('finished');
		const bobPhone = (await getPlayerView(db, sessionId, bobWho(), at(80_001)))!;
		// Results for the two questions asked, with explanations now.
		expect(bobPhone.results.map((r) => r.correct)).toEqual([false, false]);
		expect(bobPhone.results[1].explanation).toBe(q.explanation);
		expect(bobPhone.podium[0].nickname).toBe('Alice');
		// Results are each phone's own to load: a finished session's change carries no views.
		expect(await getStepViews(db, sessionId, at(80_002))).toBeNull();
		const attempts = await db.select().from(attempt).where(eq(attempt.liveSessionId, sessionId));
		expect(attempts.map((a) => [a.userId, a.score, a.maxScore, a.status]).sort()).toEqual(
			[
				[alice.id, 1, 2, 'submitted'],
				[bob.id, 0, 2, 'submitted']
			].sort()
		);
		const [{ n: bobCards }] = await db
			.select({ n: count() })
			.from(reviewCard)
			.where(eq(reviewCard.userId, bob.id));
		expect(bobCards).toBe(1);
		const [{ n: aliceLogs }] = await db
			.select({ n: count() })
			.from(reviewLog)
			.where(
				and(
					eq(reviewLog.userId, alice.id),
					eq(reviewLog.attemptId, attempts.find((a) => a.userId === alice.id)!.id)
				)
			);
		expect(aliceLogs).toBe(1);
		// The code is free again and joins are refused.
		expect(
			(
				await refusal(
					joinLiveSession(db, joinCode, { kind: 'guest', nickname: 'Late' }, 'a9', at(80_002))
				)
			).status
		).toBe(404);
	});

	test('wrong codes are rate-limited per address', async () => {
		const tries: string[] = [];
		for (let i = 0; i < 51; i++)
			tries.push(
				await joinLiveSession(
					db,
					'99999' + (i % 10),
					{ kind: 'guest', nickname: 'G' },
					'guesser',
					at(90_000)
				).then(
					() => 'joined',
					(e: Error) => e.name
				)
			);
		expect(tries.slice(0, 50).every((t) => t === 'RequestError')).toBe(true);
		expect(tries[50]).toBe('RateLimitedError');
	});

	test('a session run from an assignment is a column of its class gradebook', async () => {
		const klass = await createClass(db, teacher.id, 'Live class');
		await joinClass(db, bob.id, klass.joinCode);
		const assignmentId = (
			await createAssignment(db, teacher.id, {
				classId: klass.id,
				setId,
				title: 'Homework',
				opensAt: new Date(Date.now() - 3_600_000),
				dueAt: new Date(Date.now() + 86_400_000),
				timeZone: 'UTC',
				attemptsAllowed: 1,
				timeLimitMinutes: null,
				shuffleQuestions: true,
				shuffleOptions: true,
				feedback: 'after_submit',
				lateWork: 'refuse'
			})
		).id;
		const live = await createLiveSession(
			db,
			teacher.id,
			{ assignmentId },
			{ secondsPerQuestion: 30, speedBonus: false, guestsAllowed: false }
		);
		await joinLiveSession(
			db,
			live.joinCode,
			{ kind: 'user', userId: bob.id, displayName: 'Bob' },
			'b1'
		);
		// Guests are not let in when the teacher says so.
		expect(
			(await refusal(joinLiveSession(db, live.joinCode, { kind: 'guest', nickname: 'G' }, 'b1')))
				.status
		).toBe(403);
		await applyTeacherAction(db, teacher.id, live.id, { kind: 'start' });
		const view = await getPlayerView(db, live.id, bobWho());
		const q = byId.get(view!.question!.id)!;
		await submitLiveAnswer(db, live.id, bobWho(), q.id, rightResponse(q));
		await applyTeacherAction(db, teacher.id, live.id, { kind: 'end' });
		const columns = await getLiveGradebookColumns(db, klass.id, [bob.id]);
		expect(columns.sessions.map((s) => s.title)).toEqual(['Homework']);
		expect(columns.cellsOf(bob.id)[0]).toMatchObject({ score: 1, maxScore: 1 });
		expect(columns.averages).toEqual([100]);
		// The spreadsheet carries the live column too, and the item analysis counts the live sitting.
		const table = gradebookTable(await getGradebook(db, teacher.id, klass.id, 'best'), columns);
		expect(table[0].at(-1)).toMatch(/^Homework live \d{4}-\d{2}-\d{2} \(%\)$/);
		expect(table.find((row) => row[0] === 'Bob')!.at(-1)).toBe(100);
		const { analysis } = await getItemAnalysis(db, teacher.id, assignmentId, 'first');
		expect(analysis.attemptCount).toBe(1);
	});
});
