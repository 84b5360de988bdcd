// GIFT import: turns a GIFT file (Moodle's question text format) into questions of our own types.
// Parsing is the grammar's work (gift.peggy, two passes as in Moodle: lines, then one question block at a
// time); this module only maps what was parsed onto our types and says, with a line number, what cannot
// be held by them. A question that cannot be imported is left out whole and the rest still imports.
import type { Question } from '../bank/types.ts';
import { stableChoiceId } from '../bank/stable-id.ts';
import { normaliseText } from '../quiz/grade.ts';
import {
	parseBlock,
	parseLines,
	type GiftAnswers,
	type GiftBlock,
	type NumberSpec
} from './syntax.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A question as imported from GIFT: our Question, "not yet cited" (no facts until the teacher attaches an
 * article passage), with what GIFT holds beyond our types.
 */
export type ImportedQuestion = DistributiveOmit<Question, 'facts'> & {
	facts: [];
	cited: false;
	/** The GIFT title (`::title::`), or null when there was none. */
	title: string | null;
	/**
	 * Per-answer feedback (`#…`), by option id for single and multiple; by the learner's answer ("true" or
	 * "false") for true/false; by the accepted answer for short text; "right" (the full-mark answer) and
	 * "wrong" (the `~#…` catch-all) for numeric.
	 */
	optionFeedback: Record<string, string>;
	/** 1-based line of the question's first line in the file. */
	line: number;
	/** What GIFT said that our types do not keep (partial credit, other numeric answers, HTML text). */
	notes: string[];
};

export type GiftProblem = { line: number; reason: string };

export type GiftImport = { questions: ImportedQuestion[]; problems: GiftProblem[] };

export const MISSING_WORD_BLANK = '_____';
const DEFAULT_DIFFICULTY = 2;
/** No question of ours needs more answers than this; more would only make a huge page. */
export const MAX_GIFT_ANSWERS = 20;
const MAX_SLUG_LENGTH = 60;

/** Lowercase letters, digits and single hyphens, accents dropped: the form of our ids and tags. */
export function slugify(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+/, '')
		.slice(0, MAX_SLUG_LENGTH)
		.replace(/-+$/, '');
}

/**
 * The tags a `$CATEGORY:` path gives the questions after it: its own parts, slugified, without Moodle's
 * context prefix (`$course$`, `$system$`…), `top` and the "Default for …" category Moodle makes.
 */
export function categoryTags(parts: string[]): string[] {
	const own = parts.filter(
		(p) =>
			!(p.startsWith('$') && p.endsWith('$')) &&
			p.toLowerCase() !== 'top' &&
			!/^default for /i.test(p)
	);
	return unique(own.map(slugify).filter((t) => t !== ''));
}

const ORDINAL_WORDS = [
	'first',
	'second',
	'third',
	'fourth',
	'fifth',
	'sixth',
	'seventh',
	'eighth',
	'ninth',
	'tenth',
	'eleventh',
	'twelfth',
	'thirteenth',
	'fourteenth',
	'fifteenth',
	'sixteenth',
	'seventeenth',
	'eighteenth',
	'nineteenth',
	'twentieth'
];

/** The rank a matching right-hand side names: "3", "3.", "3rd", "third" (any case) → 3; otherwise null. */
export function ordinalRank(text: string): number | null {
	const t = text.trim().toLowerCase();
	const word = ORDINAL_WORDS.indexOf(t);
	if (word >= 0) return word + 1;
	const digits = /^(\d{1,3})(?:\.|st|nd|rd|th)?$/.exec(t);
	return digits ? Number(digits[1]) : null;
}

function unique<T>(values: T[]): T[] {
	return [...new Set(values)];
}

/** A number without floating-point dust: (3.141 + 3.142) / 2 is 3.1415, not 3.1414999999999997. */
function tidy(n: number): number {
	return Number(n.toPrecision(12));
}

function keyOf(spec: NumberSpec): { answer: number; tolerance: number } {
	if ('low' in spec)
		return {
			answer: tidy((spec.low + spec.high) / 2),
			tolerance: tidy((spec.high - spec.low) / 2)
		};
	return { answer: spec.answer, tolerance: spec.tolerance };
}

function describeSpec(spec: NumberSpec): string {
	return 'low' in spec ? `${spec.low}..${spec.high}` : `${spec.answer}:${spec.tolerance}`;
}

const isFull = (weight: number | null) => weight === null || weight === 100;

function firstDuplicate(texts: string[]): string | undefined {
	const seen = new Set<string>();
	for (const text of texts) {
		const n = normaliseText(text);
		if (seen.has(n)) return text;
		seen.add(n);
	}
	return undefined;
}

type Built = { ok: true; question: ImportedQuestion } | { ok: false; reason: string };
type Base = Omit<
	ImportedQuestion,
	'type' | 'options' | 'answer' | 'tolerance' | 'unit' | 'accepted' | 'items'
>;

const fail = (reason: string): Built => ({ ok: false, reason });

/** Maps one parsed question onto our types, or says why it cannot be. */
function buildQuestion(answers: GiftAnswers, base: Base): Built {
	const { id, notes, optionFeedback } = base;
	switch (answers.kind) {
		case 'essay':
			return fail(
				'an essay question (a free-text answer marked by hand) cannot be held by our types'
			);

		case 'choice': {
			const { choices } = answers;
			if (choices.length < 2) return fail('a multiple-choice question needs at least two answers');
			const duplicate = firstDuplicate(choices.map((c) => c.text));
			if (duplicate !== undefined) return fail(`the answer "${duplicate}" appears twice`);
			// Moodle: an `=` makes a one-answer question; without one, learners tick every answer they
			// think right and the weights say which are (any positive weight).
			const oneAnswer = choices.some((c) => c.mark === '=');
			const correct = (c: (typeof choices)[number]) =>
				oneAnswer ? (c.mark === '=' && c.weight === null) || c.weight === 100 : (c.weight ?? 0) > 0;
			const right = choices.filter(correct).length;
			if (oneAnswer) {
				if (right !== 1)
					return fail(
						right === 0
							? 'no answer earns full marks (write = before the right answer)'
							: `${right} answers are marked right in a one-answer question; our single choice has exactly one right answer`
					);
				for (const c of choices)
					if (!correct(c) && c.weight !== null && c.weight !== 0)
						notes.push(`"${c.text}" earned ${c.weight}% in GIFT; here it counts as a wrong answer`);
			} else {
				if (right === 0) return fail('no answer has a positive weight, so none is right');
				if (right === choices.length)
					return fail(
						'every answer has a positive weight: a multiple-select question needs a wrong answer'
					);
			}
			const options = choices.map((c) => ({
				id: stableChoiceId(id, c.text),
				text: c.text,
				correct: correct(c)
			}));
			choices.forEach((c, i) => {
				if (c.feedback) optionFeedback[options[i].id] = c.feedback;
			});
			return { ok: true, question: { ...base, type: oneAnswer ? 'single' : 'multiple', options } };
		}

		case 'true_false':
			if (answers.wrongFeedback) optionFeedback[String(!answers.value)] = answers.wrongFeedback;
			if (answers.rightFeedback) optionFeedback[String(answers.value)] = answers.rightFeedback;
			return { ok: true, question: { ...base, type: 'true_false', answer: answers.value } };

		case 'short': {
			const full = answers.answers.filter((a) => isFull(a.weight));
			if (full.length === 0) return fail('no answer earns full marks (100%)');
			for (const a of answers.answers)
				if (!isFull(a.weight))
					notes.push(`"${a.text}" earned ${a.weight}% in GIFT; it is not accepted here`);
			// Answers that differ only in case, accents or punctuation are one answer to our grading.
			const accepted: string[] = [];
			for (const a of full) {
				const same = accepted.find((b) => normaliseText(b) === normaliseText(a.text));
				if (same === undefined) accepted.push(a.text);
				else if (same !== a.text)
					notes.push(
						`"${a.text}" is the same answer as "${same}" here (case, accents and punctuation do not count)`
					);
			}
			const blank = accepted.find((a) => normaliseText(a) === '');
			if (blank !== undefined)
				return fail(`the answer "${blank}" is only punctuation: nothing typed could match it`);
			for (const a of full) if (a.feedback) optionFeedback[a.text] = a.feedback;
			return { ok: true, question: { ...base, type: 'short_text', accepted } };
		}

		case 'numeric': {
			const full = answers.answers.find((a) => isFull(a.weight));
			if (!full) return fail('no numeric answer earns full marks (100%)');
			for (const a of answers.answers)
				if (a !== full)
					notes.push(
						`the answer ${describeSpec(a)} (${a.weight ?? 100}%) is dropped: our numeric questions have one answer`
					);
			if (full.feedback) optionFeedback.right = full.feedback;
			if (answers.wrongFeedback) optionFeedback.wrong = answers.wrongFeedback;
			return { ok: true, question: { ...base, type: 'numeric', ...keyOf(full), unit: '' } };
		}

		case 'matching': {
			const { pairs } = answers;
			const ranks = pairs.map((p) => ordinalRank(p.right));
			const isOrdering =
				pairs.every((p) => p.left !== '') &&
				ranks.every((r) => r !== null) &&
				[...ranks].sort((a, b) => (a ?? 0) - (b ?? 0)).every((r, i) => r === i + 1);
			if (!isOrdering)
				return fail(
					'matching cannot be held by our types (only a matching whose right-hand sides are 1, 2, 3… or first, second… in full becomes an ordering)'
				);
			if (pairs.length < 3) return fail('an ordering needs at least three items');
			const duplicate = firstDuplicate(pairs.map((p) => p.left));
			if (duplicate !== undefined) return fail(`the item "${duplicate}" appears twice`);
			const ordered = pairs
				.map((p, i) => ({ text: p.left, rank: ranks[i] ?? 0 }))
				.sort((a, b) => a.rank - b.rank);
			return {
				ok: true,
				question: {
					...base,
					type: 'ordering',
					items: ordered.map((p) => ({ id: stableChoiceId(id, p.text), text: p.text }))
				}
			};
		}
	}
}

type Block = { lines: number[]; texts: string[]; tags: string[] };

/** Question blocks as Moodle reads them: blank lines separate them; comment lines are dropped. */
function blocksOf(text: string): Block[] {
	const blocks: Block[] = [];
	let current: Block | null = null;
	for (const line of parseLines(text.replace(/^\uFEFF/, ''))) {
		if (line.kind === 'blank') {
			current = null;
			continue;
		}
		if (!current) blocks.push((current = { lines: [], texts: [], tags: [] }));
		if (line.kind === 'comment') current.tags.push(...line.tags);
		else {
			current.lines.push(line.line);
			current.texts.push(line.text);
		}
	}
	return blocks.filter((b) => b.texts.length > 0);
}

/** Options, accepted answers or pairs of a question's answer section. */
function countAnswers(answers: GiftAnswers): number {
	switch (answers.kind) {
		case 'choice':
			return answers.choices.length;
		case 'numeric':
			return answers.answers.length;
		case 'matching':
			return answers.pairs.length;
		default:
			return 1;
	}
}

/**
 * Reads a GIFT file. Every question our types can hold comes back in `questions`, not yet cited;
 * everything else (essay, description, unsupported matching, syntax errors) is in `problems` with the line
 * it starts on and the reason.
 */
export function importGift(text: string, options: { idPrefix: string }): GiftImport {
	const prefix = slugify(options.idPrefix) || 'gift';
	const questions: ImportedQuestion[] = [];
	const problems: GiftProblem[] = [];
	const usedIds = new Set<string>();
	let tagsFromCategory: string[] = [];
	let ordinal = 0;

	for (const block of blocksOf(text)) {
		const line = block.lines[0];
		const parsed = parseBlock(block.texts.join('\n'));
		if ('error' in parsed) {
			const at = block.lines[Math.min(parsed.error.line, block.lines.length) - 1];
			problems.push({ line: at, reason: `syntax error: ${parsed.error.message}` });
			if (!block.texts[0].startsWith('$CATEGORY:')) ordinal++;
			continue;
		}
		const giftBlock: GiftBlock = parsed.block;
		if (giftBlock.kind === 'category') {
			tagsFromCategory = categoryTags(giftBlock.parts);
			continue;
		}
		ordinal++;
		if (giftBlock.answers === null) {
			problems.push({
				line,
				reason: 'a description (text without an answer section in { }) is not a question'
			});
			continue;
		}
		const answerCount = countAnswers(giftBlock.answers);
		if (answerCount > MAX_GIFT_ANSWERS) {
			problems.push({
				line,
				reason: `the question has ${answerCount.toLocaleString('en')} answers; at most ${MAX_GIFT_ANSWERS} are allowed`
			});
			continue;
		}
		const prompt = (
			giftBlock.after.trim() === ''
				? giftBlock.before
				: giftBlock.before + MISSING_WORD_BLANK + giftBlock.after
		).trim();
		if (prompt === '') {
			problems.push({ line, reason: 'the question has no text' });
			continue;
		}

		const stem = slugify(giftBlock.title ?? '') || String(ordinal);
		let id = `${prefix}-${stem}`;
		for (let n = 2; usedIds.has(id); n++) id = `${prefix}-${stem}-${n}`;

		const notes: string[] = [];
		if (giftBlock.format === 'html' || giftBlock.format === 'markdown')
			notes.push(`the question text is written in ${giftBlock.format}; it is kept as written`);
		const base: Base = {
			id,
			prompt,
			explanation: giftBlock.answers.generalFeedback ?? '',
			facts: [],
			cited: false,
			tags: unique([...tagsFromCategory, ...block.tags.map(slugify).filter((t) => t !== '')]),
			difficulty: DEFAULT_DIFFICULTY,
			title: giftBlock.title,
			optionFeedback: {},
			line,
			notes
		};
		const built = buildQuestion(giftBlock.answers, base);
		if (!built.ok) {
			problems.push({ line, reason: built.reason });
			continue;
		}
		usedIds.add(id);
		questions.push(built.question);
	}
	return { questions, problems };
}
