// The rules a bank question must meet that a program can see (questions/README.md lists them all, with the
// ones only an author can judge). Pure: it takes the parsed bank and a way to name the file and line of a
// question or fact, and returns one error per problem. parseBank runs it once everything else is valid, so
// `npm run questions:check` and the app's start refuse a bank that breaks these rules just as they refuse a
// misquoted fact.
import { normaliseAnswerText } from '../text/normalise.ts';
import type { Article, Bank, BankError, Fact, Question } from './types.ts';
import { MONTH_NAMES } from '../time/months.ts';

/** Where a question or a fact (or one of its keys) stands in the bank files. */
export type Locate = {
	question: (id: string, key?: string) => { file: string; line: number };
	fact: (id: string, key?: string) => { file: string; line: number };
};

type ChoiceQuestion = Extract<Question, { type: 'single' | 'multiple' }>;

/**
 * True when the right options come before every wrong one (for a single-choice question: the key is first).
 * A file written that way shows the key first to every student whose teacher turns shuffling off.
 */
export function keyLeads(q: { options: { correct?: boolean }[] }): boolean {
	const right = q.options.filter((o) => o.correct).length;
	return q.options.slice(0, right).every((o) => o.correct);
}

/**
 * Key position: in each file, no more than half of the choice questions may lead with their key (chance alone
 * puts a single-choice key first in one question of four). Each leading question of such a file is reported.
 */
export function keyPositionErrors(bank: Bank, locate: Locate): BankError[] {
	const byFile = new Map<string, ChoiceQuestion[]>();
	for (const q of bank.questions) {
		if (q.type !== 'single' && q.type !== 'multiple') continue;
		const { file } = locate.question(q.id);
		byFile.set(file, [...(byFile.get(file) ?? []), q]);
	}
	const errors: BankError[] = [];
	for (const [file, questions] of byFile) {
		const leading = questions.filter(keyLeads);
		if (leading.length < 2 || leading.length * 2 <= questions.length) continue;
		for (const q of leading) {
			errors.push({
				...locate.question(q.id, 'options'),
				file,
				message: `question "${q.id}": its right option${q.type === 'multiple' ? 's come' : ' comes'} first, as in ${leading.length} of the ${questions.length} choice questions of this file: without shuffling, students would learn that the first option is right. Put the options in an order that does not depend on which is right (e.g. alphabetical or numeric)`
			});
		}
	}
	return errors;
}

/** A key this much longer than every distractor (and by this many characters) gives itself away. */
const LENGTH_RATIO = 1.5;
const LENGTH_MARGIN = 15;

/** Option length: the key (or, for multiple select, every right option) may not be much longer than every wrong one. */
export function optionLengthErrors(bank: Bank, locate: Locate): BankError[] {
	const errors: BankError[] = [];
	for (const q of bank.questions) {
		if (q.type !== 'single' && q.type !== 'multiple') continue;
		const right = q.options.filter((o) => o.correct).map((o) => o.text.length);
		const wrong = q.options.filter((o) => !o.correct).map((o) => o.text.length);
		const shortestRight = Math.min(...right);
		const longestWrong = Math.max(...wrong);
		if (
			shortestRight >= LENGTH_RATIO * longestWrong &&
			shortestRight - longestWrong >= LENGTH_MARGIN
		)
			errors.push({
				...locate.question(q.id, 'options'),
				message: `question "${q.id}": the right option${right.length > 1 ? 's are' : ' is'} much longer than every wrong one (${shortestRight} characters against at most ${longestWrong}): length gives the answer away. Write wrong options as detailed as the right one, or shorten it`
			});
	}
	return errors;
}

/** The answer a question asks for, as one text, for the types that have one (others return null). */
export function answerOf(q: Question): string | null {
	switch (q.type) {
		case 'single':
			return normaliseAnswerText(q.options.find((o) => o.correct)!.text);
		case 'short_text':
			return normaliseAnswerText(q.accepted[0]);
		case 'numeric':
			// 6 leaders and 6 months are different answers; 2,400 soldiers and 2,400 troops are the same one.
			return `${q.answer} ${normaliseAnswerText(q.unit)
				.replace(/s$/u, '')
				.replace(/^(soldier|special force)$/u, 'troop')}`;
		default:
			return null;
	}
}

/** How many questions of the bank may share one answer: a quiz that asks "Niger" five times teaches little. */
export const MAX_QUESTIONS_PER_ANSWER = 2;

/** Duplicate keys: an answer (single choice, short text or number) may be the key of at most two questions. */
export function duplicateKeyErrors(bank: Bank, locate: Locate): BankError[] {
	const byAnswer = new Map<string, string[]>();
	for (const q of bank.questions) {
		const answer = answerOf(q);
		if (answer !== null) byAnswer.set(answer, [...(byAnswer.get(answer) ?? []), q.id]);
	}
	const errors: BankError[] = [];
	for (const [answer, ids] of byAnswer) {
		if (ids.length <= MAX_QUESTIONS_PER_ANSWER) continue;
		for (const id of ids)
			errors.push({
				...locate.question(id, 'id'),
				message: `question "${id}": its answer "${answer}" is the answer of ${ids.length} questions (${ids.join(', ')}); at most ${MAX_QUESTIONS_PER_ANSWER} may share an answer. Ask about something else, or retire one`
			});
	}
	return errors;
}

/**
 * One fact, one id: a passage of an article belongs to one fact. Two facts whose quotes share words (the same
 * sentence quoted twice, or one quote inside a longer one) split the generator's "one question per fact" spread
 * and the learner's memory of that passage over two review cards. Each fact that overlaps earlier ones is
 * reported at its quote, naming the file and line of each earlier quote it overlaps.
 */
export function overlappingQuoteErrors(bank: Bank, locate: Locate): BankError[] {
	const byArticle = new Map<string, Fact[]>();
	for (const f of bank.facts) byArticle.set(f.article, [...(byArticle.get(f.article) ?? []), f]);
	const text = new Map(bank.articles.map((a) => [a.slug, a.text]));
	const errors: BankError[] = [];
	for (const facts of byArticle.values()) {
		facts.forEach((f, i) => {
			const earlier = facts
				.slice(0, i)
				.filter((e) => e.span.start < f.span.end && f.span.start < e.span.end);
			if (!earlier.length) return;
			const where = (e: Fact) => {
				const at = locate.fact(e.id, 'quote');
				return `fact "${e.id}" (${at.file}:${at.line})`;
			};
			const [first] = earlier;
			if (
				earlier.length === 1 &&
				f.span.start === first.span.start &&
				f.span.end === first.span.end
			) {
				errors.push({
					...locate.fact(f.id, 'quote'),
					message: `fact "${f.id}": quotes the same words as ${where(first)}; one fact, one id: cite "${first.id}" instead and delete this one`
				});
				return;
			}
			// A quote as long as a sentence may take in the words of several facts: each is named.
			const shared = (e: Fact) =>
				(text.get(f.article) ?? '')
					.slice(Math.max(f.span.start, e.span.start), Math.min(f.span.end, e.span.end))
					.replace(/\s+/gu, ' ');
			errors.push({
				...locate.fact(f.id, 'quote'),
				message: `fact "${f.id}": quotes the same words as ${earlier.map((e) => `${where(e)} in part ("${shortened(shared(e))}")`).join(' and as ')}; one fact, one id: a passage belongs to one fact. Cite ${earlier.map((e) => `"${e.id}"`).join(' and ')} (a question may cite several facts), or quote words that do not overlap`
			});
		});
	}
	return errors;
}

function shortened(text: string, max = 60): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A figure the article gives as approximate: "about 1,000", "some 2,400", "around 900". */
export const ROUNDED =
	/\b(about|some|around|roughly|approximately|nearly|almost|more than|over|up to)\s+\d/iu;

/** Tolerance: a numeric question resting on a rounded figure must accept answers near it. */
export function roundedFigureErrors(bank: Bank, locate: Locate): BankError[] {
	const factById = new Map(bank.facts.map((f) => [f.id, f]));
	const errors: BankError[] = [];
	for (const q of bank.questions) {
		if (q.type !== 'numeric' || q.tolerance > 0 || q.unit === 'year') continue;
		const rounded = q.facts
			.map((id) => factById.get(id)?.quote.match(ROUNDED))
			.find((m) => m !== null && m !== undefined);
		if (rounded)
			errors.push({
				...locate.question(q.id, 'tolerance'),
				message: `question "${q.id}": tolerance 0, but the figure it rests on is rounded ("${rounded[0]}…"): give a tolerance (about 5% of the answer) so a fair "about" is not marked wrong`
			});
	}
	return errors;
}

/** Words that point at a source without naming it. */
const UNNAMED_SOURCE =
	/\b(the|this)( (?!articles\b|reports\b)[\w-]+){0,3}? (article|report)\b(?!s)/iu;

/** Days and spans that only a report's own date fixes ("on Friday", "last month"). */
const RELATIVE_TIME =
	/\b(?:(?:on|last|this|next) )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\byesterday\b|\b(?:last|this|next) (?:week|month|year)\b/u;

/**
 * Context: a quiz mixes articles, and the quiz page shows the prompt alone. A prompt that points at "the article"
 * or "the report", or at a day only the report's date fixes ("on Friday"), must name the report, with the name
 * the article is cited by in articles.yaml (`cited_as`).
 */
export function unnamedSourceErrors(bank: Bank, locate: Locate): BankError[] {
	const articleOf = new Map(bank.facts.map((f) => [f.id, f.article]));
	const bySlug = new Map(bank.articles.map((a) => [a.slug, a]));
	const errors: BankError[] = [];
	for (const q of bank.questions) {
		const pointer = q.prompt.match(UNNAMED_SOURCE);
		const relative = pointer ? null : q.prompt.match(RELATIVE_TIME);
		if (!pointer && !relative) continue;
		const articles = [...new Set(q.facts.map((f) => articleOf.get(f)))]
			.map((slug) => bySlug.get(slug ?? ''))
			.filter((a): a is Article => a !== undefined);
		const prompt = q.prompt.toLowerCase();
		if (articles.some((a) => a.citedAs && prompt.includes(a.citedAs.toLowerCase()))) continue;
		const names = articles.map((a) =>
			a.citedAs ? `"${a.citedAs}"` : `(no cited_as for ${a.slug})`
		);
		errors.push({
			...locate.question(q.id, 'prompt'),
			message: pointer
				? `question "${q.id}": the prompt says "${pointer[0]}" without naming it, and a quiz mixes articles: name the source as ${names.join(' or ')}`
				: `question "${q.id}": the prompt says "${relative![0]}", a day only its report's date fixes, without naming it; a quiz mixes articles: name the source as ${names.join(' or ')}`
		});
	}
	return errors;
}

/**
 * The part of a date that a quote does not state, or null when it states it all: the year as digits, the month
 * by name, the day as a number beside that month.
 */
export function unstatedDatePart(quote: string, date: string): string | null {
	const [year, month, day] = date.split('-');
	if (!new RegExp(`\\b${year}\\b`, 'u').test(quote)) return `the year ${year}`;
	if (month && !new RegExp(`\\b${MONTH_NAMES[Number(month) - 1]}\\b`, 'iu').test(quote))
		return `the month ${MONTH_NAMES[Number(month) - 1]}`;
	if (day && !new RegExp(`\\b0?${Number(day)}\\b`, 'u').test(quote))
		return `the day ${Number(day)}`;
	return null;
}

/**
 * Facts-only dates: a date the article's text does not state (taken from our metadata: "in February" read as
 * February 2022 because the report is dated 2022) may not decide a key. So a fact's date value must be stated by
 * its quote, and a question asking for a year must cite a quote that states it.
 */
export function unstatedDateErrors(bank: Bank, locate: Locate): BankError[] {
	const errors: BankError[] = [];
	for (const f of bank.facts) {
		if (f.value?.kind !== 'date') continue;
		const missing = unstatedDatePart(f.quote, f.value.date);
		if (missing)
			errors.push({
				...locate.fact(f.id, 'value'),
				message: `fact "${f.id}": its date ${f.value.date} is not stated by its quote (${missing} is not in it): a date taken from our metadata may not decide a key. Quote the words that state it, or drop the value`
			});
	}
	const factById = new Map(bank.facts.map((f) => [f.id, f]));
	for (const q of bank.questions) {
		if (q.type !== 'numeric' || q.unit !== 'year') continue;
		const stated = q.facts.some((id) => {
			const quote = factById.get(id)?.quote ?? '';
			return new RegExp(`\\b${q.answer}\\b`, 'u').test(quote);
		});
		if (!stated)
			errors.push({
				...locate.question(q.id, 'answer'),
				message: `question "${q.id}": asks for the year ${q.answer}, which none of its facts' quotes states: cite the words that state it`
			});
	}
	return errors;
}

/** Every rule of this module. */
export function qualityErrors(bank: Bank, locate: Locate): BankError[] {
	return [
		...keyPositionErrors(bank, locate),
		...optionLengthErrors(bank, locate),
		...duplicateKeyErrors(bank, locate),
		...overlappingQuoteErrors(bank, locate),
		...roundedFigureErrors(bank, locate),
		...unnamedSourceErrors(bank, locate),
		...unstatedDateErrors(bank, locate)
	];
}
