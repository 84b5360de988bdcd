// Dated events of the bank: which facts state a date (typed by their author, or a year, month or weekday
// their quote names, read against their article's date), and a short label for the event in our words.
// Cross-article timeline questions are built from these. Pure.
import { findQuote, normaliseAnswerText } from '../text/normalise.ts';
import { findMentions, type Gazetteer } from './extract.ts';
import type { BankFactForDrafting, DraftingBank } from './types.ts';

/** A dated event: its label (our words, no date in it), its date (YYYY, YYYY-MM or YYYY-MM-DD) and what it rests on. */
export type DatedEvent = {
	label: string;
	date: string;
	article: string;
	/** The bank fact that dates it (absent for an event of the article being drafted). */
	factId?: string;
	/** That fact and the undated facts of the same sentence its authors cited for the same item ("under Operation Serval"). */
	factIds: string[];
	/** The words that state the event and its date. */
	quote: string;
	/** A deadline or the end of a period ("until 2025", "by June"): ordered, never counted from. */
	deadline: boolean;
};

const DATE_WORDS =
	/\b(19|20)\d{2}\b|\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b|\(\s*[^)]*\)/iu;
const DEADLINE = /\b(deadline|due|end of|until|by when)\b/iu;

/**
 * The one date a fact states: its typed date, or the single date its quote names (read against its article's date:
 * a weekday, "today", "last month").
 */
export function dateOfFact(
	f: BankFactForDrafting,
	articleDate: string | undefined,
	gazetteer: Gazetteer
): string | null {
	if (f.value?.kind === 'date') return f.value.date;
	if (!articleDate) return null;
	// Asked of every bank fact, and again for each pair of events a timeline weighs: read each quote once.
	let known = quoteDates.get(gazetteer);
	if (!known) quoteDates.set(gazetteer, (known = new Map()));
	const key = `${articleDate}\n${f.quote}`;
	if (!known.has(key)) known.set(key, dateOfQuote(f.quote, articleDate, gazetteer));
	return known.get(key)!;
}

const quoteDates = new WeakMap<Gazetteer, Map<string, string | null>>();

function dateOfQuote(quote: string, articleDate: string, gazetteer: Gazetteer): string | null {
	const mentions = findMentions(
		{ text: quote, start: 0, end: quote.length, line: 1 },
		articleDate,
		gazetteer
	).filter((m) => m.value.kind === 'date');
	const dates = [...new Set(mentions.map((m) => (m.value.kind === 'date' ? m.value.date : '')))];
	// "announced today": the report's own day.
	if (!dates.length && /\btoday\b/iu.test(quote)) return articleDate;
	// "officials told reporters last month": the month before the report's.
	if (!dates.length && /\blast month\b/iu.test(quote)) {
		const [y, m] = articleDate.split('-').map(Number);
		return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
	}
	return dates.length === 1 ? dates[0] : null;
}

const STOP = new Set([
	'the',
	'a',
	'an',
	'of',
	'in',
	'on',
	'to',
	'and',
	'its',
	'his',
	'their',
	'that',
	'with',
	'for',
	'from',
	'into',
	'at',
	'by',
	'is',
	'are',
	'was',
	'were',
	'it',
	'they',
	'he',
	'be',
	'will',
	'would',
	'has',
	'had',
	'have',
	'says',
	'said',
	'say'
]);
/** The content words of a text, cut to their first five letters ("intervenes", "intervened" → "inter"). */
function stems(text: string): Set<string> {
	return new Set(
		normaliseAnswerText(text)
			.split(' ')
			.filter((w) => w.length > 2 && !STOP.has(w))
			.map((w) => w.slice(0, 5))
	);
}

/**
 * Labels the bank's authors gave dated events: in an ordering question whose dated facts give one date per
 * item, the facts grouped by date take the items' words in the order of their dates. A label
 * that names a date itself ("… (2013)", "on Monday") would give the order away and is left out.
 */
export function authoredLabels(
	bank: DraftingBank,
	dates: Map<string, string>
): Map<string, { label: string; support: string[] }> {
	const labels = new Map<string, { label: string; support: string[] }>();
	const factById = new Map(bank.facts.map((f) => [f.id, f]));
	const texts = new Map(bank.articles.map((a) => [a.slug, a.text]));
	// An undated fact cited by the same question in the same sentence of the same article supports the item.
	const sameSentence = (a: string, b: string) => {
		const fa = factById.get(a);
		const fb = factById.get(b);
		const text = fa && fb && fa.article === fb.article ? texts.get(fa.article) : undefined;
		const sa = text ? findQuote(text, fa!.quote) : null;
		const sb = text ? findQuote(text, fb!.quote) : null;
		if (!text || !sa || !sb) return false;
		const between = text.slice(Math.min(sa.end, sb.end), Math.max(sa.start, sb.start));
		return !/[.!?]["”]?\s/u.test(between) && !between.includes('\n');
	};
	/**
	 * An ordering with undated items: each item takes the dated fact whose quote shares the most content words
	 * with it (three or more, and more than any other fact), and the mapping stands only if the items' order
	 * (the authors' earliest first) agrees with the dates so found.
	 */
	const byWords = (items: string[], dated: { id: string; date: string }[], undated: string[]) => {
		const matched: { index: number; fact: { id: string; date: string }; text: string }[] = [];
		items.forEach((raw, index) => {
			const text = raw.replace(/\s*\([^)]*\)\s*$/u, '').trim();
			const mine = stems(text);
			const scored = dated
				.map((d) => ({
					d,
					n: [...stems(factById.get(d.id)!.quote)].filter((w) => mine.has(w)).length
				}))
				.sort((a, b) => b.n - a.n);
			if (scored.length && scored[0].n >= 3 && (scored.length === 1 || scored[1].n < scored[0].n))
				matched.push({ index, fact: scored[0].d, text });
		});
		for (let i = 1; i < matched.length; i++)
			if (
				!(matched[i - 1].fact.date < matched[i].fact.date) ||
				datesOverlap(matched[i - 1].fact.date, matched[i].fact.date)
			)
				return;
		for (const m of matched) {
			if (DATE_WORDS.test(m.text) || labels.has(m.fact.id)) continue;
			labels.set(m.fact.id, {
				label: m.text,
				support: undated.filter((u) => sameSentence(m.fact.id, u))
			});
		}
	};
	for (const q of bank.questions) {
		if (!q.items?.length) continue;
		// Facts without a date support an item (who, where) without dating it; the dated ones must give one date per item.
		const dated = q.facts.map((id) => ({ id, date: dates.get(id) })).filter((d) => d.date);
		const undated = q.facts.filter((id) => !dates.has(id));
		const distinct = [...new Set(dated.map((d) => d.date!))].sort();
		if (distinct.length !== q.items.length) {
			byWords(
				q.items.map((item) => (typeof item === 'string' ? item : item.text)),
				dated as { id: string; date: string }[],
				undated
			);
			continue;
		}
		// Two dates of which one contains the other ("2022-02" and "2022-02-16") cannot be told apart.
		if (distinct.some((a, i) => distinct.some((b, j) => i !== j && b.startsWith(a)))) {
			byWords(
				q.items.map((item) => (typeof item === 'string' ? item : item.text)),
				dated as { id: string; date: string }[],
				undated
			);
			continue;
		}
		distinct.forEach((date, i) => {
			const item = q.items![i];
			// "… (2013)", "… (Monday of the summit)": the bracket gives the date, the label is what stands before it.
			const text = (typeof item === 'string' ? item : item.text)
				.replace(/\s*\([^)]*\)\s*$/u, '')
				.trim();
			if (DATE_WORDS.test(text)) return;
			for (const d of dated)
				if (d.date === date && !labels.has(d.id))
					labels.set(d.id, { label: text, support: undated.filter((u) => sameSentence(d.id, u)) });
		});
	}
	return labels;
}

/**
 * Every dated, labelled event of the bank's articles (the one being drafted included), with the fact it rests on:
 * labelled by an ordering question's item, or by the fact's `event:` label.
 */
export function bankEvents(bank: DraftingBank, gazetteer: Gazetteer): DatedEvent[] {
	const articleDates = new Map(bank.articles.map((a) => [a.slug, a.eventDate]));
	const texts = new Map(bank.articles.map((a) => [a.slug, a.text]));
	const dates = new Map<string, string>();
	for (const f of bank.facts) {
		const d = dateOfFact(f, articleDates.get(f.article), gazetteer);
		if (d) dates.set(f.id, d);
	}
	const labels = authoredLabels(bank, dates);
	const events: DatedEvent[] = [];
	for (const f of bank.facts) {
		// The words of an ordering's item first (as before), else the fact's own event label (`event:` in the bank).
		const authored =
			labels.get(f.id) ??
			(f.event && !DATE_WORDS.test(f.event) ? { label: f.event, support: [] } : undefined);
		const date = dates.get(f.id);
		const text = texts.get(f.article);
		if (!authored || !date || !text || !findQuote(text, f.quote)) continue;
		const label = authored.label;
		events.push({
			label,
			date,
			article: f.article,
			factId: f.id,
			factIds: [f.id, ...authored.support],
			quote: f.quote,
			deadline: DEADLINE.test(label)
		});
	}
	return events;
}

const datesOverlap = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/** Whether two dates cannot be put in order from what they say: the same day, or one within the other. */
export function datesClash(a: string, b: string): boolean {
	return a.startsWith(b) || b.startsWith(a);
}

/** The names a label carries ("Barkhane", "Bazoum"): two labels sharing one often give their order away. */
export function namesOf(label: string): string[] {
	const words = label.split(/\s+/u).slice(1);
	return words
		.filter(
			(w) =>
				/^\p{Lu}/u.test(w) &&
				!/^(France|French|Mali|Malian|The|A|An|African|European|Western|UN|EU|Sahel|G5|Paris|Niger|West)$/u.test(
					w.replace(/['’]s$|[^\p{L}'’]/gu, '')
				)
		)
		.map((w) => normaliseAnswerText(w.replace(/['’]s$/u, '')));
}
