// One schema for both drivers (PGlite and postgres). drizzle-kit generates drizzle/ from this file.
import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	bigserial,
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	real,
	serial,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import type { FactValue, Question } from '../../bank/types.ts';
import { REJECT_REASONS } from '../../drafting/reject-reasons.ts';
import type { Draft } from '../../drafting/types.ts';
import type { Response } from '../../quiz/types.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

// ---- accounts ---------------------------------------------------------------------------------

export const user = pgTable('user', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	displayName: text('display_name').notNull(),
	passwordHash: text('password_hash').notNull(),
	role: text('role', { enum: ['student', 'teacher'] })
		.notNull()
		.default('student'),
	/** Manages accounts (makes teachers) at /admin/users; independent of the role. */
	isAdmin: boolean('is_admin').notNull().default(false),
	createdAt: createdAt()
});
export type User = typeof user.$inferSelect;

/**
 * A single-use link that makes whoever accepts it a teacher, made by a teacher or an administrator.
 * Only the sha256 of the link's token is stored, as for sessions.
 */
export const teacherInvite = pgTable(
	'teacher_invite',
	{
		id: text('id').primaryKey(),
		createdBy: text('created_by')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedBy: text('used_by').references(() => user.id, { onDelete: 'set null' }),
		usedAt: timestamp('used_at', { withTimezone: true })
	},
	(t) => [index('teacher_invite_created_by_idx').on(t.createdBy)]
);
export type TeacherInvite = typeof teacherInvite.$inferSelect;

export const session = pgTable(
	'session',
	{
		// sha256 of the cookie token: a leaked table does not leak usable tokens
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		// Shown on the account page so a user can tell their sessions apart and end the others.
		createdAt: createdAt(),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		userAgent: text('user_agent')
	},
	(t) => [index('session_user_idx').on(t.userId)]
);
export type Session = typeof session.$inferSelect;

/**
 * Browsers an account has signed in from: the sha256 of a random token in a long-lived httpOnly cookie,
 * paired with the account. A correct password from a known device is never refused because of failures
 * from elsewhere (rate-limit.ts).
 */
export const knownDevice = pgTable(
	'known_device',
	{
		deviceId: text('device_id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.deviceId, t.userId] })]
);

/** Forgotten-password tokens: sha256 of the token, single use, short-lived. */
export const passwordReset = pgTable(
	'password_reset',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('password_reset_user_idx').on(t.userId)]
);

// Events counted against the limits (failed sign-ins, wrong join codes, sign-ups per address), kept in
// the database so that the limits hold across restarts and processes (rate-limit.ts lists the keys);
// rows older than the window are deleted as new ones come in.
export const authFailure = pgTable(
	'auth_failure',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		key: text('key').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('auth_failure_key_at_idx').on(t.key, t.at)]
);

// ---- the bank ---------------------------------------------------------------------------------

export const article = pgTable(
	'article',
	{
		slug: text('slug').primaryKey(),
		file: text('file').notNull(),
		title: text('title').notNull(),
		publisher: text('publisher'),
		eventDate: text('event_date').notNull(),
		text: text('text').notNull(),
		furniture: jsonb('furniture').$type<number[]>().notNull(),
		/**
		 * The teacher who added this article in the app to draft questions from; null = an article of the
		 * files (questions/). A teacher's article is seen only by them and the students of their classes.
		 */
		ownerId: text('owner_id').references(() => user.id),
		createdAt: timestamp('created_at', { withTimezone: true }).defaultNow()
	},
	(t) => [index('article_owner_idx').on(t.ownerId)]
);
export type Article = typeof article.$inferSelect;

export const DRAFT_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** A question drafted from a teacher's article, waiting for the teacher to accept, edit or reject it. */
export const articleDraft = pgTable(
	'article_draft',
	{
		id: serial('id').primaryKey(),
		articleSlug: text('article_slug')
			.notNull()
			.references(() => article.slug, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		status: text('status', { enum: DRAFT_STATUSES }).notNull().default('pending'),
		/** The draft as the drafter made it, with the teacher's edits: quote, span, value and question. */
		draft: jsonb('draft').$type<Draft>().notNull(),
		/** The teacher's own question made when the draft was accepted. */
		questionId: text('question_id').references(() => question.id),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		/** Why the teacher rejected it (null for drafts rejected before reasons were asked). */
		rejectReason: text('reject_reason', { enum: REJECT_REASONS }),
		/** The teacher's own words on why, optional except for "other". */
		rejectNote: text('reject_note')
	},
	(t) => [
		uniqueIndex('article_draft_position_uq').on(t.articleSlug, t.position),
		// A reason belongs to a rejected draft only: restoring a draft clears it.
		check(
			'article_draft_reason_if_rejected',
			sql`${t.status} = 'rejected' or (${t.rejectReason} is null and ${t.rejectNote} is null)`
		)
	]
);
export type ArticleDraft = typeof articleDraft.$inferSelect;

export const fact = pgTable(
	'fact',
	{
		id: text('id').primaryKey(),
		articleSlug: text('article_slug')
			.notNull()
			.references(() => article.slug),
		quote: text('quote').notNull(),
		value: jsonb('value').$type<FactValue>(),
		/** The event the fact dates, in the bank's words (`event:` in the bank files): drafting labels timelines with it. */
		event: text('event'),
		spanStart: integer('span_start').notNull(),
		spanEnd: integer('span_end').notNull(),
		/** The teacher who cited this passage for one of their own questions; null = a fact of the file bank. */
		ownerId: text('owner_id').references(() => user.id)
	},
	(t) => [index('fact_article_idx').on(t.articleSlug)]
);
export type Fact = typeof fact.$inferSelect;

/** A question's stable identity; its content lives in versions. */
export const question = pgTable(
	'question',
	{
		id: text('id').primaryKey(),
		currentVersionId: integer('current_version_id'),
		// false once the question has been removed from the bank files: old attempts still show it
		active: boolean('active').notNull().default(true),
		/**
		 * The teacher whose own question this is (imported from GIFT, ids `t-…`); null = the file bank.
		 * Owned questions are never retired by the bank sync, never drawn for practice, and seen only by
		 * their teacher (and by the students of the sets they put them in).
		 */
		ownerId: text('owner_id').references(() => user.id)
	},
	(t) => [index('question_owner_idx').on(t.ownerId)]
);

export const questionVersion = pgTable(
	'question_version',
	{
		id: serial('id').primaryKey(),
		questionId: text('question_id')
			.notNull()
			.references(() => question.id),
		version: integer('version').notNull(),
		contentHash: text('content_hash').notNull(),
		type: text('type').notNull(),
		difficulty: integer('difficulty').notNull(),
		tags: text('tags').array().notNull(),
		factIds: text('fact_ids').array().notNull(),
		/** The whole question as parsed, answer key included: never sent to a browser as is. */
		body: jsonb('body').$type<Question>().notNull(),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('question_version_number_uq').on(t.questionId, t.version),
		uniqueIndex('question_version_hash_uq').on(t.questionId, t.contentHash)
	]
);
export type QuestionVersion = typeof questionVersion.$inferSelect;

// ---- attempts ---------------------------------------------------------------------------------

export type QuizFiltersRecord = {
	questionIds?: string[];
	articles?: string[];
	tags?: string[];
	types?: string[];
	difficulty?: { min?: number; max?: number };
	count: number;
};

export const attempt = pgTable(
	'attempt',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		seed: text('seed').notNull(),
		filters: jsonb('filters').$type<QuizFiltersRecord>().notNull(),
		status: text('status', { enum: ['in_progress', 'submitted'] })
			.notNull()
			.default('in_progress'),
		startedAt: createdAt(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		score: real('score'),
		maxScore: integer('max_score').notNull(),
		/** Set when the attempt was taken for an assignment (else it is practice). */
		assignmentId: text('assignment_id').references((): AnyPgColumn => assignment.id, {
			onDelete: 'cascade'
		}),
		/** 1, 2, … within an assignment: unique, so a limit of N attempts holds even under concurrency. */
		attemptNumber: integer('attempt_number'),
		/** The server's deadline for a timed attempt (time limit or due time, whichever is first). */
		deadlineAt: timestamp('deadline_at', { withTimezone: true }),
		late: boolean('late').notNull().default(false),
		/** Set when the attempt records a signed-in player's answers in a live session (made when it ends). */
		liveSessionId: text('live_session_id').references((): AnyPgColumn => liveSession.id, {
			onDelete: 'set null'
		})
	},
	(t) => [
		index('attempt_user_idx').on(t.userId, t.startedAt),
		uniqueIndex('attempt_assignment_number_uq').on(t.assignmentId, t.userId, t.attemptNumber),
		index('attempt_assignment_idx').on(t.assignmentId),
		index('attempt_live_session_idx').on(t.liveSessionId)
	]
);
export type Attempt = typeof attempt.$inferSelect;

/** The questions of an attempt, in order, pinned to the version that was served. */
export const attemptQuestion = pgTable(
	'attempt_question',
	{
		attemptId: text('attempt_id')
			.notNull()
			.references(() => attempt.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		questionVersionId: integer('question_version_id')
			.notNull()
			.references(() => questionVersion.id)
	},
	(t) => [primaryKey({ columns: [t.attemptId, t.position] })]
);

/** The learner's latest answer to one question of an attempt; graded by the server when saved. */
export const answer = pgTable(
	'answer',
	{
		attemptId: text('attempt_id')
			.notNull()
			.references(() => attempt.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		response: jsonb('response').$type<Response>().notNull(),
		score: real('score').notNull(),
		correct: boolean('correct').notNull(),
		answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.attemptId, t.position] }),
		check('answer_score_range', sql`${t.score} >= 0 and ${t.score} <= 1`)
	]
);
export type Answer = typeof answer.$inferSelect;

// ---- teaching: classes, question sets, assignments -----------------------------------------------

export const schoolClass = pgTable(
	'class',
	{
		id: text('id').primaryKey(),
		teacherId: text('teacher_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** Short code students type to join; unique among all classes, regenerable. */
		joinCode: text('join_code').notNull().unique(),
		/** When the join code was made: it works for JOIN_CODE_LIFETIME after (classes.ts). */
		joinCodeIssuedAt: timestamp('join_code_issued_at', { withTimezone: true })
			.notNull()
			.defaultNow(),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('class_teacher_idx').on(t.teacherId)]
);
export type SchoolClass = typeof schoolClass.$inferSelect;

export const classMember = pgTable(
	'class_member',
	{
		classId: text('class_id')
			.notNull()
			.references(() => schoolClass.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.classId, t.userId] }),
		index('class_member_user_idx').on(t.userId)
	]
);

export const questionSet = pgTable(
	'question_set',
	{
		id: text('id').primaryKey(),
		teacherId: text('teacher_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('question_set_teacher_idx').on(t.teacherId)]
);
export type QuestionSet = typeof questionSet.$inferSelect;

/** A set keeps the question versions it was built with. */
export const questionSetItem = pgTable(
	'question_set_item',
	{
		setId: text('set_id')
			.notNull()
			.references(() => questionSet.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		questionVersionId: integer('question_version_id')
			.notNull()
			.references(() => questionVersion.id)
	},
	(t) => [primaryKey({ columns: [t.setId, t.position] })]
);

export const FEEDBACK_TIMINGS = ['after_each', 'after_submit', 'after_due'] as const;
export type FeedbackTiming = (typeof FEEDBACK_TIMINGS)[number];

export const assignment = pgTable(
	'assignment',
	{
		id: text('id').primaryKey(),
		classId: text('class_id')
			.notNull()
			.references(() => schoolClass.id, { onDelete: 'cascade' }),
		setId: text('set_id')
			.notNull()
			.references(() => questionSet.id),
		title: text('title').notNull(),
		opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
		dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
		/** The teacher's IANA time zone, for showing the due time as they meant it. */
		timeZone: text('time_zone').notNull(),
		attemptsAllowed: integer('attempts_allowed').notNull().default(1),
		timeLimitMinutes: integer('time_limit_minutes'),
		shuffleQuestions: boolean('shuffle_questions').notNull().default(true),
		shuffleOptions: boolean('shuffle_options').notNull().default(true),
		feedback: text('feedback', { enum: FEEDBACK_TIMINGS }).notNull().default('after_submit'),
		/** After the due time: refuse answers, or accept them marked late. */
		lateWork: text('late_work', { enum: ['refuse', 'mark_late'] })
			.notNull()
			.default('refuse'),
		createdAt: createdAt()
	},
	(t) => [
		index('assignment_class_idx').on(t.classId, t.dueAt),
		check('assignment_attempts_allowed', sql`${t.attemptsAllowed} >= 1`),
		check('assignment_due_after_open', sql`${t.dueAt} > ${t.opensAt}`)
	]
);
export type Assignment = typeof assignment.$inferSelect;

// ---- spaced repetition ----------------------------------------------------------------------------

export const learnerSettings = pgTable(
	'learner_settings',
	{
		userId: text('user_id')
			.primaryKey()
			.references(() => user.id, { onDelete: 'cascade' }),
		desiredRetention: real('desired_retention').notNull().default(0.9),
		/** IANA zone: "due today" and day boundaries follow it. */
		timeZone: text('time_zone').notNull().default('UTC'),
		/** The local hour the learner's day starts (Anki's default 4): reviews before it count on the day before. */
		dayRolloverHour: integer('day_rollover_hour').notNull().default(4),
		newCardsPerDay: integer('new_cards_per_day').notNull().default(20),
		/** Review-state cards the review page shows a day at most (Anki's default 200); learning cards always. */
		reviewsPerDay: integer('reviews_per_day').notNull().default(200),
		/** FSRS weights fitted to this learner's log; null = ts-fsrs defaults. */
		weights: jsonb('weights').$type<number[]>(),
		weightsFittedAt: timestamp('weights_fitted_at', { withTimezone: true }),
		weightsReviewCount: integer('weights_review_count'),
		weightsLogLoss: real('weights_log_loss'),
		/** Optimiser runs that failed in a row; each doubles the reviews awaited before the next try. */
		optimiserFailures: integer('optimiser_failures').notNull().default(0),
		optimiserFailedAt: timestamp('optimiser_failed_at', { withTimezone: true }),
		/** A fit claimed by one app process until then (several processes may share the database). */
		optimiserLeaseUntil: timestamp('optimiser_lease_until', { withTimezone: true })
	},
	(t) => [
		check(
			'learner_settings_retention',
			sql`${t.desiredRetention} >= 0.7 and ${t.desiredRetention} <= 0.97`
		),
		check(
			'learner_settings_reviews_per_day',
			sql`${t.reviewsPerDay} >= 0 and ${t.reviewsPerDay} <= 9999`
		),
		check(
			'learner_settings_rollover',
			sql`${t.dayRolloverHour} >= 0 and ${t.dayRolloverHour} <= 23`
		)
	]
);
export type LearnerSettings = typeof learnerSettings.$inferSelect;

export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;

/** One card per learner per fact, scheduled by FSRS (ts-fsrs field names, snake_case columns). */
export const reviewCard = pgTable(
	'review_card',
	{
		id: serial('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/**
		 * The fact this card schedules: the one its questions ask about (their first cited fact). A review
		 * shows one of those questions; the log row says which.
		 */
		factId: text('fact_id').references(() => fact.id),
		/** Only for a teacher's question that cites no passage yet (no fact to schedule): that question. */
		questionId: text('question_id').references(() => question.id),
		due: timestamp('due', { withTimezone: true }).notNull(),
		stability: real('stability').notNull(),
		difficulty: real('difficulty').notNull(),
		elapsedDays: integer('elapsed_days').notNull(),
		scheduledDays: integer('scheduled_days').notNull(),
		learningSteps: integer('learning_steps').notNull(),
		reps: integer('reps').notNull(),
		lapses: integer('lapses').notNull(),
		state: text('state', { enum: CARD_STATES }).notNull(),
		lastReview: timestamp('last_review', { withTimezone: true }),
		/** When the card became a leech (failed LEECH_LAPSES times); it stays flagged. */
		leechAt: timestamp('leech_at', { withTimezone: true }),
		/** Set while the card is suspended (out of the queue): a leech is, until the learner takes it back. */
		suspendedAt: timestamp('suspended_at', { withTimezone: true }),
		/** First review in a review session: until then the card counts against the daily cap on new cards. */
		firstSessionReviewAt: timestamp('first_session_review_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('review_card_user_fact_uq').on(t.userId, t.factId),
		uniqueIndex('review_card_user_question_uq').on(t.userId, t.questionId),
		check('review_card_one_unit', sql`(${t.factId} is null) <> (${t.questionId} is null)`),
		// The due-cards query: this learner's cards by due time.
		index('review_card_user_due_idx').on(t.userId, t.due)
	]
);
export type ReviewCardRow = typeof reviewCard.$inferSelect;

export type CardSnapshot = {
	due: string;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	state: (typeof CARD_STATES)[number];
	last_review: string | null;
};

/** Every review, appended and never changed (a trigger refuses UPDATE and DELETE). */
export const reviewLog = pgTable(
	'review_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		cardId: integer('card_id')
			.notNull()
			.references(() => reviewCard.id),
		userId: text('user_id')
			.notNull()
			.references(() => user.id),
		questionId: text('question_id').notNull(),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull(),
		rating: text('rating', { enum: ['again', 'hard', 'good', 'easy'] }).notNull(),
		source: text('source', { enum: ['practice', 'assignment', 'review'] }).notNull(),
		attemptId: text('attempt_id'),
		/** A client-chosen id for a review answer: replaying it never advances the schedule twice. */
		requestId: text('request_id').unique(),
		elapsedMs: integer('elapsed_ms'),
		response: jsonb('response').$type<Response>(),
		cardBefore: jsonb('card_before').$type<CardSnapshot>().notNull(),
		cardAfter: jsonb('card_after').$type<CardSnapshot>().notNull()
	},
	(t) => [
		index('review_log_user_time_idx').on(t.userId, t.reviewedAt),
		index('review_log_card_idx').on(t.cardId, t.reviewedAt)
	]
);

// ---- live class sessions ---------------------------------------------------------------------------

export const LIVE_STATES = ['lobby', 'question', 'reveal', 'paused', 'finished'] as const;
export type LiveState = (typeof LIVE_STATES)[number];

/**
 * A set run live in a classroom (docs/live.md). This row is the session's whole state: every app process
 * reads it, and every change bumps `seq` and notifies the others (pg_notify) in the same transaction.
 */
export const liveSession = pgTable(
	'live_session',
	{
		id: text('id').primaryKey(),
		teacherId: text('teacher_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		setId: text('set_id')
			.notNull()
			.references(() => questionSet.id, { onDelete: 'cascade' }),
		/** Run from an assignment: its class's gradebook shows the session as a column. */
		assignmentId: text('assignment_id').references(() => assignment.id, { onDelete: 'set null' }),
		classId: text('class_id').references(() => schoolClass.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		/** Digits typed on a phone; unique among unfinished sessions, works until joinCodeExpiresAt. */
		joinCode: text('join_code').notNull(),
		joinCodeExpiresAt: timestamp('join_code_expires_at', { withTimezone: true }).notNull(),
		state: text('state', { enum: LIVE_STATES }).notNull().default('lobby'),
		/** 0-based position of the current question; -1 in the lobby. */
		questionIndex: integer('question_index').notNull().default(-1),
		questionStartedAt: timestamp('question_started_at', { withTimezone: true }),
		/** The server's deadline for the current question: later answers are refused. */
		questionDeadlineAt: timestamp('question_deadline_at', { withTimezone: true }),
		/** While paused: the time the question had left. */
		pausedRemainingMs: integer('paused_remaining_ms'),
		/** Bumped by every change; the event id of the stream (a reconnecting browser says which it saw). */
		seq: integer('seq').notNull().default(0),
		secondsPerQuestion: integer('seconds_per_question').notNull().default(30),
		speedBonus: boolean('speed_bonus').notNull().default(false),
		guestsAllowed: boolean('guests_allowed').notNull().default(true),
		createdAt: createdAt(),
		finishedAt: timestamp('finished_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('live_session_open_code_uq')
			.on(t.joinCode)
			.where(sql`${t.finishedAt} is null`),
		index('live_session_teacher_idx').on(t.teacherId, t.createdAt),
		index('live_session_class_idx').on(t.classId),
		check('live_session_seconds', sql`${t.secondsPerQuestion} between 5 and 600`)
	]
);
export type LiveSession = typeof liveSession.$inferSelect;

/** The questions of a live session, in order, pinned to the versions the set held when it was opened. */
export const liveQuestion = pgTable(
	'live_question',
	{
		sessionId: text('session_id')
			.notNull()
			.references(() => liveSession.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		questionVersionId: integer('question_version_id')
			.notNull()
			.references(() => questionVersion.id)
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.position] })]
);

/**
 * Someone playing: a signed-in user, or a guest known only by a nickname and the sha256 of the token in
 * their cookie (a guest's answers stay in the session and feed nothing else).
 */
export const livePlayer = pgTable(
	'live_player',
	{
		id: text('id').primaryKey(),
		sessionId: text('session_id')
			.notNull()
			.references(() => liveSession.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => user.id, { onDelete: 'cascade' }),
		nickname: text('nickname').notNull(),
		tokenHash: text('token_hash'),
		removed: boolean('removed').notNull().default(false),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('live_player_user_uq').on(t.sessionId, t.userId),
		uniqueIndex('live_player_token_uq').on(t.tokenHash)
	]
);
export type LivePlayer = typeof livePlayer.$inferSelect;

/** One answer per player per question (the primary key refuses a second), graded when received. */
export const liveAnswer = pgTable(
	'live_answer',
	{
		sessionId: text('session_id')
			.notNull()
			.references(() => liveSession.id, { onDelete: 'cascade' }),
		playerId: text('player_id')
			.notNull()
			.references(() => livePlayer.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		response: jsonb('response').$type<Response>().notNull(),
		score: real('score').notNull(),
		correct: boolean('correct').notNull(),
		points: integer('points').notNull(),
		/** The server's clock when the answer arrived: the speed bonus is computed from it, never the client's. */
		receivedAt: timestamp('received_at', { withTimezone: true }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.playerId, t.position] }),
		index('live_answer_session_idx').on(t.sessionId, t.position)
	]
);
export type LiveAnswer = typeof liveAnswer.$inferSelect;
