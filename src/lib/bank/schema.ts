// The shape of the hand-edited YAML (see questions/README.md). Objects are strict: an unknown key is a
// typo until proven otherwise (`corect: true` must not silently make an option wrong).
import { z } from 'zod';

const slug = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens');
const text = z.string().trim().min(1, 'must not be empty');
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD');
const partialDate = z
	.string()
	.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'write the date as YYYY, YYYY-MM or YYYY-MM-DD');

export const articleEntrySchema = z.strictObject({
	slug,
	file: text,
	title: text,
	publisher: text.nullable(),
	event_date: isoDay,
	/** How a prompt names this article ("the Trend/Reuters report of 13 January 2020"): see quality.ts. */
	cited_as: text.optional(),
	furniture: z.array(text).default([])
});

export const factValueSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('number'), amount: z.number(), unit: text }),
	z.strictObject({ kind: z.literal('range'), min: z.number(), max: z.number(), unit: text }),
	z.strictObject({ kind: z.literal('date'), date: partialDate }),
	z.strictObject({ kind: z.literal('person'), name: text, role: text.optional() }),
	z.strictObject({ kind: z.literal('place'), name: text }),
	z.strictObject({ kind: z.literal('organisation'), name: text }),
	z.strictObject({ kind: z.literal('operation'), name: text })
]);

export const factEntrySchema = z.strictObject({
	id: slug,
	article: slug,
	quote: text,
	value: factValueSchema.optional(),
	/** A dated event in a few of our words, no date in it ("France announces its withdrawal from Mali"): drafting's timelines use it. */
	event: text.optional()
});

const questionBase = {
	id: slug,
	prompt: text,
	explanation: text,
	facts: z.array(slug).min(1, 'a question must cite at least one fact'),
	tags: z.array(slug).default([]),
	difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], {
		error: 'difficulty must be 1, 2 or 3'
	})
};

const optionEntry = z.strictObject({ text, correct: z.boolean().optional() });

export const QUESTION_TYPES = [
	'single',
	'multiple',
	'true_false',
	'numeric',
	'short_text',
	'ordering'
] as const;

export const questionEntrySchema = z.discriminatedUnion('type', [
	z.strictObject({
		...questionBase,
		type: z.literal('single'),
		options: z.array(optionEntry).min(2, 'give at least two options')
	}),
	z.strictObject({
		...questionBase,
		type: z.literal('multiple'),
		options: z.array(optionEntry).min(2, 'give at least two options')
	}),
	z.strictObject({ ...questionBase, type: z.literal('true_false'), answer: z.boolean() }),
	z.strictObject({
		...questionBase,
		type: z.literal('numeric'),
		answer: z.number(),
		tolerance: z.number().min(0, 'tolerance must be 0 or more'),
		unit: text
	}),
	z.strictObject({
		...questionBase,
		type: z.literal('short_text'),
		accepted: z.array(text).min(1, 'accept at least one answer')
	}),
	z.strictObject({
		...questionBase,
		type: z.literal('ordering'),
		items: z.array(text).min(3, 'an ordering needs at least three items')
	})
]);

export const bankFileSchema = z.strictObject({
	facts: z.array(z.unknown()).default([]),
	questions: z.array(z.unknown()).default([])
});

export type ArticleEntry = z.infer<typeof articleEntrySchema>;
export type FactEntry = z.infer<typeof factEntrySchema>;
export type QuestionEntry = z.infer<typeof questionEntrySchema>;
