// Grading: refuse malformed responses, score valid ones, and describe keys and responses in words.
// Everything here is pure; the server validates before grading and never trusts the form.
import type { Question, QuestionType } from '../bank/types.ts';
import type { Grade, Response } from './types.ts';
import { normaliseAnswerText } from '../text/normalise.ts';

/** A response that cannot be graded (forged, or badly typed). The message is shown to the learner. */
export class InvalidResponseError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'InvalidResponseError';
	}
}

export const MAX_TEXT_LENGTH = 500;

/** Absolute slack for floating-point comparison in numeric answers (scaled up for large answers). */
const EPSILON = 1e-9;

type Of<T extends QuestionType> = Extract<Question, { type: T }>;
type ResponseOf<T extends QuestionType> = Extract<Response, { type: T }>;

/** How typed answers are compared (case, accents, punctuation and spacing ignored). */
export const normaliseText = normaliseAnswerText;

// ---- validation ------------------------------------------------------------------------------

function isStringArray(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function firstDuplicate(values: string[]): string | undefined {
	const seen = new Set<string>();
	for (const v of values) {
		if (seen.has(v)) return v;
		seen.add(v);
	}
	return undefined;
}

/** Throws InvalidResponseError unless `r` is a well-formed response to `q`. Does not judge whether it is right. */
export function validateResponse(q: Question, r: Response): void {
	if (typeof r !== 'object' || r === null) throw new InvalidResponseError('The answer is missing.');
	if (r.type !== q.type)
		throw new InvalidResponseError(
			`This question expects a "${q.type}" answer, not "${String(r.type)}".`
		);
	switch (q.type) {
		case 'single': {
			const { optionId } = r as ResponseOf<'single'>;
			if (typeof optionId !== 'string') throw new InvalidResponseError('Choose an option.');
			if (!q.options.some((o) => o.id === optionId))
				throw new InvalidResponseError(
					`Option "${optionId}" is not one of this question's options.`
				);
			return;
		}
		case 'multiple': {
			const { optionIds } = r as ResponseOf<'multiple'>;
			if (!isStringArray(optionIds))
				throw new InvalidResponseError('The chosen options must be a list of option ids.');
			const unknown = optionIds.find((id) => !q.options.some((o) => o.id === id));
			if (unknown !== undefined)
				throw new InvalidResponseError(
					`Option "${unknown}" is not one of this question's options.`
				);
			const twice = firstDuplicate(optionIds);
			if (twice !== undefined)
				throw new InvalidResponseError(`Option "${twice}" is chosen more than once.`);
			return;
		}
		case 'true_false': {
			if (typeof (r as ResponseOf<'true_false'>).value !== 'boolean')
				throw new InvalidResponseError('Choose true or false.');
			return;
		}
		case 'numeric': {
			const { value } = r as ResponseOf<'numeric'>;
			if (typeof value !== 'number' || !Number.isFinite(value))
				throw new InvalidResponseError('Enter a number.');
			return;
		}
		case 'short_text': {
			const { text } = r as ResponseOf<'short_text'>;
			if (typeof text !== 'string') throw new InvalidResponseError('Enter an answer.');
			if (text.length > MAX_TEXT_LENGTH)
				throw new InvalidResponseError(
					`The answer is too long (at most ${MAX_TEXT_LENGTH} characters).`
				);
			// Postgres cannot store a NUL in text or JSON; no keyboard types one.
			if (text.includes('\u0000'))
				throw new InvalidResponseError('The answer contains a NUL character.');
			return;
		}
		case 'ordering': {
			const { itemIds } = r as ResponseOf<'ordering'>;
			if (!isStringArray(itemIds))
				throw new InvalidResponseError('The order must be a list of item ids.');
			const unknown = itemIds.find((id) => !q.items.some((i) => i.id === id));
			if (unknown !== undefined)
				throw new InvalidResponseError(`Item "${unknown}" is not one of this question's items.`);
			const twice = firstDuplicate(itemIds);
			if (twice !== undefined)
				throw new InvalidResponseError(`Item "${twice}" appears more than once in the order.`);
			const missing = q.items.find((i) => !itemIds.includes(i.id));
			if (missing)
				throw new InvalidResponseError(
					`Item "${missing.id}" is missing from the order: place every item.`
				);
			return;
		}
	}
}

// ---- grading, one function per type ---------------------------------------------------------

const allOrNothing = (right: boolean): Grade => ({ score: right ? 1 : 0, correct: right });

export function gradeSingle(q: Of<'single'>, r: ResponseOf<'single'>): Grade {
	return allOrNothing(q.options.some((o) => o.correct && o.id === r.optionId));
}

/** (right options chosen − wrong options chosen) / right options, never below 0; correct only for the exact set. */
export function gradeMultiple(q: Of<'multiple'>, r: ResponseOf<'multiple'>): Grade {
	const chosen = new Set(r.optionIds);
	const right = q.options.filter((o) => o.correct);
	const rightChosen = right.filter((o) => chosen.has(o.id)).length;
	const wrongChosen = q.options.filter((o) => !o.correct && chosen.has(o.id)).length;
	const correct = rightChosen === right.length && wrongChosen === 0;
	if (right.length === 0) return allOrNothing(correct);
	const score = Math.max(0, (rightChosen - wrongChosen) / right.length);
	return { score: correct ? 1 : Math.min(score, 1), correct };
}

export function gradeTrueFalse(q: Of<'true_false'>, r: ResponseOf<'true_false'>): Grade {
	return allOrNothing(r.value === q.answer);
}

export function gradeNumeric(q: Of<'numeric'>, r: ResponseOf<'numeric'>): Grade {
	const slack = Math.max(0, q.tolerance) + EPSILON * Math.max(1, Math.abs(q.answer));
	return allOrNothing(Math.abs(r.value - q.answer) <= slack);
}

// A title a reader may put before a person's name ("Sir Keir Starmer", "President Biden"): the name is still right.
const TITLE_BEFORE_NAME =
	/^(?:sir|dame|lord|lady|dr|mr|mrs|ms|president|prime minister|chancellor|general|judge|justice) (?=\S)/u;

export function gradeShortText(q: Of<'short_text'>, r: ResponseOf<'short_text'>): Grade {
	const given = normaliseText(r.text);
	const accepted = q.accepted.map(normaliseText);
	const untitled = given.replace(TITLE_BEFORE_NAME, '');
	return allOrNothing(given !== '' && (accepted.includes(given) || accepted.includes(untitled)));
}

/** Fraction of item pairs placed in the same relative order as the key (Kendall-style); correct only at 1. */
export function gradeOrdering(q: Of<'ordering'>, r: ResponseOf<'ordering'>): Grade {
	const rank = new Map(q.items.map((item, i) => [item.id, i]));
	const given = r.itemIds;
	const n = given.length;
	const pairs = (n * (n - 1)) / 2;
	if (pairs === 0) return allOrNothing(true);
	let concordant = 0;
	for (let i = 0; i < n; i++)
		for (let j = i + 1; j < n; j++)
			if ((rank.get(given[i]) ?? -1) < (rank.get(given[j]) ?? -1)) concordant++;
	const score = concordant / pairs;
	return { score, correct: score === 1 };
}

/** Grades a response that has passed validateResponse. */
export function gradeResponse(q: Question, r: Response): Grade {
	if (r.type !== q.type) return allOrNothing(false);
	switch (q.type) {
		case 'single':
			return gradeSingle(q, r as ResponseOf<'single'>);
		case 'multiple':
			return gradeMultiple(q, r as ResponseOf<'multiple'>);
		case 'true_false':
			return gradeTrueFalse(q, r as ResponseOf<'true_false'>);
		case 'numeric':
			return gradeNumeric(q, r as ResponseOf<'numeric'>);
		case 'short_text':
			return gradeShortText(q, r as ResponseOf<'short_text'>);
		case 'ordering':
			return gradeOrdering(q, r as ResponseOf<'ordering'>);
	}
}

// ---- in words ---------------------------------------------------------------------------------

const UNKNOWN = '?';

function optionText(q: Question, id: string): string {
	return ('options' in q ? q.options.find((o) => o.id === id)?.text : undefined) ?? UNKNOWN;
}

function itemText(q: Question, id: string): string {
	return ('items' in q ? q.items.find((i) => i.id === id)?.text : undefined) ?? UNKNOWN;
}

/**
 * A number as people read it: "2,400 troops". A calendar year (unit `year`) is shown bare, "2014",
 * since "2,014" or "2014 year" would both read wrongly.
 */
function withUnit(value: number, q: Question): string {
	return q.type === 'numeric' && q.unit ? formatAmount(value, q.unit) : String(value);
}

/** A number with its unit as people read it ("2,400 troops"; a year bare, "2014"). */
export function formatAmount(value: number, unit: string): string {
	if (unit === 'year') return String(value);
	return `${value.toLocaleString('en-GB', { maximumFractionDigits: 6 })}${unit ? ` ${unit}` : ''}`;
}

/** The answer key in words, for the results page. */
export function describeCorrectAnswer(q: Question): string {
	switch (q.type) {
		case 'single':
		case 'multiple':
			return q.options
				.filter((o) => o.correct)
				.map((o) => o.text)
				.join('; ');
		case 'true_false':
			return q.answer ? 'True' : 'False';
		case 'numeric':
			return withUnit(q.answer, q) + (q.tolerance > 0 ? ` (± ${q.tolerance})` : '');
		case 'short_text':
			return q.accepted[0] ?? '';
		case 'ordering':
			return q.items.map((i) => i.text).join(' → ');
	}
}

/** The learner's response in words; ids the question does not know show as "?". */
export function describeResponse(q: Question, r: Response): string {
	switch (r.type) {
		case 'single':
			return optionText(q, r.optionId);
		case 'multiple':
			return r.optionIds.length
				? r.optionIds.map((id) => optionText(q, id)).join('; ')
				: 'No option chosen';
		case 'true_false':
			return r.value ? 'True' : 'False';
		case 'numeric':
			return withUnit(r.value, q);
		case 'short_text':
			return r.text;
		case 'ordering':
			return r.itemIds.map((id) => itemText(q, id)).join(' → ');
	}
}

// ---- from the answer form --------------------------------------------------------------------

// Tried in order: grouped thousands before plain decimals, so "2,400" is 2400 and "2,5" is 2.5.
const NUMBER_PATTERNS: { pattern: RegExp; clean: (s: string) => string }[] = [
	// Thousands grouped by spaces (any kind, thin and no-break included): 2 400, 12 000,5
	{
		pattern: /^[-+]?[1-9]\d{0,2}(\s\d{3})+([.,]\d+)?$/u,
		clean: (s) => s.replace(/\s/gu, '').replace(',', '.')
	},
	// Thousands grouped by commas: 2,400, 1,234.5
	{ pattern: /^[-+]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/, clean: (s) => s.replace(/,/g, '') },
	// Thousands grouped by points with a decimal comma: 1.234,5
	{
		pattern: /^[-+]?[1-9]\d{0,2}(\.\d{3})+,\d+$/,
		clean: (s) => s.replace(/\./g, '').replace(',', '.')
	},
	// Plain, with a point or a comma as the decimal separator: 12, -3.5, 2,5, .5
	{ pattern: /^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/, clean: (s) => s.replace(',', '.') }
];

/** Reads a number as people type it; null when it is not one. "2,400" is two thousand four hundred, "2,5" is two and a half. */
export function parseNumber(input: string): number | null {
	const s = input.trim().replace(/^\u2212/, '-');
	for (const { pattern, clean } of NUMBER_PATTERNS) {
		if (pattern.test(s)) {
			const value = Number(clean(s));
			return Number.isFinite(value) ? value : null;
		}
	}
	return null;
}

/**
 * Builds a response from the answer form's fields (as read by readFormFields: every field a list of strings).
 * Throws InvalidResponseError with a message for the learner when the form does not hold an answer of that type.
 */
export function parseResponseFromForm(
	type: QuestionType,
	fields: Record<string, string[]>
): Response {
	switch (type) {
		case 'single': {
			const optionId = fields.choice?.find((v) => v !== '');
			if (optionId === undefined) throw new InvalidResponseError('Choose an option.');
			return { type, optionId };
		}
		case 'multiple': {
			const optionIds = (fields.choice ?? []).filter((v) => v !== '');
			if (optionIds.length === 0) throw new InvalidResponseError('Choose at least one option.');
			return { type, optionIds };
		}
		case 'true_false': {
			const value = fields.value?.[0]?.trim();
			if (value !== 'true' && value !== 'false')
				throw new InvalidResponseError('Choose true or false.');
			return { type, value: value === 'true' };
		}
		case 'numeric': {
			const value = parseNumber(fields.value?.[0] ?? '');
			if (value === null) throw new InvalidResponseError('Enter a number.');
			return { type, value };
		}
		case 'short_text': {
			const text = fields.text?.[0]?.trim();
			if (!text) throw new InvalidResponseError('Enter an answer.');
			return { type, text };
		}
		case 'ordering': {
			const itemIds = fields.order ?? [];
			if (itemIds.length === 0) throw new InvalidResponseError('Put the items in order.');
			return { type, itemIds };
		}
		default:
			throw new InvalidResponseError(`Unknown question type "${String(type)}".`);
	}
}

/**
 * A response sent back as JSON (the review page carries the revealed answer in a hidden field): only the
 * fields of its type are kept, so nothing else (nesting, extra keys) is stored. The values are checked
 * against the question by validateResponse.
 */
export function readResponseJson(json: string): Response {
	let r: unknown;
	try {
		r = JSON.parse(json);
	} catch {
		throw new InvalidResponseError('The saved answer could not be read.');
	}
	if (typeof r !== 'object' || r === null || Array.isArray(r))
		throw new InvalidResponseError('The saved answer could not be read.');
	const o = r as Record<string, unknown>;
	switch (o.type) {
		case 'single':
			return { type: 'single', optionId: o.optionId as string };
		case 'multiple':
			return { type: 'multiple', optionIds: o.optionIds as string[] };
		case 'true_false':
		case 'numeric':
			return { type: o.type, value: o.value } as Response;
		case 'short_text':
			return { type: 'short_text', text: o.text as string };
		case 'ordering':
			return { type: 'ordering', itemIds: o.itemIds as string[] };
		default:
			throw new InvalidResponseError(
				`The saved answer has an unknown type "${String(o.type).slice(0, 40)}".`
			);
	}
}
