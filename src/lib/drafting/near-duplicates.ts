// Near-duplicates among an article's drafts, and between its drafts and the bank, found before the teacher
// reads them: the drafter may ask the same fact twice (a gap-fill and a true/false of one value), make
// several questions of one sentence, or ask what a bank question already asks. Flagging them lets the
// teacher reject the extras first. Pure: plain data in, plain data out.
import type { FactValue, QuestionType } from '../bank/types.ts';
import { normaliseAnswerText } from '../text/normalise.ts';

/** What the comparison needs of a question, a draft's or the bank's: its type, prompt and key. */
export type ComparableQuestion = {
	type: QuestionType;
	prompt: string;
	options?: readonly { text: string; correct?: boolean }[];
	answer?: number | boolean;
	unit?: string;
	accepted?: readonly string[];
	/** In the right order. */
	items?: readonly (string | { text: string })[];
};

export type DraftToCompare = {
	id: number;
	/** The draft's number on the page (its position among the article's drafts). */
	number: number;
	status: 'pending' | 'accepted' | 'rejected';
	quote: string;
	span: { start: number; end: number };
	value?: FactValue;
	question: ComparableQuestion;
	/** Bank questions the drafter found asking the same value from an overlapping quote. */
	similarTo?: readonly string[];
	/** Asks when several events happened (an ordering, or which came first): by default, an ordering. */
	timeline?: boolean;
};

const isTimeline = (d: DraftToCompare) => d.timeline ?? d.question.type === 'ordering';

export type BankQuestionToCompare = {
	id: string;
	question: ComparableQuestion;
	/** The facts the question cites: their quotes and values. */
	facts: readonly { quote: string; value?: FactValue }[];
};

/**
 * Why two questions are near-duplicates, strongest first: the same fact (one passage, one value or key),
 * the same question (one key, a prompt in mostly the same words), one passage shown by a prompt that asks
 * another of its values (each question then shows the other's answer), or only the same passage.
 */
export type DuplicateReason = 'same-fact' | 'same-question' | 'gives-away' | 'same-passage';

export type NearDuplicate =
	| { of: 'draft'; id: number; number: number; prompt: string; why: DuplicateReason }
	| { of: 'bank'; id: string; prompt: string; why: DuplicateReason };

/** Share of the shorter passage two quotes must have in common to be one passage. */
const PASSAGE_OVERLAP = 0.8;
/** Share of content words two prompts must have in common (Dice) to ask the same question. */
const PROMPT_SIMILARITY = 0.5;
/** Share of a passage's runs of words a prompt must show to show the passage (a gap-fill, a claim). */
const PROMPT_SHOWS_PASSAGE = 0.6;

const STRENGTH: Record<DuplicateReason, number> = {
	'same-fact': 0,
	'same-question': 1,
	'gives-away': 2,
	'same-passage': 3
};

/** Words that say nothing about what a prompt asks. */
const STOPWORDS = new Set(
	(
		'a an the of in on at to for from by with and or but is are was were be been being has have had do ' +
		'does did will would can could should may might its it this that these those their there what which ' +
		'who whom whose when where why how as than then so not no all any each one report article says said ' +
		'according select name names named'
	).split(' ')
);

/**
 * The key of a question as one comparable text, or null when a shared key means nothing (every other
 * true/false question shares "true"). Case, accents, punctuation and spacing do not count; neither does
 * the order of the right options of a multiple-select question, nor a plural unit.
 */
export function answerKeyOf(q: ComparableQuestion): string | null {
	switch (q.type) {
		case 'single':
		case 'multiple': {
			const right = (q.options ?? [])
				.filter((o) => o.correct)
				.map((o) => normaliseAnswerText(o.text));
			return right.length ? right.sort().join(' | ') : null;
		}
		case 'numeric':
			if (typeof q.answer !== 'number') return null;
			return `${q.answer} ${normaliseAnswerText(q.unit ?? '').replace(/s$/u, '')}`.trim();
		case 'short_text':
			return q.accepted?.length ? normaliseAnswerText(q.accepted[0]) : null;
		case 'ordering':
			return q.items?.length
				? q.items.map((i) => normaliseAnswerText(typeof i === 'string' ? i : i.text)).join(' > ')
				: null;
		case 'true_false':
			return null;
	}
}

function sameValue(a: FactValue | undefined, b: FactValue | undefined): boolean {
	if (!a || !b || a.kind !== b.kind) return false;
	switch (a.kind) {
		case 'number':
			return b.kind === 'number' && a.amount === b.amount;
		case 'range':
			return b.kind === 'range' && a.min === b.min && a.max === b.max;
		case 'date':
			return b.kind === 'date' && a.date === b.date;
		default:
			return 'name' in b && normaliseAnswerText(a.name) === normaliseAnswerText(b.name);
	}
}

const words = (s: string) => normaliseAnswerText(s).split(' ').filter(Boolean);

/** Runs of three words (the words themselves for a shorter text): robust to quote style and spacing. */
function shingles(text: string): Set<string> {
	const w = words(text);
	if (w.length < 3) return new Set(w);
	const out = new Set<string>();
	for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3).join(' '));
	return out;
}

/** How much of the smaller set the larger one holds (0 when either is empty). */
function containment(a: Set<string>, b: Set<string>): number {
	if (!a.size || !b.size) return 0;
	const [small, large] = a.size <= b.size ? [a, b] : [b, a];
	let shared = 0;
	for (const x of small) if (large.has(x)) shared++;
	return shared / small.size;
}

/** Whether two quotes are one passage: mostly the same words, whatever their spacing or quote marks. */
export function samePassage(a: string, b: string): boolean {
	return containment(shingles(a), shingles(b)) >= PASSAGE_OVERLAP;
}

/** Whether two spans of one article cover mostly the same characters. */
function overlappingSpans(
	a: { start: number; end: number },
	b: { start: number; end: number }
): boolean {
	const shorter = Math.min(a.end - a.start, b.end - b.start);
	if (shorter <= 0) return false;
	const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
	return shared / shorter >= PASSAGE_OVERLAP;
}

const contentWords = (prompt: string) => new Set(words(prompt).filter((w) => !STOPWORDS.has(w)));

/** How alike two prompts are: the Dice coefficient of their content words (0 to 1). */
export function promptSimilarity(a: string, b: string): number {
	const x = contentWords(a);
	const y = contentWords(b);
	if (!x.size || !y.size) return 0;
	let shared = 0;
	for (const w of x) if (y.has(w)) shared++;
	return (2 * shared) / (x.size + y.size);
}

/** Whether a prompt shows most of a passage's words, as a gap-fill or a true/false claim of it does. */
function showsPassage(prompt: string, quote: string): boolean {
	const shown = shingles(prompt);
	const passage = [...shingles(quote)];
	return (
		passage.length > 0 &&
		passage.filter((s) => shown.has(s)).length / passage.length >= PROMPT_SHOWS_PASSAGE
	);
}

/** The strongest reason two questions are near-duplicates, or null when they are not. */
function compare(
	passage: boolean,
	sameFactValue: boolean,
	keyA: string | null,
	keyB: string | null,
	promptA: string,
	promptB: string,
	passageShown = false
): DuplicateReason | null {
	const sameKey = keyA !== null && keyA === keyB;
	if (passage && (sameFactValue || sameKey)) return 'same-fact';
	if (sameKey && promptSimilarity(promptA, promptB) >= PROMPT_SIMILARITY) return 'same-question';
	if (passage && passageShown) return 'gives-away';
	if (passage) return 'same-passage';
	return null;
}

/**
 * For each pending draft, the drafts and bank questions it nearly duplicates, strongest reason first.
 * A pending draft is compared with every accepted draft (kept already) and with the pending drafts
 * before it (the first of a pair is the one to read; the later one is flagged); rejected drafts count
 * for nothing. Drafts with no near-duplicate are left out of the map.
 */
export function findNearDuplicates(
	drafts: readonly DraftToCompare[],
	bank: readonly BankQuestionToCompare[]
): Map<number, NearDuplicate[]> {
	const keyOf = new Map(drafts.map((d) => [d.id, answerKeyOf(d.question)] as const));
	const bankKeys = new Map(bank.map((q) => [q.id, answerKeyOf(q.question)] as const));
	const bankShingles = new Map(
		bank.map((q) => [q.id, q.facts.map((f) => shingles(f.quote))] as const)
	);
	const found = new Map<number, NearDuplicate[]>();
	for (const d of drafts) {
		if (d.status !== 'pending') continue;
		const matches: NearDuplicate[] = [];
		const own = shingles(d.quote);
		for (const e of drafts) {
			if (e.id === d.id) continue;
			if (!(e.status === 'accepted' || (e.status === 'pending' && e.number < d.number))) continue;
			const passage =
				overlappingSpans(d.span, e.span) || containment(own, shingles(e.quote)) >= PASSAGE_OVERLAP;
			// A timeline asks when several events happened, not the one value of its passage's fact: it
			// repeats another question only by its key (the same events), never by that value.
			const byValue = !isTimeline(d) && !isTimeline(e);
			const why = compare(
				passage,
				byValue && sameValue(d.value, e.value),
				keyOf.get(d.id)!,
				keyOf.get(e.id)!,
				d.question.prompt,
				e.question.prompt,
				byValue &&
					(showsPassage(d.question.prompt, e.quote) || showsPassage(e.question.prompt, d.quote))
			);
			if (why)
				matches.push({ of: 'draft', id: e.id, number: e.number, prompt: e.question.prompt, why });
		}
		for (const q of bank) {
			const cited = q.facts.filter(
				(_, i) => containment(own, bankShingles.get(q.id)![i]) >= PASSAGE_OVERLAP
			);
			const why = d.similarTo?.includes(q.id)
				? 'same-fact'
				: compare(
						cited.length > 0,
						!isTimeline(d) &&
							q.question.type !== 'ordering' &&
							cited.some((f) => sameValue(d.value, f.value)),
						keyOf.get(d.id)!,
						bankKeys.get(q.id)!,
						d.question.prompt,
						q.question.prompt
					);
			if (why) matches.push({ of: 'bank', id: q.id, prompt: q.question.prompt, why });
		}
		if (matches.length)
			found.set(
				d.id,
				matches.sort(
					(a, b) =>
						STRENGTH[a.why] - STRENGTH[b.why] ||
						(a.of === b.of ? 0 : a.of === 'draft' ? -1 : 1) ||
						(a.of === 'draft' && b.of === 'draft' ? a.number - b.number : 0)
				)
			);
	}
	return found;
}
