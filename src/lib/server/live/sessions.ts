// Live sessions: open one from a set or an assignment, join it, run it, answer in it, and read it as the
// teacher's projector or as one player's phone. The rules are in $lib/live/rules.ts (pure); this module
// holds the row locks, persists, and sends the change notice (hub.ts) in the same transaction.
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Question } from '../../bank/types.ts';
import {
	answerDistribution,
	answerRefusal,
	applyLiveAction,
	cleanNickname,
	isWellFormedLiveCode,
	LIVE_CODE_LENGTH,
	LiveRuleError,
	normaliseLiveCode,
	pointsFor,
	rankPlayers,
	type LiveAction,
	type Standing
} from '../../live/rules.ts';
import {
	describeCorrectAnswer,
	describeResponse,
	gradeResponse,
	InvalidResponseError,
	validateResponse
} from '../../quiz/grade.ts';
import { presentQuestion } from '../../quiz/present.ts';
import { scoreAttempt } from '../../quiz/score.ts';
import type { PresentedQuestion, Response } from '../../quiz/types.ts';
import type { Db } from '../db/index.ts';
import { getCitationsByFactId, pickCitations, type Citation } from '../db/queries/citations.ts';
import { transactionWithRetry } from '../db/retry.ts';
import {
	answer,
	attempt,
	attemptQuestion,
	liveAnswer,
	livePlayer,
	liveQuestion,
	liveSession,
	questionSetItem,
	questionVersion,
	type LiveAnswer,
	type LiveSession
} from '../db/schema.ts';
import { RequestError } from '../errors.ts';
import {
	HOUR_MS,
	RateLimitedError,
	recordFailure,
	retryAfterSeconds,
	waitText,
	type Limit
} from '../rate-limit.ts';
import { feedAttemptIntoReviews } from '../review/cards.ts';
import { getTeacherAssignment } from '../teaching/assignments.ts';
import { getTeacherSet } from '../teaching/sets.ts';
import { liveNoticeSql, notifyLiveChange, type LiveChangeKind } from './hub.ts';

/** A join code works this long after the session opens (a lesson and some); late joiners need it within. */
export const LIVE_CODE_LIFETIME_MS = 3 * HOUR_MS;
export const LIVE_EXTEND_SECONDS = 15;

// Wrong live codes: per signed-in user, and per address for everyone (guests have nothing else to count by).
export const LIVE_CODES_PER_USER = 10;
export const LIVE_CODES_PER_ADDRESS = 50;

export const liveJoinLimits = (userId: string | null, address: string | null): Limit[] => [
	...(userId ? [{ key: `live-join:${userId}`, max: LIVE_CODES_PER_USER, windowMs: HOUR_MS }] : []),
	...(address
		? [{ key: `live-join-address:${address}`, max: LIVE_CODES_PER_ADDRESS, windowMs: HOUR_MS }]
		: [])
];

export type LiveOptions = {
	secondsPerQuestion: number;
	speedBonus: boolean;
	guestsAllowed: boolean;
};

/** Opens a session in its lobby from one of the teacher's sets, or from an assignment of their class. */
export async function createLiveSession(
	db: Db,
	teacherId: string,
	source: { setId: string } | { assignmentId: string },
	options: LiveOptions,
	now = new Date()
): Promise<{ id: string; joinCode: string }> {
	let from: { setId: string; title: string; assignmentId: string | null; classId: string | null };
	if ('assignmentId' in source) {
		const a = await getTeacherAssignment(db, teacherId, source.assignmentId);
		from = { setId: a.setId, title: a.title, assignmentId: a.id, classId: a.classId };
	} else {
		const set = await getTeacherSet(db, teacherId, source.setId);
		from = { setId: set.id, title: set.name, assignmentId: null, classId: null };
	}
	const items = await db
		.select({ position: questionSetItem.position, versionId: questionSetItem.questionVersionId })
		.from(questionSetItem)
		.where(eq(questionSetItem.setId, from.setId))
		.orderBy(asc(questionSetItem.position));
	if (items.length === 0)
		throw new RequestError(400, 'This set has no questions yet: add some before running it live.');
	const id = randomUUID();
	// A code is unique among open sessions (a partial unique index): a collision just draws another.
	for (let tries = 0; ; tries++) {
		const joinCode = String(randomInt(10 ** LIVE_CODE_LENGTH)).padStart(LIVE_CODE_LENGTH, '0');
		try {
			await db.transaction(async (txRaw) => {
				const tx = txRaw as unknown as Db;
				await tx.insert(liveSession).values({
					id,
					teacherId,
					...from,
					joinCode,
					joinCodeExpiresAt: new Date(now.getTime() + LIVE_CODE_LIFETIME_MS),
					...options,
					createdAt: now
				});
				await tx.insert(liveQuestion).values(
					items.map((item, position) => ({
						sessionId: id,
						position,
						questionVersionId: item.versionId
					}))
				);
			});
			return { id, joinCode };
		} catch (e) {
			const code = (e as { code?: string; cause?: { code?: string } }).code;
			const causeCode = (e as { cause?: { code?: string } }).cause?.code;
			if (tries < 5 && (code === '23505' || causeCode === '23505')) continue;
			throw e;
		}
	}
}

/** The teacher's own session, or 404 (someone else's looks like a missing one). */
export async function getTeacherLiveSession(db: Db, teacherId: string, sessionId: string) {
	const [row] = await db
		.select()
		.from(liveSession)
		.where(and(eq(liveSession.id, sessionId), eq(liveSession.teacherId, teacherId)))
		.prepare('live_teacher_session')
		.execute();
	if (!row) throw new RequestError(404, 'No such live session.');
	return row;
}

export async function listTeacherLiveSessions(db: Db, teacherId: string) {
	return db
		.select({
			id: liveSession.id,
			title: liveSession.title,
			state: liveSession.state,
			createdAt: liveSession.createdAt
		})
		.from(liveSession)
		.where(eq(liveSession.teacherId, teacherId))
		.orderBy(sql`${liveSession.createdAt} desc`)
		.limit(20);
}

export function hashPlayerToken(token: string) {
	return createHash('sha256').update(token).digest('hex');
}

/** Who is asking: a signed-in user, or a guest's cookie token (either may be absent). */
export type PlayerIdentity = { userId: string | null; token: string | null };

export type Joiner =
	{ kind: 'user'; userId: string; displayName: string } | { kind: 'guest'; nickname: string };

/**
 * Joins the open session with this code. Wrong codes count against the limits (rate-limit.ts, as class
 * join codes do). A guest gets a token for their cookie; a signed-in user rejoins as the same player.
 */
export async function joinLiveSession(
	db: Db,
	typedCode: string,
	joiner: Joiner,
	address: string | null,
	now = new Date()
): Promise<{ sessionId: string; token: string | null }> {
	const limits = liveJoinLimits(joiner.kind === 'user' ? joiner.userId : null, address);
	const wait = await retryAfterSeconds(db, limits, now);
	if (wait !== null)
		throw new RateLimitedError(
			wait,
			`Too many wrong codes: try again in ${waitText(wait)}, or ask your teacher to check the code.`
		);
	const code = normaliseLiveCode(typedCode);
	const [found] = isWellFormedLiveCode(code)
		? await db
				.select()
				.from(liveSession)
				.where(
					and(
						eq(liveSession.joinCode, code),
						sql`${liveSession.finishedAt} is null`,
						sql`${liveSession.joinCodeExpiresAt} > ${now.toISOString()}`
					)
				)
		: [];
	if (!found) {
		await recordFailure(db, limits, now);
		throw new RequestError(
			404,
			'No live session has this code: check the digits on the board (codes expire when the lesson ends).'
		);
	}
	if (joiner.kind === 'user') {
		if (found.teacherId === joiner.userId)
			throw new RequestError(409, 'You run this session: open it from your teaching pages.');
		await db.transaction(async (txRaw) => {
			const tx = txRaw as unknown as Db;
			const [inserted] = await tx
				.insert(livePlayer)
				.values({
					id: randomUUID(),
					sessionId: found.id,
					userId: joiner.userId,
					nickname: joiner.displayName.slice(0, 40),
					joinedAt: now
				})
				.onConflictDoNothing()
				.returning({ id: livePlayer.id });
			if (inserted) await notifyLiveChange(tx, { ...notice(found), kind: 'players' });
		});
		const [me] = await db
			.select({ removed: livePlayer.removed })
			.from(livePlayer)
			.where(and(eq(livePlayer.sessionId, found.id), eq(livePlayer.userId, joiner.userId)));
		if (me?.removed) throw new RequestError(403, 'The teacher has removed you from this session.');
		return { sessionId: found.id, token: null };
	}
	if (!found.guestsAllowed)
		throw new RequestError(403, 'This session is for signed-in students: sign in, then join.');
	const cleaned = cleanNickname(joiner.nickname);
	if ('problem' in cleaned) throw new RequestError(400, cleaned.problem);
	const token = randomBytes(24).toString('base64url');
	await db.transaction(async (txRaw) => {
		const tx = txRaw as unknown as Db;
		await tx.insert(livePlayer).values({
			id: randomUUID(),
			sessionId: found.id,
			userId: null,
			nickname: cleaned.nickname,
			tokenHash: hashPlayerToken(token),
			joinedAt: now
		});
		await notifyLiveChange(tx, { ...notice(found), kind: 'players' });
	});
	return { sessionId: found.id, token };
}

const notice = (s: Pick<LiveSession, 'id' | 'seq' | 'state'>, kind: LiveChangeKind = 'state') => ({
	sessionId: s.id,
	seq: s.seq,
	kind,
	state: s.state
});

/** The player this user or guest token is in this session, or null. */
export async function findPlayer(db: Db, sessionId: string, who: PlayerIdentity) {
	if (who.userId) {
		const [row] = await db
			.select()
			.from(livePlayer)
			.where(and(eq(livePlayer.sessionId, sessionId), eq(livePlayer.userId, who.userId)))
			.prepare('live_player_by_user')
			.execute();
		if (row) return row;
	}
	if (who.token) {
		const [row] = await db
			.select()
			.from(livePlayer)
			.where(
				and(
					eq(livePlayer.sessionId, sessionId),
					eq(livePlayer.tokenHash, hashPlayerToken(who.token))
				)
			)
			.prepare('live_player_by_token')
			.execute();
		if (row) return row;
	}
	return null;
}

async function lockTeacherSession(tx: Db, teacherId: string, sessionId: string) {
	const [row] = await tx
		.select()
		.from(liveSession)
		.where(and(eq(liveSession.id, sessionId), eq(liveSession.teacherId, teacherId)))
		.for('update');
	if (!row) throw new RequestError(404, 'No such live session.');
	return row;
}

/** Applies one of the teacher's actions under the session's row lock; bumps seq and notifies every process. */
export async function applyTeacherAction(
	db: Db,
	teacherId: string,
	sessionId: string,
	action: LiveAction,
	now = new Date()
) {
	// Retried on a deadlock: the final step moves review cards that a student's own submit may hold.
	return transactionWithRetry(db, async (tx) => {
		const s = await lockTeacherSession(tx, teacherId, sessionId);
		const [{ n }] = await tx
			.select({ n: sql<number>`count(*)::int` })
			.from(liveQuestion)
			.where(eq(liveQuestion.sessionId, sessionId));
		let change;
		try {
			change = applyLiveAction({ ...s, questionCount: n }, action, now);
		} catch (e) {
			if (e instanceof LiveRuleError) throw new RequestError(409, e.message);
			throw e;
		}
		const seq = s.seq + 1;
		const finishing = change.state === 'finished';
		await tx
			.update(liveSession)
			.set({ ...change, seq, ...(finishing ? { finishedAt: now } : {}) })
			.where(eq(liveSession.id, sessionId));
		if (finishing) await recordPlayersAttempts(tx, s, now);
		await notifyLiveChange(tx, { sessionId, seq, kind: 'state', state: change.state });
		return { state: change.state, seq };
	});
}

/** Removes a player: their answers stop counting from now on, and their phone says so. */
export async function removePlayer(db: Db, teacherId: string, sessionId: string, playerId: string) {
	await db.transaction(async (txRaw) => {
		const tx = txRaw as unknown as Db;
		const s = await lockTeacherSession(tx, teacherId, sessionId);
		const [removed] = await tx
			.update(livePlayer)
			.set({ removed: true })
			.where(and(eq(livePlayer.id, playerId), eq(livePlayer.sessionId, sessionId)))
			.returning({ id: livePlayer.id });
		if (!removed) throw new RequestError(404, 'No such player in this session.');
		await tx
			.update(liveSession)
			.set({ seq: s.seq + 1 })
			.where(eq(liveSession.id, sessionId));
		await notifyLiveChange(tx, { ...notice(s), seq: s.seq + 1 });
	});
}

/** How many questions the session has, and the body of the one at `position` (null past the end). */
async function getCurrentQuestion(db: Db, sessionId: string, position: number) {
	const [row] = await db
		.select({
			count: sql<number>`count(*)::int`,
			current: sql<Question | null>`(array_agg(${questionVersion.body}) filter (where ${liveQuestion.position} = ${position}))[1]`
		})
		.from(liveQuestion)
		.innerJoin(questionVersion, eq(questionVersion.id, liveQuestion.questionVersionId))
		.where(eq(liveQuestion.sessionId, sessionId))
		.prepare('live_current_question')
		.execute();
	return { count: row?.count ?? 0, current: row?.current ?? null };
}

async function getSessionQuestions(db: Db, sessionId: string) {
	return db
		.select({ position: liveQuestion.position, body: questionVersion.body })
		.from(liveQuestion)
		.innerJoin(questionVersion, eq(questionVersion.id, liveQuestion.questionVersionId))
		.where(eq(liveQuestion.sessionId, sessionId))
		.orderBy(asc(liveQuestion.position))
		.prepare('live_questions')
		.execute();
}

/** Options in one order per session: the projector and every phone show the same A, B, C. */
const present = (sessionId: string, q: Question) => presentQuestion(q, `${sessionId}:${q.id}`);

/**
 * Takes one player's answer to the current question: refused when the question is closed, late by the
 * server's clock (`receivedAt`), already answered (the primary key), or the player was removed.
 */
export async function submitLiveAnswer(
	db: Db,
	sessionId: string,
	who: PlayerIdentity,
	questionId: string,
	response: Response,
	receivedAt = new Date()
) {
	// Three statements a post, not five (a room answers at once, each round trip a wait under the session's
	// share lock): the session with its question, the player, and the answer written with its notice. Each
	// prepared (asPrepared in db/prepared.ts says why): one round trip each.
	return db.transaction(async (txRaw) => {
		const tx = txRaw as unknown as Db;
		// A share lock on the session: answers from the whole room go in side by side; a teacher's action
		// waits for them.
		const [row] = await tx
			.select({ s: liveSession, body: questionVersion.body })
			.from(liveSession)
			.leftJoin(
				liveQuestion,
				and(
					eq(liveQuestion.sessionId, liveSession.id),
					eq(liveQuestion.position, liveSession.questionIndex)
				)
			)
			.leftJoin(questionVersion, eq(questionVersion.id, liveQuestion.questionVersionId))
			.where(eq(liveSession.id, sessionId))
			.for('share', { of: liveSession })
			.prepare('live_answer_session')
			.execute();
		if (!row) throw new RequestError(404, 'No such live session.');
		const { s, body: q } = row;
		const player = await findPlayer(tx, sessionId, who);
		if (!player) throw new RequestError(403, 'Join the session with its code first.');
		if (player.removed)
			throw new RequestError(403, 'The teacher has removed you from this session.');
		// A form from the previous question is refused rather than graded against the next one.
		if (!q || q.id !== questionId)
			throw new RequestError(409, 'This question is closed: answers are no longer taken.');
		const refusal = answerRefusal(s, s.questionIndex, receivedAt);
		if (refusal) throw new RequestError(409, refusal);
		let grade;
		try {
			validateResponse(q, response);
			grade = gradeResponse(q, response);
		} catch (e) {
			if (e instanceof InvalidResponseError) throw new RequestError(400, e.message);
			throw e;
		}
		const points = pointsFor(
			grade,
			{ startedAt: s.questionStartedAt!, deadlineAt: s.questionDeadlineAt!, receivedAt },
			s.speedBonus
		);
		// The notice rides on the insert: it goes out only for an answer that was written, and only when the
		// transaction commits.
		const [taken] = await tx
			.insert(liveAnswer)
			.values({
				sessionId,
				playerId: player.id,
				position: s.questionIndex,
				response,
				score: grade.score,
				correct: grade.correct,
				points,
				receivedAt
			})
			.onConflictDoNothing()
			.returning({ position: liveAnswer.position, notified: liveNoticeSql(notice(s, 'answer')) })
			.prepare('live_answer_insert')
			.execute();
		if (!taken) throw new RequestError(409, 'You have already answered this question.');
		return { position: s.questionIndex };
	});
}

/**
 * A player's points as the room may see them, in SQL: while a question is being asked its points are left
 * out, as a score that moved would tell a player (or the room) whether an answer was right before the reveal.
 */
function visiblePointsSql(
	player: SQL | typeof livePlayer.id,
	s: Pick<LiveSession, 'state' | 'questionIndex'>
) {
	const hidden = s.state === 'question' || s.state === 'paused' ? s.questionIndex : -1;
	return sql`coalesce((select sum(a.points) from live_answer a where a.player_id = ${player} and a.position <> ${hidden}), 0)`;
}

/** Players and the leaderboard, points as the room may see them. */
async function getStandings(db: Db, s: Pick<LiveSession, 'id' | 'state' | 'questionIndex'>) {
	const sessionId = s.id;
	const rows = await db
		.select({
			playerId: livePlayer.id,
			nickname: livePlayer.nickname,
			removed: livePlayer.removed,
			guest: sql<boolean>`${livePlayer.userId} is null`,
			points: sql<number>`${visiblePointsSql(livePlayer.id, s)}::int`
		})
		.from(livePlayer)
		.where(eq(livePlayer.sessionId, sessionId))
		.orderBy(asc(livePlayer.joinedAt))
		.prepare('live_standings')
		.execute();
	return {
		players: rows,
		standings: rankPlayers(rows.filter((r) => !r.removed))
	};
}

/** Where one player stands: what a phone shows of the standings. */
type PlayerPlace = { points: number; rank: number | null; playerCount: number; podium: Standing[] };

/** A player's place, read from the whole room's standings (a removed player has none). */
function placeIn(standings: Standing[], playerId: string, finished: boolean): PlayerPlace {
	const me = standings.find((r) => r.playerId === playerId);
	return {
		points: me?.points ?? 0,
		rank: me?.rank ?? null,
		playerCount: standings.length,
		podium: finished ? standings.slice(0, 3) : []
	};
}

/**
 * One player's place counted in SQL: a phone loading its page needs its own rank and the room's size, not
 * every player's row (a room of 300 joining read 90,000 rows). Ties share a rank, as in rankPlayers: one more
 * than the players ahead.
 */
async function getPlayerPlace(
	db: Db,
	s: Pick<LiveSession, 'id' | 'state' | 'questionIndex'>,
	playerId: string
): Promise<PlayerPlace> {
	if (s.state === 'finished') return placeIn((await getStandings(db, s)).standings, playerId, true);
	const mine = visiblePointsSql(livePlayer.id, s);
	const others = sql`live_player o where o.session_id = ${livePlayer.sessionId} and not o.removed`;
	const [row] = await db
		.select({
			removed: livePlayer.removed,
			points: sql<number>`${mine}::int`,
			playerCount: sql<number>`(select count(*) from ${others})::int`,
			ahead: sql<number>`(select count(*) from ${others} and ${visiblePointsSql(sql`o.id`, s)} > ${mine})::int`
		})
		.from(livePlayer)
		.where(eq(livePlayer.id, playerId))
		.prepare('live_player_place')
		.execute();
	if (!row) return { points: 0, rank: null, playerCount: 0, podium: [] };
	return {
		points: row.removed ? 0 : row.points,
		rank: row.removed ? null : row.ahead + 1,
		playerCount: row.playerCount,
		podium: []
	};
}

export type RevealedQuestion = {
	correctText: string;
	explanation: string;
	citations: Citation[];
};

async function reveal(db: Db, q: Question): Promise<RevealedQuestion> {
	const byId = await getCitationsByFactId(db, q.facts);
	return {
		correctText: describeCorrectAnswer(q),
		explanation: q.explanation,
		citations: pickCitations(byId, q.facts)
	};
}

function sessionSummary(s: LiveSession, questionCount: number, now: Date) {
	return {
		id: s.id,
		title: s.title,
		state: s.state,
		seq: s.seq,
		questionIndex: s.questionIndex,
		questionCount,
		// Milliseconds left by the server's clock: the browser counts down from this, whatever its own clock says.
		remainingMs:
			s.state === 'question' && s.questionDeadlineAt
				? Math.max(0, s.questionDeadlineAt.getTime() - now.getTime())
				: s.state === 'paused'
					? (s.pausedRemainingMs ?? 0)
					: null,
		secondsPerQuestion: s.secondsPerQuestion,
		speedBonus: s.speedBonus,
		guestsAllowed: s.guestsAllowed
	};
}

/** Everything the projector shows: the question (no key until the reveal), counts, chart, passage, leaderboard. */
export async function getTeacherView(
	db: Db,
	teacherId: string,
	sessionId: string,
	now = new Date()
) {
	const s = await getTeacherLiveSession(db, teacherId, sessionId);
	const questions = await getSessionQuestions(db, sessionId);
	const { players, standings } = await getStandings(db, s);
	const current = questions[s.questionIndex]?.body ?? null;
	const answers = current
		? await db
				.select({
					response: liveAnswer.response,
					score: liveAnswer.score,
					correct: liveAnswer.correct,
					removed: livePlayer.removed
				})
				.from(liveAnswer)
				.innerJoin(livePlayer, eq(livePlayer.id, liveAnswer.playerId))
				.where(and(eq(liveAnswer.sessionId, sessionId), eq(liveAnswer.position, s.questionIndex)))
				.prepare('live_projector_answers')
				.execute()
		: [];
	const counted = answers.filter((a) => !a.removed);
	const revealed = s.state === 'reveal' || (s.state === 'finished' && current !== null);
	return {
		session: { ...sessionSummary(s, questions.length, now), joinCode: s.joinCode },
		codeOpen: s.state !== 'finished' && s.joinCodeExpiresAt > now,
		players: players.map((p) => ({
			id: p.playerId,
			nickname: p.nickname,
			guest: p.guest,
			removed: p.removed
		})),
		question: current && s.state !== 'lobby' ? present(sessionId, current) : null,
		answeredCount: counted.length,
		playerCount: players.filter((p) => !p.removed).length,
		reveal:
			revealed && current && s.state === 'reveal'
				? { ...(await reveal(db, current)), distribution: answerDistribution(current, counted) }
				: null,
		standings: standings.slice(0, s.state === 'finished' ? standings.length : 10),
		assignmentId: s.assignmentId,
		classId: s.classId
	};
}

export type PlayerResult = {
	position: number;
	prompt: string;
	responseText: string;
	correct: boolean;
	points: number;
} & RevealedQuestion;

type PlayerViewParts = {
	s: LiveSession;
	questionCount: number;
	current: Question | null;
	player: { id: string; nickname: string; removed: boolean; guest: boolean };
	place: PlayerPlace;
	/** The player's answer to the question on screen, if any. */
	given: Pick<LiveAnswer, 'response' | 'correct' | 'points'> | null;
	/** The key and passage: only when the session is at a reveal. */
	revealed: RevealedQuestion | null;
	now: Date;
	results?: PlayerResult[];
	attemptId?: string | null;
};

/** One player's phone, from what was read: the same rules whether one phone loads it or a step is sent to all. */
function composePlayerView(p: PlayerViewParts) {
	const { s, current, given, place } = p;
	const asking = s.state === 'question' || s.state === 'paused';
	return {
		session: sessionSummary(s, p.questionCount, p.now),
		me: {
			nickname: p.player.nickname,
			removed: p.player.removed,
			guest: p.player.guest,
			points: place.points,
			rank: place.rank,
			playerCount: place.playerCount
		},
		question: current && (asking || s.state === 'reveal') ? present(s.id, current) : null,
		/** The player's own answer to the current question: their response only, the grade waits for the reveal. */
		myResponse: asking ? (given?.response ?? null) : null,
		answered: given !== null,
		verdict:
			s.state === 'reveal' && current && p.revealed
				? {
						...p.revealed,
						answered: given !== null,
						/** The player's own answer, beside the key: theirs alone, and only once it is revealed. */
						responseText: given ? describeResponse(current, given.response) : null,
						correct: given?.correct ?? false,
						points: given?.points ?? 0
					}
				: null,
		results: p.results ?? [],
		podium: place.podium,
		attemptId: p.attemptId ?? null
	};
}

export type LivePlayerView = ReturnType<typeof composePlayerView>;

/** What one player's phone shows: never the key before the reveal, never anyone else's answers. */
export async function getPlayerView(
	db: Db,
	sessionId: string,
	who: PlayerIdentity,
	now = new Date()
): Promise<LivePlayerView | null> {
	// Independent reads go out together (two waits, three at a reveal), and only the question on screen is
	// read until the session ends.
	const [[s], player] = await Promise.all([
		db
			.select()
			.from(liveSession)
			.where(eq(liveSession.id, sessionId))
			.prepare('live_session')
			.execute(),
		findPlayer(db, sessionId, who)
	]);
	if (!s || !player) return null;
	const [asked, mine, place] = await Promise.all([
		s.state === 'finished'
			? getSessionQuestions(db, sessionId).then((all) => ({
					count: all.length,
					all,
					current: all[s.questionIndex]?.body ?? null
				}))
			: getCurrentQuestion(db, sessionId, s.questionIndex).then((one) => ({ ...one, all: [] })),
		db
			.select()
			.from(liveAnswer)
			.where(eq(liveAnswer.playerId, player.id))
			.orderBy(asc(liveAnswer.position))
			.prepare('live_player_answers')
			.execute(),
		getPlayerPlace(db, s, player.id)
	]);
	const current = asked.current;
	const revealed = s.state === 'reveal' && current ? await reveal(db, current) : null;
	let results: PlayerResult[] = [];
	let attemptId: string | null = null;
	if (s.state === 'finished') {
		const questions = asked.all;
		const byId = await getCitationsByFactId(
			db,
			questions.flatMap((q) => q.body.facts)
		);
		// Only the questions the session reached: the rest were never asked.
		results = questions
			.filter((q) => q.position <= s.questionIndex)
			.map((q) => {
				const a = mine.find((m) => m.position === q.position);
				return {
					position: q.position,
					prompt: q.body.prompt,
					responseText: a ? describeResponse(q.body, a.response) : 'No answer',
					correct: a?.correct ?? false,
					points: a?.points ?? 0,
					correctText: describeCorrectAnswer(q.body),
					explanation: q.body.explanation,
					citations: pickCitations(byId, q.body.facts)
				};
			});
		if (player.userId)
			attemptId =
				(
					await db
						.select({ id: attempt.id })
						.from(attempt)
						.where(and(eq(attempt.liveSessionId, sessionId), eq(attempt.userId, player.userId)))
				)[0]?.id ?? null;
	}
	return composePlayerView({
		s,
		questionCount: asked.count,
		current,
		player: { ...player, guest: player.userId === null },
		place,
		given: mine.find((a) => a.position === s.questionIndex) ?? null,
		revealed,
		now,
		results,
		attemptId
	});
}

/**
 * Every player's view of the session's current step, in four reads whatever the room's size (null once the
 * session has finished: each phone then loads its own results). A change wakes a room of phones at once:
 * one process reads this once and each stream sends its own player only their own part.
 */
export async function getStepViews(db: Db, sessionId: string, now = new Date()) {
	const [s] = await db
		.select()
		.from(liveSession)
		.where(eq(liveSession.id, sessionId))
		.prepare('live_session')
		.execute();
	if (!s || s.state === 'finished') return null;
	const [asked, { players, standings }, given] = await Promise.all([
		getCurrentQuestion(db, sessionId, s.questionIndex),
		getStandings(db, s),
		db
			.select({
				playerId: liveAnswer.playerId,
				response: liveAnswer.response,
				correct: liveAnswer.correct,
				points: liveAnswer.points
			})
			.from(liveAnswer)
			.where(and(eq(liveAnswer.sessionId, sessionId), eq(liveAnswer.position, s.questionIndex)))
			.prepare('live_step_answers')
			.execute()
	]);
	const revealed = s.state === 'reveal' && asked.current ? await reveal(db, asked.current) : null;
	const givenBy = new Map(given.map((a) => [a.playerId, a]));
	const views = new Map<string, LivePlayerView>();
	for (const p of players)
		views.set(
			p.playerId,
			composePlayerView({
				s,
				questionCount: asked.count,
				current: asked.current,
				player: { id: p.playerId, nickname: p.nickname, removed: p.removed, guest: p.guest },
				place: placeIn(standings, p.playerId, false),
				given: givenBy.get(p.playerId) ?? null,
				revealed,
				now
			})
		);
	return { seq: s.seq, views };
}

/** Who may open the session's event stream: its teacher, or a player still in it. */
export async function mayFollowSession(
	db: Db,
	sessionId: string,
	who: PlayerIdentity
): Promise<
	| { role: 'teacher'; seq: number; state: LiveSession['state'] }
	| { role: 'player'; playerId: string; seq: number; state: LiveSession['state'] }
	| null
> {
	const [s] = await db
		.select({ teacherId: liveSession.teacherId, seq: liveSession.seq, state: liveSession.state })
		.from(liveSession)
		.where(eq(liveSession.id, sessionId));
	if (!s) return null;
	if (who.userId && s.teacherId === who.userId)
		return { role: 'teacher', seq: s.seq, state: s.state };
	const player = await findPlayer(db, sessionId, who);
	return player ? { role: 'player', playerId: player.id, seq: s.seq, state: s.state } : null;
}

/** The session's current sequence number and state (a stream's catch-up read). */
export async function getLiveSeq(db: Db, sessionId: string) {
	const [s] = await db
		.select({ seq: liveSession.seq, state: liveSession.state })
		.from(liveSession)
		.where(eq(liveSession.id, sessionId));
	return s ?? null;
}

/**
 * The projector's counters, read in one statement: how many players (not removed) have answered the current
 * question, and how many are in the session, with the seq and state they go with. The teacher's event
 * stream sends these with each answer event, so the projector updates its count without reloading its page.
 */
export async function getLiveCounts(db: Db, sessionId: string) {
	const [row] = await db
		.select({
			seq: liveSession.seq,
			state: liveSession.state,
			questionIndex: liveSession.questionIndex,
			// Spelled out with the table's name: Drizzle writes a column of a one-table select unqualified,
			// which inside these subqueries would name the player's own column.
			answered: sql<number>`(select count(*) from live_answer a join live_player p on p.id = a.player_id
				where a.session_id = live_session.id and a.position = live_session.question_index and not p.removed)::int`,
			players: sql<number>`(select count(*) from live_player p where p.session_id = live_session.id and not p.removed)::int`
		})
		.from(liveSession)
		.where(eq(liveSession.id, sessionId));
	return row ?? null;
}

/**
 * When the session ends, each signed-in player still in it gets a submitted attempt holding their answers
 * (unanswered questions count as wrong), fed into their review cards like any attempt: the mistakes of
 * the lesson come back in their reviews, the history lists it, and the class gradebook shows it.
 */
async function recordPlayersAttempts(tx: Db, s: LiveSession, now: Date) {
	const asked = await tx
		.select({ position: liveQuestion.position, versionId: liveQuestion.questionVersionId })
		.from(liveQuestion)
		.where(
			and(eq(liveQuestion.sessionId, s.id), sql`${liveQuestion.position} <= ${s.questionIndex}`)
		)
		.orderBy(asc(liveQuestion.position));
	if (asked.length === 0) return;
	const players = await tx
		.select({ id: livePlayer.id, userId: livePlayer.userId, joinedAt: livePlayer.joinedAt })
		.from(livePlayer)
		.where(
			and(
				eq(livePlayer.sessionId, s.id),
				eq(livePlayer.removed, false),
				sql`${livePlayer.userId} is not null`
			)
		)
		.orderBy(asc(livePlayer.userId));
	const questionIds = await tx
		.select({ id: questionVersion.questionId })
		.from(liveQuestion)
		.innerJoin(questionVersion, eq(questionVersion.id, liveQuestion.questionVersionId))
		.where(eq(liveQuestion.sessionId, s.id))
		.orderBy(asc(liveQuestion.position));
	for (const p of players) {
		const given = await tx
			.select()
			.from(liveAnswer)
			.where(eq(liveAnswer.playerId, p.id))
			.orderBy(asc(liveAnswer.position));
		const mine = given.filter((a) => a.position < asked.length);
		const attemptId = randomUUID();
		const { score } = scoreAttempt([
			...mine,
			...Array.from({ length: asked.length - mine.length }, () => ({ score: 0, correct: false }))
		]);
		await tx.insert(attempt).values({
			id: attemptId,
			userId: p.userId!,
			seed: `live:${s.id}`,
			filters: {
				questionIds: questionIds.slice(0, asked.length).map((q) => q.id),
				count: asked.length
			},
			status: 'submitted',
			startedAt: s.createdAt < p.joinedAt ? p.joinedAt : s.createdAt,
			submittedAt: now,
			score,
			maxScore: asked.length,
			liveSessionId: s.id
		});
		await tx
			.insert(attemptQuestion)
			.values(
				asked.map((q) => ({ attemptId, position: q.position, questionVersionId: q.versionId }))
			);
		if (mine.length) {
			await tx.insert(answer).values(
				mine.map((a) => ({
					attemptId,
					position: a.position,
					response: a.response,
					score: a.score,
					correct: a.correct,
					answeredAt: a.receivedAt
				}))
			);
			await feedAttemptIntoReviews(tx, p.userId!, attemptId, 'practice', now);
		}
	}
}

export type LiveTeacherView = Awaited<ReturnType<typeof getTeacherView>>;
export type { PresentedQuestion };
