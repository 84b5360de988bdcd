// One schema for both drivers (PGlite and postgres). drizzle-kit generates drizzle/ from this file.
import { sql } from 'drizzle-orm';
import {
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
import type { Response } from '../../quiz/types.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

// ---- accounts ---------------------------------------------------------------------------------

export const user = pgTable('user', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	displayName: text('display_name').notNull(),
	passwordHash: text('password_hash').notNull(),
	role: text('role', { enum: ['student', 'teacher'] }).notNull().default('student'),
	createdAt: createdAt()
});
export type User = typeof user.$inferSelect;

export const session = pgTable(
	'session',
	{
		// sha256 of the cookie token: a leaked table does not leak usable tokens
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);
export type Session = typeof session.$inferSelect;

// ---- the bank ---------------------------------------------------------------------------------

export const article = pgTable('article', {
	slug: text('slug').primaryKey(),
	file: text('file').notNull(),
	title: text('title').notNull(),
	publisher: text('publisher'),
	eventDate: text('event_date').notNull(),
	text: text('text').notNull(),
	furniture: jsonb('furniture').$type<number[]>().notNull()
});
export type Article = typeof article.$inferSelect;

export const fact = pgTable(
	'fact',
	{
		id: text('id').primaryKey(),
		articleSlug: text('article_slug')
			.notNull()
			.references(() => article.slug),
		quote: text('quote').notNull(),
		value: jsonb('value').$type<FactValue>(),
		spanStart: integer('span_start').notNull(),
		spanEnd: integer('span_end').notNull()
	},
	(t) => [index('fact_article_idx').on(t.articleSlug)]
);
export type Fact = typeof fact.$inferSelect;

/** A question's stable identity; its content lives in versions. */
export const question = pgTable('question', {
	id: text('id').primaryKey(),
	currentVersionId: integer('current_version_id'),
	// false once the question has been removed from the bank files: old attempts still show it
	active: boolean('active').notNull().default(true)
});

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
		maxScore: integer('max_score').notNull()
	},
	(t) => [index('attempt_user_idx').on(t.userId, t.startedAt)]
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
