// Attempts: start a quiz, save answers as they are given, submit, and read results.
// The rules live in $lib/quiz (pure); this module checks ownership and state and persists.
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Question } from '../bank/types.ts';
import { generateQuiz, MAX_QUESTIONS_PER_QUIZ, type QuizFilters } from '../quiz/generate.ts';
import {
	describeCorrectAnswer,
	describeResponse,
	gradeResponse,
	validateResponse,
	InvalidResponseError
} from '../quiz/grade.ts';
import { presentQuestion } from '../quiz/present.ts';
import { scoreAttempt } from '../quiz/score.ts';
import type { PresentedQuestion, Response } from '../quiz/types.ts';
import type { Db } from './db/index.ts';
import { isAnyOf } from './db/array-params.ts';
import { insertRows } from './db/json-rows.ts';
import { asPrepared, prepared } from './db/prepared.ts';
import { getCurrentBank } from './db/queries/bank.ts';
import { getCitations, getCitationsByFactId, pickCitations } from './db/queries/citations.ts';
import { transactionWithRetry } from './db/retry.ts';
import { assertPracticeStartAllowed } from './rate-limit.ts';
import {
	answer,
	assignment,
	attempt,
	attemptQuestion,
	questionVersion,
	type FeedbackTiming
} from './db/schema.ts';
import {
	getAttemptDisclosure,
	getPracticeHeldBack,
	getWithheldQuestionIds,
	mayShowAnswer,
	ownerDisclosure,
	ownerIsMember,
	withVisibleScores
} from './disclosure.ts';
import { RequestError } from './errors.ts';
import { readAttemptFeed, writeAttemptFeed } from './review/cards.ts';

export { MAX_QUESTIONS_PER_QUIZ };

export function newSeed(): string {
	return randomBytes(6).toString('base64url');
}

export async function startAttempt(
	db: Db,
	userId: string,
	filters: QuizFilters,
	seed = newSeed(),
	now = new Date()
) {
	const [{ bank: current, versionIdOf }, withheld] = await Promise.all([
		getCurrentBank(db),
		getWithheldQuestionIds(db, userId, now)
	]);
	// Practice would show the keys of an assignment the learner is still working on: its questions stay out.
	const bank = { ...current, questions: current.questions.filter((q) => !withheld.has(q.id)) };
	const count = Math.min(Math.max(1, Math.floor(filters.count)), MAX_QUESTIONS_PER_QUIZ);
	const ids = generateQuiz(bank, { ...filters, count }, seed);
	if (ids.length === 0)
		throw new RequestError(400, 'No question matches these choices: widen the articles or topics.');
	const id = randomUUID();
	await db.transaction(async (tx) => {
		await assertPracticeStartAllowed(tx, userId);
		await tx
			.insert(attempt)
			.values({ id, userId, seed, filters: { ...filters, count }, maxScore: ids.length })
			.prepare('insert_attempt')
			.execute();
		// Prepared, from one JSON parameter: the same statement whatever the quiz's length.
		await asPrepared(
			tx,
			insertRows(
				attemptQuestion,
				ATTEMPT_QUESTION_COLUMNS,
				ids.map((questionId, position) => ({
					attemptId: id,
					position,
					questionVersionId: versionIdOf.get(questionId)!
				}))
			)
		);
	});
	return { id, questionCount: ids.length };
}

const ATTEMPT_QUESTION_COLUMNS = {
	attemptId: attemptQuestion.attemptId,
	position: attemptQuestion.position,
	questionVersionId: attemptQuestion.questionVersionId
};

async function getAttemptQuestions(db: Db, attemptId: string) {
	return db
		.select({
			position: attemptQuestion.position,
			versionId: questionVersion.id,
			body: questionVersion.body
		})
		.from(attemptQuestion)
		.innerJoin(questionVersion, eq(attemptQuestion.questionVersionId, questionVersion.id))
		.where(eq(attemptQuestion.attemptId, attemptId))
		.orderBy(asc(attemptQuestion.position))
		.prepare('attempt_questions')
		.execute();
}

/** Option order is shuffled per attempt, and stays the same within it (reload, second tab). */
function presentationSeed(attemptId: string, questionId: string) {
	return `${attemptId}:${questionId}`;
}

/** How an attempt is run: practice has no rules; an assignment brings its teacher's settings. */
export type AttemptRules = {
	assignmentId: string | null;
	shuffleOptions: boolean;
	feedback: FeedbackTiming;
	dueAt: Date | null;
	deadlineAt: Date | null;
};

/** Answers a second or two late (network, a click at the bell) still count. */
const DEADLINE_GRACE_MS = 5_000;

function pastDeadline(rules: Pick<AttemptRules, 'deadlineAt'>, now: Date) {
	return (
		rules.deadlineAt !== null && now.getTime() > rules.deadlineAt.getTime() + DEADLINE_GRACE_MS
	);
}

export type AttemptForTaking = {
	id: string;
	status: 'in_progress' | 'submitted';
	startedAt: Date;
	rules: AttemptRules;
	questions: PresentedQuestion[];
	/** The learner's own saved responses by question id: no grades, no keys. */
	responses: Record<string, Response>;
	/** The version of each saved response, by question id: a save names the one it replaces (two tabs). */
	versions: Record<string, string>;
};

/**
 * A save or clear based on a version of the answer that is no longer the saved one: another tab or
 * window changed it. Refused, so that nothing is silently overwritten; the page shows the saved answer.
 */
export class StaleAnswerError extends RequestError {
	constructor() {
		super(
			409,
			'This answer was changed in another tab or window: the saved answer is shown now. Change it again here if you want to.'
		);
		this.name = 'StaleAnswerError';
	}
}

/**
 * What a save expects to replace: the version of the answer its page showed, '' when it showed none;
 * undefined to replace whatever is there (callers that are the only writer, such as tests and imports).
 * The version is the row's xmin, the id of the transaction that last wrote it: Postgres changes it on
 * every write, so it needs no column of its own.
 */
export type BasedOn = string | undefined;

/** The attempt and the rules of its assignment: the head of every read below (joined to `assignment`). */
const attemptWithRules = {
	id: attempt.id,
	userId: attempt.userId,
	status: attempt.status,
	startedAt: attempt.startedAt,
	deadlineAt: attempt.deadlineAt,
	assignmentId: attempt.assignmentId,
	shuffleOptions: assignment.shuffleOptions,
	feedback: assignment.feedback,
	dueAt: assignment.dueAt,
	/** Still in the class of the assignment: a removed student's attempt stops taking work. */
	member: ownerIsMember
};

/** The learner's own attempt with its rules; `lock`: for update, so a save and a submit never cross. */
async function getOwnAttempt(db: Db, userId: string, attemptId: string, lock = false) {
	const read = db
		.select({
			...attemptWithRules,
			seed: attempt.seed,
			filters: attempt.filters,
			maxScore: attempt.maxScore
		})
		.from(attempt)
		.leftJoin(assignment, eq(assignment.id, attempt.assignmentId))
		.where(eq(attempt.id, attemptId));
	const [row] = lock ? await read.for('update', { of: attempt }) : await read;
	return own(row, userId);
}

/**
 * The learner's attempt with its rules, locked (submit's first statement), prepared: executed through the
 * same steps as the feed's prepared reads sent behind it, it reaches the connection before them.
 */
const lockedAttemptQuery = (db: Db) =>
	db
		.select({
			...attemptWithRules,
			maxScore: attempt.maxScore
		})
		.from(attempt)
		.leftJoin(assignment, eq(assignment.id, attempt.assignmentId))
		.where(eq(attempt.id, sql.placeholder('attemptId')))
		.for('update', { of: attempt })
		.prepare('attempt_locked');

/** Whether moving to another question (Next, Previous) saves the answer on the page: not when only "Check answer" does. */
export async function movingSavesAnswer(db: Db, userId: string, attemptId: string) {
	return rulesOf(await getOwnAttempt(db, userId, attemptId)).feedback !== 'after_each';
}

export const REMOVED_FROM_CLASS =
	'You are no longer in the class of this assignment: this attempt can no longer change. Ask your teacher.';

/** Refuses any change to an attempt that is not open to work: submitted, its student removed from the class, or time up. */
function refuseUnlessOpen(
	row: RulesColumns & { status: string; member: boolean },
	now: Date,
	submitted = 'This attempt has been submitted: answers can no longer change.'
) {
	if (row.status !== 'in_progress') throw new RequestError(409, submitted);
	if (!row.member) throw new RequestError(409, REMOVED_FROM_CLASS);
	if (pastDeadline(rulesOf(row), now))
		throw new RequestError(409, 'Time is up: this attempt can no longer change.');
}

/**
 * The attempt, its rules, its questions and its answers in one prepared statement (the review page);
 * each round trip to the database costs more than the query itself.
 */
const attemptForTakingQuery = (db: Db) =>
	db
		.select({
			...attemptWithRules,
			questions: sql<
				{ position: number; body: Question }[]
			>`(select coalesce(json_agg(json_build_object('position', aq.position, 'body', qv.body) order by aq.position), '[]'::json)
				from attempt_question aq join question_version qv on qv.id = aq.question_version_id where aq.attempt_id = ${attempt.id})`,
			answers: sql<
				{ position: number; response: Response; version: string }[]
			>`(select coalesce(json_agg(json_build_object('position', an.position, 'response', an.response, 'version', an.xmin::text)), '[]'::json)
				from answer an where an.attempt_id = ${attempt.id})`
		})
		.from(attempt)
		.leftJoin(assignment, eq(assignment.id, attempt.assignmentId))
		.where(eq(attempt.id, sql.placeholder('attemptId')))
		.prepare('attempt_for_taking');

type RulesColumns = {
	assignmentId: string | null;
	shuffleOptions: boolean | null;
	feedback: FeedbackTiming | null;
	dueAt: Date | null;
	deadlineAt: Date | null;
};

function rulesOf(row: RulesColumns): AttemptRules {
	if (!row.assignmentId)
		return {
			assignmentId: null,
			shuffleOptions: true,
			feedback: 'after_submit',
			dueAt: null,
			deadlineAt: null
		};
	return {
		assignmentId: row.assignmentId,
		shuffleOptions: row.shuffleOptions ?? true,
		feedback: row.feedback ?? 'after_submit',
		dueAt: row.dueAt,
		deadlineAt: row.deadlineAt
	};
}

/** The learner's own attempt from one of the reads above: someone else's looks exactly like a missing one. */
function own<R extends { userId: string }>(row: R | undefined, userId: string): R {
	if (!row || row.userId !== userId) throw new RequestError(404, 'No such attempt.');
	return row;
}

/**
 * `read`, and when the attempt's time is up, the same read after closing it: the server closes an
 * attempt with what was saved, whatever the browser's clock says.
 */
async function readClosingWhenTimeUp<R extends RulesColumns & { status: string }>(
	db: Db,
	userId: string,
	attemptId: string,
	now: Date,
	read: () => Promise<R>
) {
	const row = await read();
	if (row.status !== 'in_progress' || !pastDeadline(rulesOf(row), now)) return row;
	await submitAttempt(db, userId, attemptId, now).catch((e) => {
		if (!(e instanceof RequestError && e.status === 409)) throw e;
	});
	return read();
}

/** The quiz page's one query (exported for the benchmark's query-layer comparison); `position` is 0-based. */
export async function readAttemptPage(db: Db, userId: string, attemptId: string, position: number) {
	// A position no attempt can have (an address like /attempts/…/1e308) must not reach Postgres' int column.
	if (!Number.isSafeInteger(position) || position < 0 || position > 2_147_483_647) position = -1;
	const [row] = await prepared(db, 'attempt_page', attemptPageQuery).execute({
		attemptId,
		position
	});
	return own(row, userId);
}

export async function getAttemptForTaking(
	db: Db,
	userId: string,
	attemptId: string,
	now = new Date()
): Promise<AttemptForTaking> {
	const row = await readClosingWhenTimeUp(db, userId, attemptId, now, async () => {
		const [found] = await prepared(db, 'attempt_for_taking', attemptForTakingQuery).execute({
			attemptId
		});
		return own(found, userId);
	});
	const rules = rulesOf(row);
	const idAt = new Map(row.questions.map((q) => [q.position, q.body.id]));
	return {
		id: row.id,
		status: row.status,
		startedAt: row.startedAt,
		rules,
		questions: row.questions.map((q) =>
			presentQuestion(q.body, presentationSeed(attemptId, q.body.id), {
				shuffleOptions: rules.shuffleOptions
			})
		),
		responses: Object.fromEntries(row.answers.map((a) => [idAt.get(a.position)!, a.response])),
		versions: Object.fromEntries(row.answers.map((a) => [idAt.get(a.position)!, a.version]))
	};
}

/**
 * The quiz page's read: the attempt, its rules, how many questions it has and which are answered, and
 * only the question on the page with the learner's answer to it. Reading every question's body (as
 * getAttemptForTaking does for the review page) made Postgres build and the server parse ten bodies for
 * the one shown.
 */
const attemptPageQuery = (db: Db) =>
	db
		.select({
			...attemptWithRules,
			total: sql<number>`(select count(*)::int from attempt_question aq where aq.attempt_id = ${attempt.id})`,
			answered: sql<
				number[]
			>`(select coalesce(array_agg(an.position), '{}') from answer an where an.attempt_id = ${attempt.id})`,
			body: sql<Question | null>`(select qv.body from attempt_question aq join question_version qv on qv.id = aq.question_version_id
				where aq.attempt_id = ${attempt.id} and aq.position = ${sql.placeholder('position')})`,
			saved: sql<{
				response: Response;
				version: string;
			} | null>`(select json_build_object('response', an.response, 'version', an.xmin::text)
				from answer an where an.attempt_id = ${attempt.id} and an.position = ${sql.placeholder('position')})`
		})
		.from(attempt)
		.leftJoin(assignment, eq(assignment.id, attempt.assignmentId))
		.where(eq(attempt.id, sql.placeholder('attemptId')))
		.prepare('attempt_page');

export type AttemptPage = {
	id: string;
	status: 'in_progress' | 'submitted';
	rules: AttemptRules;
	total: number;
	/** Whether each question (by 0-based position) has a saved answer. */
	answered: boolean[];
	/** The question at the page's position, as presented (no key); null past the end. */
	question: PresentedQuestion | null;
	/** The learner's saved response to it, and that answer's version ('' for none). */
	response: Response | null;
	version: string;
};

/** One question of an attempt for the quiz page; `position` is 0-based. Closes the attempt if its time is up. */
export async function getAttemptPageForTaking(
	db: Db,
	userId: string,
	attemptId: string,
	position: number,
	now = new Date()
): Promise<AttemptPage> {
	const row = await readClosingWhenTimeUp(db, userId, attemptId, now, () =>
		readAttemptPage(db, userId, attemptId, position)
	);
	const rules = rulesOf(row);
	const answered = new Set(row.answered);
	return {
		id: row.id,
		status: row.status,
		rules,
		total: row.total,
		answered: Array.from({ length: row.total }, (_, i) => answered.has(i)),
		question: row.body
			? presentQuestion(row.body, presentationSeed(attemptId, row.body.id), {
					shuffleOptions: rules.shuffleOptions
				})
			: null,
		response: row.saved?.response ?? null,
		version: row.saved?.version ?? ''
	};
}

/**
 * Feedback on one answered question, for assignments set to "after each question": only once the
 * answer is saved, and then the answer is final.
 */
export async function getImmediateFeedback(
	db: Db,
	userId: string,
	attemptId: string,
	questionId: string,
	now = new Date()
) {
	const row = await getOwnAttempt(db, userId, attemptId);
	const disclosure = ownerDisclosure(row, now);
	if (disclosure.answers === 'none') return null;
	const target = (await getAttemptQuestions(db, attemptId)).find((q) => q.body.id === questionId);
	if (!target) return null;
	const [given] = await db
		.select()
		.from(answer)
		.where(and(eq(answer.attemptId, attemptId), eq(answer.position, target.position)));
	if (!given || !mayShowAnswer(disclosure, true)) return null;
	const citations = await getCitations(db, target.body.facts);
	return {
		correct: given.correct,
		score: given.score,
		correctText: describeCorrectAnswer(target.body),
		explanation: target.body.explanation,
		citations
	};
}

/** What a save needs to know before it grades: the attempt, its rules and the question answered. */
const answerTargetQuery = (db: Db) =>
	db
		.select({
			...attemptWithRules,
			target: sql<{
				position: number;
				body: Question;
				answered: boolean;
			} | null>`(select json_build_object('position', aq.position, 'body', qv.body,
					'answered', exists (select 1 from answer an where an.attempt_id = aq.attempt_id and an.position = aq.position))
				from attempt_question aq join question_version qv on qv.id = aq.question_version_id
				where aq.attempt_id = ${attempt.id} and qv.body->>'id' = ${sql.placeholder('questionId')} order by aq.position limit 1)`
		})
		.from(attempt)
		.leftJoin(assignment, eq(assignment.id, attempt.assignmentId))
		.where(eq(attempt.id, sql.placeholder('attemptId')))
		.prepare('answer_target');

/**
 * The write of a save in one statement: it locks the attempt row (as submit does, so a save and a
 * submit never cross) and writes only while the attempt is still open; an answer already shown with
 * its feedback ("after each question") is never replaced. With a version to compare (`check`), it
 * writes only over that version of the answer (`basedOn`), or where there was none ('') and still is
 * none: the answer row is locked and re-read after any concurrent write, so a save based on an answer
 * another tab has replaced or cleared meanwhile writes nothing. No row back: something changed.
 */
const upsertAnswerQuery = (db: Db) =>
	db
		.insert(answer)
		.select(
			sql`(with locked as (select id from attempt where id = ${sql.placeholder('attemptId')} and user_id = ${sql.placeholder('userId')} and status = 'in_progress' for update)
			select locked.id, ${sql.placeholder('position')}::int, ${sql.placeholder('response')}::jsonb, ${sql.placeholder('score')}::real,
				${sql.placeholder('correct')}::boolean, ${sql.placeholder('now')}::timestamptz from locked
			where not ${sql.placeholder('check')}::boolean or ${sql.placeholder('basedOn')}::text = ''
				or exists (select 1 from answer cur where cur.attempt_id = locked.id and cur.position = ${sql.placeholder('position')}::int
					and cur.xmin::text = ${sql.placeholder('basedOn')}::text for update))`
		)
		.onConflictDoUpdate({
			target: [answer.attemptId, answer.position],
			set: {
				response: sql`excluded.response`,
				score: sql`excluded.score`,
				correct: sql`excluded.correct`,
				answeredAt: sql`excluded.answered_at`
			},
			setWhere: sql`not ${sql.placeholder('final')}::boolean and (not ${sql.placeholder('check')}::boolean or ${answer}.xmin::text = ${sql.placeholder('basedOn')}::text)`
		})
		.returning({ position: answer.position, version: sql<string>`${answer}.xmin::text` })
		.prepare('upsert_answer');

/**
 * The open attempt of this user and one of its questions: the first step of every change to an attempt's
 * answers (a save, and a clear under the attempt's lock).
 */
async function readAnswerTarget(
	db: Db,
	userId: string,
	attemptId: string,
	questionId: string,
	now: Date
) {
	const [row] = await prepared(db, 'answer_target', answerTargetQuery).execute({
		attemptId,
		questionId
	});
	own(row, userId);
	refuseUnlessOpen(row, now);
	const rules = rulesOf(row);
	if (!row.target)
		throw new RequestError(400, `Question "${questionId}" is not part of this attempt.`);
	// The learner has seen the key of an answered question: the answer is final.
	if (rules.feedback === 'after_each' && row.target.answered)
		throw new RequestError(
			409,
			'This question is answered and its feedback shown: the answer is final.'
		);
	return { rules, target: row.target };
}

/**
 * Saves (or replaces) the answer to one question; graded now, shown only after submission. `basedOn`:
 * the version of the answer the learner's page showed (see BasedOn); the saved answer's new version back.
 */
export async function saveAnswer(
	db: Db,
	userId: string,
	attemptId: string,
	questionId: string,
	response: Response,
	now = new Date(),
	basedOn?: BasedOn
) {
	const { rules, target } = await readAnswerTarget(db, userId, attemptId, questionId, now);
	const grade = gradeOrRefuse(target.body, response);
	const [written] = await prepared(db, 'upsert_answer', upsertAnswerQuery).execute({
		attemptId,
		userId,
		position: target.position,
		response: JSON.stringify(response),
		score: grade.score,
		correct: grade.correct,
		now: now.toISOString(),
		final: rules.feedback === 'after_each',
		check: basedOn !== undefined,
		basedOn: basedOn ?? ''
	});
	if (!written) {
		// Submitted (or answered and shown) between the read and the write: the read says which; else
		// another tab changed this answer.
		await readAnswerTarget(db, userId, attemptId, questionId, now);
		if (basedOn !== undefined) throw new StaleAnswerError();
		throw new RequestError(409, 'This attempt changed meanwhile: reload the page.');
	}
	return { position: target.position, version: written.version };
}

/** Removes the saved answer to one question (the learner blanked it); only the version the page showed (see BasedOn). */
export async function clearAnswer(
	db: Db,
	userId: string,
	attemptId: string,
	questionId: string,
	now = new Date(),
	basedOn?: BasedOn
) {
	await db.transaction(async (txRaw) => {
		const tx = txRaw as unknown as Db;
		// Locked, as a save and a submit lock it: nothing else changes this attempt meanwhile.
		await getOwnAttempt(tx, userId, attemptId, true);
		const { target } = await readAnswerTarget(tx, userId, attemptId, questionId, now);
		const here = and(eq(answer.attemptId, attemptId), eq(answer.position, target.position));
		if (basedOn === undefined) {
			await tx.delete(answer).where(here);
			return;
		}
		// Under the attempt's lock no other write can come between this read and the delete.
		const [current] = await tx
			.select({ version: sql<string>`${answer}.xmin::text` })
			.from(answer)
			.where(here);
		if ((current?.version ?? '') !== basedOn) throw new StaleAnswerError();
		if (current) await tx.delete(answer).where(here);
	});
}

function gradeOrRefuse(q: Question, response: Response) {
	try {
		validateResponse(q, response);
		return gradeResponse(q, response);
	} catch (e) {
		if (e instanceof InvalidResponseError) throw new RequestError(400, e.message);
		throw e;
	}
}

export async function submitAttempt(
	db: Db,
	userId: string,
	attemptId: string,
	requestedAt = new Date()
) {
	// Retried on a deadlock: two submits of one learner can move the same review cards.
	return transactionWithRetry(db, async (tx) => {
		let now = requestedAt;
		// One wait for every read: the attempt locked (so nothing else changes it meanwhile), and behind it
		// on the same connection what feeding its answers reads, the answers themselves included. Each of
		// those statements starts once the lock is held, so it reads what was committed by then (a save
		// that committed while this waited included). Someone else's attempt: the reads are dropped.
		// Statements reach the connection in the order they are executed only if each takes the same steps
		// to get there: all of these are prepared queries' execute() (an awaited query builder takes one
		// step more, and would be overtaken). The concurrency tests catch a read sent ahead of the lock.
		const [[found], feed] = await Promise.all([
			prepared(tx, 'attempt_locked', lockedAttemptQuery).execute({ attemptId }),
			readAttemptFeed(tx, userId, attemptId)
		]);
		const row = own(found, userId);
		if (row.status !== 'in_progress')
			throw new RequestError(409, 'This attempt was already submitted.');
		if (!row.member) throw new RequestError(409, REMOVED_FROM_CLASS);
		const rules = rulesOf(row);
		// Past the deadline the attempt closes with what was saved by then, as of the deadline.
		if (pastDeadline(rules, now)) now = rules.deadlineAt!;
		const late = rules.dueAt !== null && now.getTime() > rules.dueAt.getTime() + DEADLINE_GRACE_MS;
		// Unanswered questions count as zero.
		const missing = Array.from({ length: row.maxScore - feed.answers.length }, () => ({
			score: 0,
			correct: false
		}));
		const { score } = scoreAttempt([...feed.answers, ...missing]);
		const closing = asPrepared(
			tx,
			tx
				.update(attempt)
				.set({ status: 'submitted', submittedAt: now, score, late })
				.where(eq(attempt.id, attemptId))
				.getSQL()
		);
		// Every graded answer feeds the learner's review schedule, in the same transaction, once its feedback
		// is released: a card's state tells right from wrong. Feedback after the due time: fed then
		// (releaseFeedback, in review/cards.ts). The update goes out with the feed's writes: each wait
		// inside a transaction holds one of the pool's few connections.
		const feeding = ownerDisclosure({ ...row, status: 'submitted' }, requestedAt).score;
		if (!feeding) {
			await closing;
			return { score, maxScore: row.maxScore, refit: null };
		}
		const { refit } = await writeAttemptFeed(
			tx,
			feed,
			{
				userId: row.userId,
				attemptId,
				source: row.assignmentId ? 'assignment' : 'practice',
				startedAt: row.startedAt,
				now
			},
			[closing]
		);
		return { score, maxScore: row.maxScore, refit };
	});
}

export type QuestionResult = {
	position: number;
	questionId: string;
	version: number;
	type: Question['type'];
	prompt: string;
	presented: PresentedQuestion;
	response: Response | null;
	responseText: string;
	correctText: string;
	score: number;
	correct: boolean;
	explanation: string;
	tags: string[];
	citations: { factId: string; articleSlug: string; articleTitle: string; quote: string }[];
};

export async function getAttemptResults(
	db: Db,
	viewerId: string,
	attemptId: string,
	now = new Date()
) {
	// Its learner, or the teacher of the class it was assigned in; anyone else gets 404.
	const { asTeacher, disclosure } = await getAttemptDisclosure(db, viewerId, attemptId, now);
	const [{ row, shuffleOptions }] = await db
		.select({ row: attempt, shuffleOptions: assignment.shuffleOptions })
		.from(attempt)
		.leftJoin(assignment, eq(assignment.id, attempt.assignmentId))
		.where(eq(attempt.id, attemptId))
		.prepare('attempt_with_shuffle')
		.execute();
	if (row.status !== 'submitted')
		throw new RequestError(409, 'Submit the attempt to see its results.');
	// Not released (feedback after the due time, or removed from the class): the work is in, nothing more.
	if (!disclosure.score) {
		return {
			attempt: row,
			asTeacher,
			feedbackFrom: disclosure.releasesAt,
			removedFromClass: disclosure.reason === 'removed_from_class',
			heldByAssignment: disclosure.reason === 'held_by_assignment',
			results: [] as QuestionResult[],
			score: null,
			max: row.maxScore,
			percent: null,
			correctCount: null
		};
	}
	const questions = await getAttemptQuestions(db, attemptId);
	const [answers, versions] = await Promise.all([
		db.select().from(answer).where(eq(answer.attemptId, attemptId)).prepare('answers').execute(),
		db
			.select({ id: questionVersion.id, version: questionVersion.version })
			.from(questionVersion)
			.where(
				isAnyOf(
					questionVersion.id,
					questions.map((q) => q.versionId),
					'integer'
				)
			)
			.prepare('version_numbers')
			.execute()
	]);
	const factById = await getCitationsByFactId(
		db,
		questions.flatMap((q) => q.body.facts)
	);
	const answerAt = new Map(answers.map((a) => [a.position, a]));
	const versionOf = new Map(versions.map((v) => [v.id, v.version]));

	const results: QuestionResult[] = questions.map((q) => {
		const given = answerAt.get(q.position);
		return {
			position: q.position,
			questionId: q.body.id,
			version: versionOf.get(q.versionId) ?? 1,
			type: q.body.type,
			prompt: q.body.prompt,
			presented: presentQuestion(q.body, presentationSeed(attemptId, q.body.id), {
				shuffleOptions: shuffleOptions ?? true
			}),
			response: given?.response ?? null,
			responseText: given ? describeResponse(q.body, given.response) : 'No answer',
			correctText: describeCorrectAnswer(q.body),
			score: given?.score ?? 0,
			correct: given?.correct ?? false,
			explanation: q.body.explanation,
			tags: q.body.tags,
			citations: pickCitations(factById, q.body.facts)
		};
	});
	return {
		attempt: row,
		asTeacher,
		feedbackFrom: null,
		removedFromClass: false,
		heldByAssignment: false,
		results,
		...scoreAttempt(results.map((r) => ({ score: r.score, correct: r.correct })))
	};
}

/** The learner's attempts, newest first, each score shown only where the disclosure rule allows it. */
export async function listAttempts(db: Db, userId: string, now = new Date()) {
	const rows = await db
		.select({
			id: attempt.id,
			status: attempt.status,
			startedAt: attempt.startedAt,
			submittedAt: attempt.submittedAt,
			score: attempt.score,
			maxScore: attempt.maxScore,
			filters: attempt.filters,
			assignmentId: attempt.assignmentId,
			late: attempt.late,
			feedback: assignment.feedback,
			dueAt: assignment.dueAt,
			member: ownerIsMember
		})
		.from(attempt)
		.leftJoin(assignment, eq(assignment.id, attempt.assignmentId))
		.where(eq(attempt.userId, userId))
		.orderBy(desc(attempt.startedAt))
		.prepare('attempts_of_learner')
		.execute();
	const held = await getPracticeHeldBack(
		db,
		userId,
		rows.filter((r) => !r.assignmentId && r.status === 'submitted').map((r) => r.id),
		now
	);
	return withVisibleScores(
		rows.map((r) => ({ ...r, heldByAssignment: held.has(r.id) })),
		now
	);
}

export async function getAttemptSummary(db: Db, userId: string, attemptId: string) {
	const row = await getOwnAttempt(db, userId, attemptId);
	return { id: row.id, status: row.status, seed: row.seed, filters: row.filters };
}
