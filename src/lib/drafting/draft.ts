// Drafting questions from a new article: each draft asks about one typed value the article states
// (a number with its unit, a date, a person, a place, an organisation or an operation), rests on the
// sentence that states it (found verbatim with findQuote), and offers wrong options taken from the same
// kind of value elsewhere in the bank, never one that is the key in another spelling. The prompt turns the
// sentence into a question ("Some 2,400 soldiers are…" → "How many soldiers are…?"); the teacher reviews
// every draft before it is used. Pure: article and bank in, drafts out.
import nlp from 'compromise';
import { keyLeads, ROUNDED } from '../bank/quality.ts';
import type { FactValue } from '../bank/types.ts';
import { findQuote, normaliseAnswerText } from '../text/normalise.ts';
import {
	bracketAbbreviations,
	findMentions,
	gazetteerOf,
	placeLabel,
	ROLE_BEFORE_NAME,
	speaksOfFuture,
	splitSentences,
	TITLE_WORDS,
	WEEKDAYS,
	type Gazetteer
} from './extract.ts';
import { organisationSort, sortsAlike, type OrganisationSort } from './org-kinds.ts';
import {
	officeFollows,
	officeIn,
	partsAround,
	roleBefore,
	sameRole,
	type RoleBefore
} from './roles.ts';
import { bankEvents, dateOfFact, datesClash, namesOf, type DatedEvent } from './events.ts';
import type { DraftArticle, Draft, DraftingBank, Mention, Sentence } from './types.ts';
import { formatAmount, formatDate, sameValue, unitClass, valueText } from './values.ts';
import { draftType, keepVaried, type DraftType } from './variety.ts';
import { namesItsPeople } from './demonyms.ts';
import { bothDivisions, gapGender, gendersOf, type Gender } from './gender.ts';
import { offStage } from './off-stage.ts';
import {
	CHAIN_REACH,
	chainAntecedent,
	firstPronoun,
	maskQuotes,
	type ChainSentence
} from './pronoun-chain.ts';
import { continentOf, continentsNamed } from './continents.ts';
import { isState, regionAfter } from './regions.ts';
import { otherGivenForms } from './given-names.ts';
import { datelineOf } from './page-parts.ts';
import { isContinent, sortNounBefore, writtenWithNoun } from './sort-nouns.ts';
import { MONTH_NAMES } from '../time/months.ts';
import { escapeRegExp as escape } from '../text/regexp.ts';

const OPTIONS_PER_QUESTION = 4;

type Candidate = { value: FactValue; label: string; factId?: string; article: string };

/** Everything drafting needs, worked out once per article. */
type Context = {
	article: DraftArticle;
	bank: DraftingBank;
	gazetteer: Gazetteer;
	/** Typed values of the bank: its facts, and the values recognised in its other articles. */
	pool: Candidate[];
	/** Places the bank names as a city somewhere: never offered as a region. */
	cities: Set<string>;
	/** The typed values the article states, sentence by sentence (wrong options come from these first). */
	mentions: Mention[];
	/** How often the article names each name (normalised): three times or more, it is what the story is about. */
	nameCounts: Map<string, number>;
	/** Whether the article is on the bank's subject: it names two or more of the bank's known names. */
	related: boolean;
	/** The sort of body each organisation is (a bloc, a lender, an armed group…), by article and name: worked out once. */
	sorts: Map<string, OrganisationSort | null>;
};

/** The sort of body an organisation of `article` (this one or a report of the bank) is. */
function sortOf(ctx: Context, name: string, article: string): OrganisationSort | null {
	const key = `${article}\u0000${name}`;
	if (!ctx.sorts.has(key)) {
		const text =
			article === ctx.article.slug
				? ctx.article.text
				: (ctx.bank.articles.find((a) => a.slug === article)?.text ?? '');
		ctx.sorts.set(key, organisationSort(name, text));
	}
	return ctx.sorts.get(key)!;
}

/** "made by _____", "developed by _____": the gap is a maker's, and a maker is a company. */
const MAKER_BEFORE =
	/\b(?:made|developed|produced|manufactured|built|designed|supplied)\s+by\s+(?:the\s+)?$|\bmakers?\s+$/iu;
/** "the coast guard's _____ Dash-8", "a _____ 747": a name right before a model's is its maker's. */
const MODEL_AFTER = /^\s+(?:\p{Lu}[\p{L}]*-?\d[\p{L}\d-]*|\d{3}(?:-\d+)?)(?![\p{L}\d])/u;

/** Nouns the report writes after a place's name that give it a sort ("the Eyjafjallajokull volcano"). */
const PLACE_SORT_NOUNS = [
	'airport',
	'peninsula',
	'volcano',
	'island',
	'river',
	'lake',
	'sea',
	'spa',
	'prefecture',
	'province',
	'state',
	'region',
	'county',
	'district'
];
/** A place whose name says it is a natural feature: "Atacama Desert", "Lake Chad", "the Red Sea". */
const FEATURE_NAME =
	/\b(?:Desert|Crater|Volcano|Valley|Canyon|Glacier|Mountains?|Lake|River|Sea|Ocean|Gulf|Bay|Strait|Peninsula)\b/u;
/** Social networks and news outlets: where words appeared ("wrote on _____", "told _____ radio") is not worth asking. */
const OUTLETS =
	/^(?:Twitter|X|Facebook|Instagram|TikTok|YouTube|Truth Social|Telegram|WhatsApp|Weibo|LinkedIn|Threads|BBC|CNN|Fox News|Al Jazeera|Reuters|AP|AFP|NPR|Sky News|France 24|RFI)$/u;
/** Seats of government a reader names without the report: "spoke from the _____" is no typed question. */
const GUESSABLE_PLACES =
	/^(?:the\s+)?(?:White House|Kremlin|Downing Street|Elysee|Élysée|Elysee Palace|Élysée Palace|Oval Office|Capitol|Pentagon)$/u;

/** A figure converted in brackets after a number and its unit: " km (293 million miles)", " ($3.23 billion)". */
const CONVERSION_AFTER =
	/^([^()]{0,40}?)\s*\((?:about\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?(?:[$€£]\s?)?\d[\d.,]*[^()]{0,40}\)/u;
/** The words before a number that is itself such a conversion: "45 km (", "1,025 kg (about ". */
const CONVERTED_BEFORE =
	/\d[\d.,]*(?:\s+(?:million|billion|thousand))?\s*[\p{L}°%$€£/.]*\s*\(\s*(?:about\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?(?:[$€£]\s?)?$/u;
/** Natural features the report writes after a name ("Gale crater", "the Nile river"). */
const FEATURE_NOUNS = [
	'crater',
	'volcano',
	'river',
	'lake',
	'mountain',
	'mountains',
	'desert',
	'valley',
	'canyon',
	'glacier'
];
/** "_____ airport", "_____ prefecture", "_____ crater": the noun after a place's gap says what sort of place it is. */
const PLACE_NOUN_AFTER = new RegExp(
	`^\\s+(${['airport', 'prefecture', 'province', 'state', 'region', 'county', 'district', 'island', 'peninsula', ...FEATURE_NOUNS].join('|')})(?![\\p{L}])`,
	'iu'
);
/** The days before the report's date that are still its news ("late on Thursday" in Friday's report). */
const PRESENT_DAYS = 2;
/** "the island of _____", "the _____ coast": a sort written before the gap, or a coast after it. */
const PLACE_NOUN_BEFORE = /\b(island|prefecture|province|state|region|county|district)\s+of\s+$/iu;
const COAST_AFTER = /^\s+coast(?![\p{L}])/iu;
/** Names of the sorts a noun after the gap rules out: a sea is no prefecture, a peninsula no airport. */
const OTHER_PLACE_SORT =
	/\b(?:Sea|Ocean|Peninsula|Gulf|Bay|Strait|Channel|River|Lake|Mountains|Airport|Coast)\b/u;
/** "worked at _____ in Philadelphia": a workplace in a city. */
const WORKPLACE_BEFORE = /\b(?:at|for|joined)\s+(?:the\s+)?$/iu;
const IN_CITY_AFTER = /^\s+in\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/u;

/** Whether the report places body `name` in `city`: "X in Philadelphia", "Philadelphia's X", "X, Philadelphia". */
function placedIn(text: string, name: string, city: string): boolean {
	const [n, c] = [escape(name), escape(city)];
	return (
		new RegExp(
			`(?<![\\p{L}])${n}(?:\\s+in|,)\\s+(?:the\\s+city\\s+of\\s+)?${c}(?![\\p{L}])`,
			'u'
		).test(text) ||
		new RegExp(`(?<![\\p{L}])${c}['’]s\\s+${n}(?![\\p{L}])`, 'u').test(text) ||
		new RegExp(`(?<![\\p{L}])${c}(?![\\p{L}])`, 'u').test(name)
	);
}

/** How far past an option may be from the key, as a ratio: 1,750 kilograms is not asked beside 8 kilograms. */
const MAX_RATIO = 10;

/**
 * Whether a date lies on the side of the report's date that the sentence speaks of: a plan ("hopes to fly by
 * 2025") after the report, an event ("opened up in 2020") before it. Compared at the precision of `date`.
 */
function onSideOf(date: string, report: string, future: boolean): boolean {
	const at = report.slice(0, date.length);
	// A day still to come is after the report's own day; a year or a month to come may be its own.
	return future ? (date.length === 10 ? date > at : date >= at) : date <= at;
}

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

function tidy(s: string): string {
	return s
		.replace(/\s+/gu, ' ')
		.replace(/\s+([,.;:?!])/gu, '$1')
		.replace(/[,;:\s]+\?$/u, '?')
		.trim();
}

const AUXILIARIES =
	/^(will|would|shall|should|can|could|may|might|must|is|are|was|were|has|have|had|does|do|did)$/iu;
/**
 * The sentence as a question about the words [from, to) of it: the wh-phrase takes their place, and moves
 * to the front with its auxiliary ("France deployed troops in 2013" → "In which year did France deploy
 * troops?") when the sentence allows it, else stays where the words stood.
 */
export function askAbout(
	sentence: string,
	from: number,
	to: number,
	wh: string,
	options: { front?: boolean } = {}
): string {
	// Only the clause that holds the asked words: "X did A, but Y did B" asks about A or B, not both.
	const { text: clause, offset } = clauseAround(sentence, from, to);
	let before = clause.slice(0, from - offset);
	let after = clause.slice(to - offset);
	// Opening quotes, "But", "And": not part of the question.
	before = before.replace(/^["“”'‘’\s]+/u, '').replace(/^(But|And|So|Yet)\s+/u, '');
	// What follows the asked words after a comma is usually an aside: drop it to keep the question short.
	after = after.replace(/["“”]/gu, '').replace(/[.!?]+\s*$/u, '');
	const aside = after.search(
		/,\s+(an?|the|but|which|who|making|shortly|bringing|including|it said|the statement said)\b/u
	);
	if (aside >= 0) after = after.slice(0, aside);
	after = after.replace(/,\s+(Trend reports.*|it said|the statement said|he said|she said)$/u, '');
	before = before.replace(/["“”]/gu, '');
	if (before.trim() === '') return tidy(`${capitalise(wh)}${after}?`);
	before = lowerFirstUnlessName(before.trim());
	if (options.front) {
		const words = before.trim().split(/\s+/u);
		const terms = (nlp(before).json() as { terms: { text: string; tags: string[] }[] }[]).flatMap(
			(s) => s.terms
		);
		const verbAt = terms.findIndex(
			(t, i) =>
				i > 0 &&
				t.tags.includes('Verb') &&
				!t.tags.includes('Gerund') &&
				!t.tags.includes('Infinitive')
		);
		// Only "subject verb [a few words] ASKED": with a comma or a long stretch between, the asked words
		// are not the verb's object and fronting them would garble the question.
		const between = verbAt > 0 ? words.slice(verbAt + 1) : [];
		const subjectWords = words.slice(0, Math.max(verbAt, 0));
		const simple =
			between.length <= 3 &&
			!between.join(' ').includes(',') &&
			!subjectWords.join(' ').includes(',');
		if (simple && verbAt > 0 && verbAt < words.length && terms.length === words.length) {
			const subject = lowerFirstUnlessName(subjectWords.join(' '));
			const verb = words[verbAt].replace(/[^\p{L}]/gu, '');
			const rest = between.join(' ');
			if (AUXILIARIES.test(verb))
				return tidy(`${capitalise(wh)} ${verb.toLowerCase()} ${subject} ${rest} ${after}?`);
			if (terms[verbAt].tags.includes('PastTense')) {
				const inf = nlp(verb).verbs().toInfinitive().text();
				if (inf) return tidy(`${capitalise(wh)} did ${subject} ${inf} ${rest} ${after}?`);
			}
		}
	}
	return tidy(`${capitalise(before.trim())} ${wh.charAt(0).toLowerCase()}${wh.slice(1)}${after}?`);
}

const CLAUSE_BOUNDARY =
	/[,.]["”]\s+|,\s+(?:which|who|using|citing|along with)\s+|,\s+(?:but|while|whereas|and)\s+(?=\p{Ll})|;\s+|\s+but\s+(?=\p{Ll})|,\s+adding that\s+|,\s+(?=(?:after|following)\s)|\s+and\s+(?=(?:they|he|she|it|this)\s)|\s+when\s+|[,.!?]["”]?\s+(?=(?:Trend|Macron|Bazoum|he|she|it)\s+(?:said|says|reports|told))/gu;

/** The clause of `sentence` that holds [from, to), and where it starts. */
export function clauseAround(
	sentence: string,
	from: number,
	to: number
): { text: string; offset: number } {
	let start = 0;
	let end = sentence.length;
	for (const m of sentence.matchAll(CLAUSE_BOUNDARY)) {
		const at = m.index;
		if (at + m[0].length <= from) start = at + m[0].length;
		else if (at >= to) {
			end = at;
			break;
		}
	}
	const text = sentence.slice(start, end);
	// A clause of three words or fewer says too little on its own: keep the sentence.
	if (text.trim().split(/\s+/u).length < 5) return { text: sentence, offset: 0 };
	// "they met with him in…": a clause that opens with a pronoun needs the clause that names who.
	if (start > 0 && /^(they|he|she|it|its|their|his|her|this|these)\b/iu.test(text.trim()))
		return { text: sentence, offset: 0 };
	// "…, and instead proposed holding on to power": a clause without its subject.
	const opening = (nlp(text.trim()).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0];
	if (
		start > 0 &&
		opening &&
		(opening.tags.includes('Verb') ||
			opening.tags.includes('Adverb') ||
			/^\p{Ll}+ed\b/u.test(text.trim()))
	)
		return { text: sentence, offset: 0 };
	return { text, offset: start };
}

/** "His decision was…" becomes "his decision" after a wh-word; "France" stays France. */
function lowerFirstUnlessName(text: string): string {
	// Only words that are plainly not names: determiners, pronouns, plurals ("Relations between…").
	const first = (nlp(text).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0];
	const common =
		first &&
		['Determiner', 'Pronoun', 'Possessive', 'Plural', 'Adverb', 'Preposition', 'Conjunction'].some(
			(t) => first.tags.includes(t)
		);
	if (/^(There|It|This|These|That|Those|Some|Many|The|His|Her|Their|Its)\b/u.test(text))
		return text.charAt(0).toLowerCase() + text.slice(1);
	if (!common || first.tags.includes('ProperNoun') || /^I\b/u.test(text)) return text;
	return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The article's words for a sentence, checked against the text as a fact would be. */
function quoteOf(
	article: DraftArticle,
	sentence: Sentence
): { quote: string; span: { start: number; end: number } } | null {
	const quote = article.text.slice(sentence.start, sentence.end).replace(/\s+/gu, ' ');
	const span = findQuote(article.text, quote);
	return span ? { quote, span } : null;
}

type TaggedTerm = { text: string; tags: string[] };

/** The tagger's terms of a text, its sentences run together. */
function taggedTerms(text: string): TaggedTerm[] {
	return (nlp(text).json() as { terms: TaggedTerm[] }[]).flatMap((x) => x.terms);
}

/** A verb in a tense (or a copula, modal or auxiliary): one that can be a clause's main verb. */
const isFiniteVerb = (t: TaggedTerm) =>
	t.tags.includes('Verb') &&
	['PastTense', 'PresentTense', 'Copula', 'Modal', 'Auxiliary'].some((f) => t.tags.includes(f));

// Finite verbs the tagger reads as nouns ("applications rose by a third", "the agency hopes to…").
const FINITE_MISREAD =
	/\b(?:rose|fell|won|lost|hit|set|put|cut|led|met|ran|saw|took|gave|made|came|went|grew|began|beat|left|held|became|sent|spent|kept|paid|flew|drew|wrote|hopes|starts)\b/iu;
// Clauses that add to the main one; their verbs are not its verb.
const ADDED_CLAUSE =
	/,?\s(?:who|which|whose|where)\b[^,]*(?:,|$)|\s(?:before|after|until|because|since|although|if)\s.*$/giu;

/**
 * Whether shown words hold a main verb: not a subject with its relative clause alone ("Sunak, 44, who had led the
 * country since October 2022…"), a fronted phrase ("Unlike the Kyoto Protocol of 1997…") or a list of names and
 * years ("…after Santana in 1966 and Nadal…"), which state nothing a reader can answer from.
 */
function showsMainVerb(text: string): boolean {
	const bare = text.replace(/^…/u, '').replace(ADDED_CLAUSE, ',');
	if (FINITE_MISREAD.test(bare)) return true;
	const terms = taggedTerms(bare);
	// "troops remain" is tagged an infinitive too; "to remain" is one.
	return terms.some(
		(t, i) =>
			isFiniteVerb(t) &&
			!t.tags.includes('Gerund') &&
			!(t.tags.includes('Infinitive') && /^to$/iu.test(terms[i - 1]?.text ?? '')) &&
			!/ing$/iu.test(t.text)
	);
}

// A relative pronoun right before a clause: the clause's subject ("which starts in…") or object ("which the agency
// hopes to make…") is the noun before it.
const RELATIVE_BEFORE = /,\s+(?:which|who|whom)\s+$/u;
// Where the noun a relative pronoun stands for may start: a determiner ("a second lifeboat station for the north
// shore", "the U.S. Open"), else a run of capitalised words ending the text ("Kiel").
const DETERMINER = /(?<![\p{L}])(?:the|a|an|its|their|his|her|our|this|these|those)\s/giu;
const NAME_AT_END = /(?<![\p{L}])(?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}[\p{L}.'’-]*$/u;

/** Whether words hold a finite verb that is not a modifier before a noun ("went to", not "a first crewed flight"). */
function holdsVerb(words: string): boolean {
	const terms = taggedTerms(words);
	return terms.some((t, i) => isFiniteVerb(t) && !terms[i + 1]?.tags.includes('Noun'));
}

/**
 * Where the noun that the relative pronoun ending `before` stands for starts: the first determiner after the last
 * comma whose words to the pronoun hold no verb of their own ("The second set went to a tiebreak, which…" starts
 * at "a tiebreak"), at most ten words; -1 when none is found.
 */
function antecedentStart(before: string): number {
	const comma = before.search(RELATIVE_BEFORE);
	if (comma < 0) return -1;
	const head = before.slice(0, comma);
	const from = head.search(/[,;:"“”][^,;:"“”]*$/u) + 1;
	for (const d of head.slice(from).matchAll(DETERMINER)) {
		const noun = head.slice(from + d.index);
		if (noun.split(/\s+/u).length > 10) continue;
		if (!holdsVerb(noun)) return from + d.index;
	}
	const name = NAME_AT_END.exec(head);
	return name && name.index >= from ? name.index : -1;
}

/** The clause that states the value, when it says enough on its own (six words or more). */
function quoteOfClause(
	article: DraftArticle,
	m: Mention
): { quote: string; span: { start: number; end: number } } | null {
	const from = m.start - m.sentence.start;
	const around = clauseAround(m.sentence.text, from, m.end - m.sentence.start);
	let { text, offset } = around;
	let trimmed = text.replace(/^["“”\s]+/u, '').replace(/[\s,;:"“”]+$/u, '');
	if (trimmed.split(/\s+/u).length < 6) return null;
	// "…opened up to companies in 2020 and which it hopes…": a relative clause cut from its pronoun reads broken.
	if (/\b(?:and|or|but) (?:which|who|whom)\b/u.test(trimmed)) return null;
	if (!showsMainVerb(trimmed)) return null;
	// "…_____ hit a forehand into the net.": a clause cut after "when" tells when the main clause happened; alone it
	// says nothing of which match or moment.
	// A "when" clause that names its own place or time ("…when Australia beat South Africa by three wickets in
	// Kolkata") says which event it tells.
	if (offset > 0 && /\swhen\s+$/u.test(m.sentence.text.slice(0, offset))) {
		const rest =
			m.sentence.text.slice(offset, from) + m.sentence.text.slice(m.end - m.sentence.start);
		if (!/\b(?:in|at|on)\s+(?:\p{Lu}|\d)|\b(?:19|20)\d{2}\b/u.test(rest)) return null;
	}
	// "…the agency hopes to make by _____" (make what?), "…starts in New York on _____" (what starts?): a clause
	// cut right after "which"/"who" is shown from the noun the pronoun stands for, or not at all.
	const before = m.sentence.text.slice(0, offset);
	if (offset > 0 && RELATIVE_BEFORE.test(before)) {
		const from = antecedentStart(before);
		if (from < 0) return null;
		text = m.sentence.text.slice(from, offset + text.length);
		offset = from;
		trimmed = text.replace(/^["“”\s]+/u, '').replace(/[\s,;:"“”]+$/u, '');
	}
	const start = m.sentence.start + offset + text.indexOf(trimmed);
	if (start > m.start || start + trimmed.length < m.end) return null;
	const quote = trimmed.replace(/\s+/gu, ' ');
	const span = findQuote(article.text.slice(0, start + trimmed.length + 1), quote);
	return span && span.start <= m.start && span.end >= m.end ? { quote, span } : null;
}

const TIME_UNIT_END =
	/\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)$/iu;

// Where a long sentence may be cut after the words that hold a value: a comma, or a clause that adds to it.
const HEAD_END = /,\s|;\s|\s(?:after|when|while|with|which|as)\s/gu;

/**
 * A long sentence with no clause of its own around the value, shown from its start (its subject) to the first
 * comma or added clause after the value, ended with "…" by the gap-fill: "Jonas… won the Tour… on Sunday,
 * finishing the race _____ minutes 29 seconds ahead of Tadej Pogacar…". Null when nothing would be cut off or
 * the head is too short.
 */
function headOf(
	article: DraftArticle,
	m: Mention
): { quote: string; span: { start: number; end: number } } | null {
	const text = m.sentence.text;
	const from = m.end - m.sentence.start;
	// The first cut after the value that leaves the main verb in ("The airliner, flying from… near _____…" runs on
	// to "…, touched down on runway C…"), the head at most 40 words long.
	for (const b of text.matchAll(HEAD_END)) {
		if (b.index < from) continue;
		// Never ending on a word that leads into what is cut ("…in 2020 and…", "…eight years in…").
		const trimmed = text
			.slice(0, b.index)
			.replace(/^["“”\s]+/u, '')
			.replace(/[\s,;:"“”]+$/u, '')
			.replace(/(?:\s+(?:and|or|but|in|of|the|a|an|to|for|on|at|by|from|into|than))+$/iu, '');
		const words = trimmed.split(/\s+/u).length;
		if (words > 40 || /["“”]/u.test(trimmed)) return null;
		if (words < 8 || !showsMainVerb(trimmed)) continue;
		// "…on Friday, two days…", "…ending eight years…": a length of time cut from what it runs from or measures.
		if (
			TIME_UNIT_END.test(trimmed) &&
			m.end - m.sentence.start >= text.indexOf(trimmed) + trimmed.length - 12
		)
			return null;
		const start = m.sentence.start + text.indexOf(trimmed);
		const quote = trimmed.replace(/\s+/gu, ' ');
		const span = findQuote(article.text.slice(0, start + trimmed.length + 1), quote);
		return span && span.start <= m.start && span.end >= m.end ? { quote, span } : null;
	}
	return null;
}

/** The report's date and title in words, for explanations. */
function sourceOf(article: DraftArticle): string {
	const by = article.publisher ? `${article.publisher}, ` : '';
	return `the report “${article.title}” (${by}${formatDate(article.eventDate)})`;
}

/** Typed values of the bank: its facts, and the names and numbers recognised in each of its articles. */
function buildPool(bank: DraftingBank, gazetteer: Gazetteer): BankPool {
	const facts: Candidate[] = bank.facts
		.filter((f) => f.value)
		.map((f) => {
			const v = f.value!;
			const label =
				v.kind !== 'place'
					? labelOf(v)
					: new RegExp(`(capital|town|city)[\\s,]*(of\\s+)?${escape(v.name)}`, 'iu').test(f.quote)
						? 'city'
						: placeLabel(v.name);
			return { value: v, label, factId: f.id, article: f.article };
		});
	const mentions: Candidate[] = [];
	for (const a of bank.articles) {
		for (const s of splitSentences(a.text, a.furniture)) {
			for (const m of findMentions(s, a.eventDate, gazetteer)) {
				if ('name' in m.value && /[()[\]"“”]/u.test(m.value.name)) continue;
				mentions.push({ value: m.value, label: m.label, article: a.slug });
			}
		}
	}
	return { facts, mentions, bySkippedArticle: new Map() };
}

type BankPool = {
	facts: Candidate[];
	mentions: Candidate[];
	/** The pool without the mentions of one article (the one being drafted), made once per article. */
	bySkippedArticle: Map<string, Candidate[]>;
};

// Recognising the values of the bank's articles is most of a draft's work (about half a second), and the
// bank changes rarely: the pool is kept per bank content, whatever article is drafted (each teacher's
// article has a slug of its own). It holds only the bank's own values, the same for every teacher.
const poolCache = new Map<string, BankPool>();
const POOL_CACHE_SIZE = 4;
const SKIPPED_PER_POOL = 16;

/** The bank's facts, then the values its other articles name: `skipArticle`'s own are left out. */
function poolFor(bank: DraftingBank, gazetteer: Gazetteer, skipArticle: string): Candidate[] {
	const key = JSON.stringify([
		bank.articles.map((a) => [a.slug, a.eventDate, a.text.length, a.furniture]),
		bank.facts.map((f) => [f.id, f.article, f.quote, f.value])
	]);
	let pool = poolCache.get(key);
	if (!pool) {
		pool = buildPool(bank, gazetteer);
		if (poolCache.size >= POOL_CACHE_SIZE) poolCache.delete(poolCache.keys().next().value!);
		poolCache.set(key, pool);
	}
	if (!bank.articles.some((a) => a.slug === skipArticle)) return [...pool.facts, ...pool.mentions];
	let skipped = pool.bySkippedArticle.get(skipArticle);
	if (!skipped) {
		skipped = [...pool.facts, ...pool.mentions.filter((c) => c.article !== skipArticle)];
		if (pool.bySkippedArticle.size >= SKIPPED_PER_POOL) pool.bySkippedArticle.clear();
		pool.bySkippedArticle.set(skipArticle, skipped);
	}
	return skipped;
}

function labelOf(v: FactValue): string {
	if (v.kind === 'number') return v.unit;
	if (v.kind === 'date')
		return v.date.length === 4 ? 'year' : v.date.length === 7 ? 'month' : 'day';
	return v.kind;
}

/**
 * Wrong options for `key`: the same kind of value (a count of the same thing, a city for a city, a person for a
 * person), from the article first (other sentences, never one that also states the key: it could be true there
 * too), then from the bank; never the key in disguise, never a name of the key's own sentence. With
 * `notInArticle`, only values the article never states (a false claim must stay false whatever else it says).
 * `reading` shows each value as the key reads.
 */
/** Whether the report ties a body to `country`: its name says so ("Chinese…", "Taiwan People's Party") or "China's X". */
function tiedTo(text: string, name: string, country: string): boolean {
	const stem = country.slice(0, Math.max(4, country.length - 1));
	if (new RegExp(`(?<![\\p{L}])${escape(stem)}`, 'u').test(name)) return true;
	return new RegExp(`${escape(country)}['’]s\\s+(?:the\\s+)?${escape(name)}(?![\\p{L}])`, 'u').test(
		text
	);
}

/**
 * Whether the report ties a person to `country`: "Kenya's Dennis Kimetto", "Kenya's defending champion Ruth
 * Chepngetich", "Benson Kipruto of Kenya", "Kelvin Kiptum (Kenya)". By the whole name or the surname.
 */
function personTiedTo(text: string, name: string, country: string): boolean {
	const c = escape(country);
	const surname = name.split(/\s+/u).pop() ?? name;
	return [name, surname].some((n) => {
		const p = escape(n);
		return new RegExp(
			`${c}(?:['’]s)?\\s+(?:\\p{Ll}[\\p{L}-]*\\s+){0,3}(?:\\p{Lu}[\\p{L}.-]*\\s+){0,3}${p}(?![\\p{L}])|(?<![\\p{L}])${p}(?:,\\s+[^,.;]{1,40},|,\\s+also)?\\s+(?:of|from)\\s+(?:the\\s+)?${c}(?![\\p{L}])|(?<![\\p{L}])${p}\\s+\\(${c}\\)`,
			'u'
		).test(text);
	});
}

/** Roles a side gives its people, written between the side and the name ("England manager Sarina Wiegman"). */
const SIDE_ROLE =
	'(?:manager|head coach|coach|captain|goalkeeper|keeper|defender|midfielder|forward|striker|winger|player|skipper|opener|bowler|batter|fly-half|scrum-half|president|prime minister|minister|leader)';

const countryNames = new Map<string, boolean>();
function countryName(name: string): boolean {
	let is = countryNames.get(name);
	if (is === undefined) {
		is = isCountry(name);
		countryNames.set(name, is);
	}
	return is;
}

/** The countries (sides: teams, nations) a sentence of the report names, by its place mentions. */
function sidesOf(ctx: Context, s: Sentence): string[] {
	return [
		...new Set(
			ctx.mentions
				.filter(
					(m) =>
						m.sentence.start === s.start && m.value.kind === 'place' && countryName(m.value.name)
				)
				.map((m) => (m.value.kind === 'place' ? m.value.name : ''))
		)
	];
}

/** A sentence that opens on one side and names no other ("England almost went ahead…", "England manager X…"). */
function soleSideOpening(ctx: Context, s: Sentence): string | null {
	// The opening name, a mention or not ("England manager Sarina Wiegman" is read as one person's title).
	const opening = s.text.match(/^(?:The\s+)?(\p{Lu}\p{L}+(?:\s\p{Lu}\p{L}+)?)(?=['’]s\b|\s)/u)?.[1];
	const side =
		opening && countryName(opening)
			? opening
			: opening?.includes(' ') && countryName(opening.split(' ')[0])
				? opening.split(' ')[0]
				: null;
	if (!side) return null;
	return sidesOf(ctx, s).every((c) => c === side) ? side : null;
}

/**
 * The side a person gap's sentence ties the asked person to: "Spain's _____", "England manager _____", "_____,
 * Spain's all-time top scorer", or a sentence that opens on one side and names no other ("England almost went
 * ahead… when _____'s shot", "England manager X sent on… for _____"). Null when it ties to none.
 */
function sideAsked(ctx: Context, key: Mention): string | null {
	if (key.value.kind !== 'person') return null;
	const text = ctx.article.text;
	const said = text.slice(key.sentence.start, key.start);
	const before =
		said.match(
			/(?:^|\s)(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)['’]s\s+(?:\p{Ll}[\p{L}-]*\s+){0,3}$/u
		)?.[1] ??
		said.match(
			new RegExp(`(?:^|\\s)(\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*)?)\\s+${SIDE_ROLE}\\s+$`, 'u')
		)?.[1] ??
		text
			.slice(key.end, key.sentence.end)
			.match(/^,\s+(?:the\s+)?(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)['’]s\s/u)?.[1];
	if (before && countryName(before)) return before;
	return soleSideOpening(ctx, key.sentence);
}

/**
 * Whether the report ties a person to side `side`: "Spain's Olga Carmona", "X of Kenya", "England manager Sarina
 * Wiegman", "Hermoso, Spain's all-time top scorer", or a sentence naming them that opens on that side and names no
 * other.
 */
function onSide(ctx: Context, name: string, side: string): boolean {
	const text = ctx.article.text;
	if (personTiedTo(text, name, side)) return true;
	const surname = name.split(/\s+/u).pop() ?? name;
	const c = escape(side);
	if (
		[name, surname].some((n) =>
			new RegExp(
				`${c}\\s+${SIDE_ROLE}\\s+(?:\\p{Lu}[\\p{L}.-]*\\s+){0,3}${escape(n)}(?![\\p{L}])|(?<![\\p{L}])${escape(n)},\\s+(?:the\\s+)?${c}['’]s\\s`,
				'u'
			).test(text)
		)
	)
		return true;
	return ctx.mentions.some(
		(m) =>
			m.value.kind === 'person' &&
			samePerson(m.value.name, name) &&
			soleSideOpening(ctx, m.sentence) === side
	);
}

const FAMILY =
	'(?:daughter|son|wife|husband|mother|father|sister|brother|widow|widower|partner|grandson|granddaughter|niece|nephew|cousin)s?';

/** A gap the sentence makes someone's relative: "her daughter, _____", "his wife _____". */
const FAMILY_BEFORE = new RegExp(String.raw`\b(?:her|his|their)\s+${FAMILY},?\s+$`, 'iu');

/** Whether the report names a person as someone's relative: "her daughter, Infanta Sofia", "Ana, his wife". */
function isRelative(text: string, name: string): boolean {
	const surname = name.split(/\s+/u).pop() ?? name;
	return [name, surname].some((n) =>
		new RegExp(
			String.raw`\b(?:her|his|their|\p{Lu}[\p{L}-]*['’]s)\s+${FAMILY},?\s+(?:\p{Lu}[\p{L}.-]*\s+){0,3}${escape(n)}(?![\p{L}])|(?<![\p{L}])${escape(n)},\s+(?:her|his|their)\s+${FAMILY}\b`,
			'u'
		).test(text)
	);
}

/** Whether the report gives a person a manager's or coach's role: "England manager Sarina Wiegman", "Vilda, the coach". */
function isManager(text: string, name: string): boolean {
	const surname = name.split(/\s+/u).pop() ?? name;
	return [name, surname].some((n) =>
		new RegExp(
			`\\b(?:manager|coach)\\s+(?:\\p{Lu}[\\p{L}.-]*\\s+){0,3}${escape(n)}(?![\\p{L}])|(?<![\\p{L}])${escape(n)},\\s+(?:the|its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:manager|coach)\\b`,
			'u'
		).test(text)
	);
}

/**
 * Whether the report writes a name only as a modifier of another word: before a hyphen ("COVID-19", "Pfizer-BioNTech")
 * or before a noun of a disease or a product ("the Ebola outbreak", "a Sinovac vaccine"). Such a name is no body
 * a sentence could speak of as one, so it is no option for a body.
 */
function onlyModifier(text: string, name: string): boolean {
	const at = [...text.matchAll(new RegExp(`(?<![\\p{L}\\d-])${escape(name)}(?![\\p{L}])`, 'gu'))];
	return (
		at.length > 0 &&
		at.every((m) =>
			/^(?:-[\p{L}\p{N}]|\s+(?:vaccines?|pandemic|virus|outbreaks?|epidemic|cases|variants?|infections?|jabs?|shots?|doses|crisis|tests?|restrictions|lockdowns?)\b)/u.test(
				text.slice(m.index + name.length, m.index + name.length + 20)
			)
		)
	);
}

/** Whether the report makes a place stand for a government: "Beijing, which regards…", "Beijing has refused…". */
function standsForGovernment(text: string, name: string): boolean {
	return new RegExp(
		`(?<![\\p{L}])${escape(name)}(?:,\\s+which\\b|\\s+(?:has|had|have)?\\s*(?:said|says|regards|called|calls|warned|refused|accused|insists|insisted|rejected|condemned|responded|threatened)\\b)`,
		'u'
	).test(text);
}

/** Names a reader reads after "the": the report writes "the" before them, or they are of the kinds that take it. */
const TAKES_THE =
	/^(?:the\s|United\s|Democratic\s|Republic\s|Central African)|\b(?:Strait|Straits|Sea|Gulf|Ocean|River|Islands|States|Emirates|Kingdom|Republic|Coast|Channel|Netherlands|Philippines|Bahamas|Maldives|Sahel|Balkans|Caribbean|Middle East|Arctic|Antarctic|Pacific|Atlantic|Mediterranean|Alps|Himalayas|Horn of Africa)$/u;

function readsWithThe(text: string, name: string): boolean {
	if (TAKES_THE.test(name)) return true;
	return new RegExp(`\\b[Tt]he\\s+${escape(name)}(?![\\p{L}])`, 'u').test(text);
}

/**
 * Whether the report writes "the" before a name standing as a body of its own ("the Justice Department has also
 * sued"), not as a modifier ("the United Airlines flight").
 */
function standsWithThe(text: string, name: string): boolean {
	return new RegExp(`\\b[Tt]he\\s+${escape(name)}(?=${NAME_ENDS.source.slice(1)})`, 'u').test(text);
}

/** What may follow a name that stands as a body of its own: punctuation, a verb, a preposition, "and". */
const NAME_ENDS =
	/^(?:\s*(?:[,.;:!?()"”’…]|$)|\s+(?:and|or|said|says|has|had|have|is|was|were|are|will|would|could|can|may|must|should|did|does|to|in|on|at|for|with|from|by|of|as|also|which|who|that)\b)/u;

/**
 * "asked the _____ to hold their flights": a body asked right after "the" (its acronym in brackets may follow) takes
 * only bodies the report itself writes after "the"; "asked the KLM" breaks the sentence.
 */
function theBeforeBody(ctx: Context, key: Mention): boolean {
	if (key.value.kind !== 'organisation') return false;
	const before = ctx.article.text.slice(key.sentence.start, key.start);
	const after = ctx.article.text
		.slice(key.end, key.sentence.end)
		.replace(/^\s*\([^)]{1,20}\)/u, '');
	return /\bthe\s+$/iu.test(before) && !/^\s*\p{Lu}/u.test(after) && !/^['’]s\b/u.test(after);
}

/**
 * "In the final, Berg beat _____": the one a named person beat or played against in a match. Returns the match's
 * noun ("final"), whose sentences name the people in it; null for any other gap.
 */
function opponentAsked(ctx: Context, key: Mention): RegExp | null {
	if (key.value.kind !== 'person') return null;
	const before = ctx.article.text.slice(key.sentence.start, key.start);
	if (!/\b(?:beat|beats|beating|defeated|defeating|against|lost to|losing to)\s+$/iu.test(before))
		return null;
	const noun = key.sentence.text.match(
		/\b(match|final|semi-final|game|bout|race|tiebreak|play-off|playoff)\b/iu
	)?.[1];
	return noun ? new RegExp(`(?<![\\p{L}-])${escape(noun)}(?![\\p{L}-])`, 'iu') : null;
}

/** Verbs of one who plays in a match: "plays under the FIDE flag", "led for most of the three weeks", "pressed". */
const PLAY_VERBS =
	/\b(?:play|plays|played|playing|players?|led|leads|leading|pressed|resigned|drew|served|serving|sails|sailed|sailing|raced|racing)\b/u;

/**
 * "_____, who plays under the FIDE flag…, led for most of the three weeks": one who played or led in the match
 * the report opens on ("…, beating Ian Nepomniachtchi in the fourth and last game"), asked only among the
 * people that opening sentence names; null when the key is not one of them or no sentence opens so.
 */
function playerAsked(ctx: Context, key: Mention): string[] | null {
	if (key.value.kind !== 'person' || !PLAY_VERBS.test(key.sentence.text)) return null;
	const opening = ctx.mentions
		.map((x) => x.sentence)
		.filter((s) => /\b(?:beat|beats|beating|defeated|defeating|against)\s+\p{Lu}/u.test(s.text))
		.reduce<Sentence | null>((a, s) => (!a || s.start < a.start ? s : a), null);
	if (!opening || opening.start === key.sentence.start) return null;
	const players = ctx.mentions
		.filter((x) => x.value.kind === 'person' && x.sentence.start === opening.start)
		.map((x) => valueText(x.value));
	const keyName = valueText(key.value);
	return players.some((p) => samePerson(p, keyName)) ? players : null;
}

/**
 * Whether the report puts `person` in the match `noun` names: named in a sentence of that noun, and not the one
 * named before the verb in the key's sentence ("Berg beat Berg"). Carlsen, who gave up the title, and Fischer, in
 * 1975, are not opponents in this year's final.
 */
function inTheMatch(ctx: Context, key: Mention, person: string, noun: RegExp): boolean {
	const named = ctx.mentions.filter(
		(x) => x.value.kind === 'person' && samePerson(valueText(x.value), person)
	);
	if (named.some((x) => x.sentence.start === key.sentence.start && x.end <= key.start))
		return false;
	return named.some((x) => noun.test(x.sentence.text));
}

/** Whether a name (typed as a body, as "U.S." may be) is a country's: the whole name is one. */
// A legislature by its name; a party may carry "Congress" in its ("African National Congress").
const LEGISLATURE =
	/\b(?:Congress|Parliament|National Assembly|Legislative Assembly|Senate|Duma|Diet|Bundestag|Bundesrat|Knesset|Storting|Riksdag|Sejm|Cortes|Majlis|Legislature|Chamber of Deputies|House of (?:Commons|Lords|Representatives))\b/u;
const PARTY_NAME = /\b(?:Party|National Congress|Movement|Front|Alliance|Union|League)\b/u;

/** Whether a candidate can own a house of a legislature: a country, or a legislature itself. */
function isLegislatureOrCountry(c: Candidate): boolean {
	if (c.value.kind === 'place') return c.label === 'country' || isCountry(c.value.name);
	if (c.value.kind !== 'organisation') return false;
	return LEGISLATURE.test(c.value.name) && !PARTY_NAME.test(c.value.name);
}

/** Words that make a name a site or an area within a city, not the city ("Melbourne Park", "Buckingham Palace"). */
const SITE_WORD =
	/\b(?:Park|Palace|Square|Street|Avenue|Bridge|Airport|Stadium|Arena|Club|Complex|District|Coast|Port|Harbour|Harbor|Station|Base|Hall|House|Centre|Center|Tower|Island|Islands)\b/u;

/**
 * The sort of place a name is, where a table or the tagger knows it: a continent, a country, a state or province,
 * or a city; null for any other place (a sea, a site, a region), whose wrong options a reader could not take
 * for the key's own kind.
 */
function placeSort(
	ctx: Context,
	name: string,
	label: string | undefined
): 'continent' | 'country' | 'state' | 'city' | null {
	const bare = name.replace(/^the\s+/iu, '');
	if (isContinent(bare)) return 'continent';
	if (continentOf(bare) || isCountry(bare)) return 'country';
	if (isState(bare)) return 'state';
	if (FEATURE_NAME.test(bare) || SITE_WORD.test(bare)) return null;
	if (label === 'city' || ctx.cities.has(name) || placeLabel(bare) === 'city') return 'city';
	return label === 'country' ? 'country' : null;
}

function isCountry(name: string): boolean {
	const bare = name.replace(/^the\s+/iu, '');
	if (/^(?:US|USA|UK|UAE|America|Britain|Great Britain)$/u.test(bare.replace(/\./gu, '')))
		return true;
	const country = nlp(bare).match('#Country+').text();
	return country !== '' && normaliseAnswerText(country) === normaliseAnswerText(bare);
}

/**
 * The end of the span whose start a date gap asks: the date after "from _____ to", or, for "from _____" with no end
 * written, the report's own date when the key is before it (a match "played from _____" that ends in the report).
 * Null when the gap starts no span.
 */
function endOfSpan(ctx: Context, key: Mention): string | null {
	if (key.value.kind !== 'date') return null;
	const text = ctx.article.text;
	if (!/\b(?:from|between)\s+$/iu.test(text.slice(key.sentence.start, key.start))) return null;
	const end = ctx.mentions.find(
		(x) =>
			x.sentence.start === key.sentence.start &&
			x.start >= key.end &&
			x.value.kind === 'date' &&
			/^\s*(?:to|until|till|through|and|-|–)\s*$/iu.test(text.slice(key.end, x.start))
	);
	if (end && end.value.kind === 'date') return end.value.date;
	const report = ctx.article.eventDate;
	if (/^\s*(?:to|until|till|through|and|-|–)\s/iu.test(text.slice(key.end, key.sentence.end)))
		return null;
	return report && key.value.date < report.slice(0, key.value.date.length) ? report : null;
}

function distractorsFor(
	ctx: Context,
	key: Mention,
	count: number,
	reading: (v: FactValue) => string,
	options: {
		notInArticle?: boolean;
		accept?: (v: FactValue) => boolean;
		/** Who said quoted words: the report's own people of the key's gender, speakers or not (see below). */
		quoted?: string;
		/** The options are read on their own (a wh-question's), not put in the sentence in the key's place. */
		standsAlone?: boolean;
	} = {}
): { texts: string[]; own: number } {
	const keyText = reading(key.value);
	const picked: string[] = [];
	let own = 0;
	const taken = (text: string) =>
		[keyText, ...picked].some((t) => normaliseAnswerText(t) === normaliseAnswerText(text));
	const monthOnly = key.value.kind === 'date' && !!key.inferred && key.value.date.length === 7;
	// A date on the wrong side of the report's (a past event in a year still to come, a plan in a year gone by)
	// is no option; only when the key itself is on the side its sentence speaks of.
	const keySide =
		key.value.kind === 'date' && !monthOnly
			? speaksOfFuture(ctx.article.text.slice(key.sentence.start, key.start))
			: null;
	const sided =
		keySide !== null &&
		key.value.kind === 'date' &&
		onSideOf(key.value.date, ctx.article.eventDate, keySide);
	const keySort =
		key.value.kind === 'organisation' ? sortOf(ctx, key.value.name, ctx.article.slug) : null;
	const beforeKey = ctx.article.text.slice(key.sentence.start, key.start);
	const makerGap =
		key.value.kind === 'organisation' &&
		(MAKER_BEFORE.test(beforeKey) ||
			MODEL_AFTER.test(ctx.article.text.slice(key.end, key.sentence.end)));
	// "_____ airport": only names the report writes before "airport"; "_____ prefecture": names it writes before
	// "prefecture", or places of no other sort (never a sea, a peninsula, an airport, a country or a city).
	const placeNoun =
		key.value.kind === 'place'
			? ctx.article.text.slice(key.end, key.sentence.end).match(PLACE_NOUN_AFTER)?.[1].toLowerCase()
			: undefined;
	const writtenBefore = (name: string, noun: string) =>
		new RegExp(`(?<![\\p{L}])${escape(name)}\\s+${noun}(?![\\p{L}])`, 'iu').test(ctx.article.text);
	// "the island of _____", "the _____ coast": only places the report itself writes so ("island of X", "X coast").
	const placeNounWritten =
		key.value.kind === 'place'
			? (beforeKey.match(PLACE_NOUN_BEFORE)?.[1].toLowerCase() ??
				(COAST_AFTER.test(ctx.article.text.slice(key.end, key.sentence.end)) ? 'coast' : undefined))
			: undefined;
	const writtenWith = (name: string, noun: string) =>
		writtenBefore(name, noun) ||
		new RegExp(`(?<![\\p{L}])${noun}\\s+of\\s+${escape(name)}(?![\\p{L}])`, 'iu').test(
			ctx.article.text
		);
	// "the island of Heimaey", "the Blue Lagoon, a geothermal spa": a place the report gives another sort.
	const writtenAsSort = (name: string, noun: string) =>
		writtenWith(name, noun) ||
		new RegExp(
			`(?<![\\p{L}])${escape(name)},\\s+(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,2}${noun}(?![\\p{L}])`,
			'iu'
		).test(ctx.article.text);
	// "the Dutch airline _____", "the town's mayor, _____": only bodies or people the report writes with that noun
	// (and nationality); fewer than two of them, no draft (below).
	const sortNoun =
		key.value.kind === 'organisation' || key.value.kind === 'person'
			? sortNounBefore(beforeKey, key.value.kind)
			: null;
	// A city, a town or an airport is no continent or country ("airports from _____ to Hong Kong" offering Asia);
	// an airport's gap takes only airports, and a continent's only continents.
	const keyPlace = key.value.kind === 'place' ? key.value.name : '';
	const airportKey =
		key.value.kind === 'place' && (/\bAirport\b/u.test(keyPlace) || placeNoun === 'airport');
	const smallPlace =
		key.value.kind === 'place' &&
		(airportKey ||
			key.label === 'city' ||
			ctx.cities.has(keyPlace) ||
			/\b(?:city|town|village|port|airports?)\s+(?:of\s+|from\s+|in\s+|at\s+)?$/iu.test(
				beforeKey
			) ||
			listedWithCities(ctx, key));
	const continentKey = key.value.kind === 'place' && isContinent(keyPlace);
	// "JPL in _____, California": a place in California, so no state, no country and no place the report writes in
	// another state ("Cape Canaveral, Florida").
	const keyRegion =
		key.value.kind === 'place'
			? regionAfter(keyPlace, ctx.article.text.slice(key.end, key.sentence.end))
			: null;
	// "Gale crater" for a launch site: a place the report writes as a natural feature answers no gap of a place it
	// does not write so.
	const keyFeatures =
		key.value.kind === 'place' ? FEATURE_NOUNS.filter((n) => writtenBefore(keyPlace, n)) : [];
	// "On _____ she offered to buy the company", before the report's own news: the days of that news (the title's
	// and the dateline's, and the two before) came last, so none is an option for a step of its background.
	const presentFrom =
		ctx.article.eventDate.length === 10 ? dayNumber(ctx.article.eventDate) - PRESENT_DAYS : null;
	const backgroundDay =
		presentFrom !== null &&
		key.value.kind === 'date' &&
		key.value.date.length === 10 &&
		dayNumber(key.value.date) < presentFrom;
	// "several U.S. states, including _____": only places of the listed sort (countries, cities, or places the
	// report writes with that noun); never a city or a continent for a state.
	const listedSort =
		key.value.kind === 'place'
			? beforeKey
					.match(
						/\b(states|countries|nations|cities|towns|provinces|regions|islands|prefectures|counties)\s*,?\s+(?:including|such as|like|among them)\s+(?:[^,;.]+,\s+)*$/iu
					)?.[1]
					.toLowerCase()
			: undefined;
	const ofListedSort = (c: Candidate, sort: string) => {
		if (c.value.kind !== 'place') return true;
		const name = c.value.name;
		if (sort === 'countries' || sort === 'nations') return c.label === 'country' || isCountry(name);
		if (isContinent(name) || isCountry(name) || c.label === 'country') return false;
		if (sort === 'cities' || sort === 'towns') return c.label === 'city' || ctx.cities.has(name);
		return writtenAsSort(name, sort.replace(/ies$/u, 'y').replace(/s$/u, ''));
	};
	// "in _____ and 2018": a value the sentence writes beside the gap is no option.
	const sentenceRest = `${ctx.article.text.slice(key.sentence.start, key.start)} ${ctx.article.text.slice(key.end, key.sentence.end)}`;
	const writtenBeside = (text: string) =>
		new RegExp(`(?<![\\p{L}\\d])${escape(text)}(?![\\p{L}\\d])`, 'u').test(sentenceRest);
	// "from _____ to 30 April", or "from _____" in a report of that span: a start on or after the end is no option.
	const spanEnd = key.value.kind === 'date' ? endOfSpan(ctx, key) : null;
	// "his compatriot _____": only people the report gives the subject's country.
	const compatriots =
		key.value.kind === 'person' && /\bcompatriots?\s+$/iu.test(beforeKey)
			? compatriotCountry(ctx, key)
			: undefined;
	const workplaceCity =
		key.value.kind === 'organisation' && WORKPLACE_BEFORE.test(beforeKey)
			? ctx.article.text
					.slice(key.end, key.sentence.end)
					.match(IN_CITY_AFTER)?.[1]
					?.replace(
						/^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b.*/u,
						''
					) || null
			: null;
	const ownPeople = key.value.kind === 'person' ? peopleOfSentence(ctx, key.sentence) : [];
	// "In the women's race, _____", "her political mentor": only people the report ties to the same gender.
	// Who said quoted words: the words show no gender, so no option the report gives another gender than the key's.
	const quotedGender =
		options.quoted && key.value.kind === 'person' ? gendersIn(ctx).of(key.value.name) : undefined;
	const gender = genderAsked(ctx, key);
	// A report of both a men's and a women's race: a runner of the other one is no option for the key, whatever
	// its sentence says (Kipyegon as "Kerr's team mate"; three men as the women's runner-up). Quoted words are left
	// to the rule of who said them (below).
	const divisionGender =
		!gender && options.quoted === undefined && key.value.kind === 'person'
			? raceOf(ctx, key.value.name)
			: null;
	// The dead and those the report says were not there stand beside the people who acted, and the other way round
	// ("a minute's silence for _____" offering the living), only where the key is one of them too (off-stage.ts).
	const keyOffStage = key.value.kind === 'person' && isOffStage(ctx, key.value.name);
	// A person the report names only in sentences of earlier years (Gatlin "at the Athens Games in 2004") took no
	// part in the events of the report's own time that the key's sentence tells.
	const keyNow = key.value.kind === 'person' && !ofEarlierYear(ctx, key.sentence);
	// "_____, the U.S. Attorney for…", "his lead lawyer, _____": no one the report gives other parts only (the judge,
	// the defendant's parents). Who said quoted words is asked among speakers of any part.
	const keyParts =
		key.value.kind === 'person' && options.quoted === undefined
			? partsAround(
					ctx.article.text.slice(key.sentence.start, key.start),
					ctx.article.text.slice(key.end, key.sentence.end)
				)
			: [];
	// "_____ said": who said it is asked among the report's other speakers only; a victim or a relative beside
	// them is struck out at a glance. Who said quoted words the prompt shows may be any of the report's people
	// but a relative: nothing in the prompt rules one out, and the report gives the words to one person only.
	const speakers =
		!options.quoted && isSpeaker(ctx, key)
			? ctx.mentions.filter((x) => isSpeaker(ctx, x)).map((x) => valueText(x.value))
			: null;
	const titleHolder =
		key.value.kind === 'person' &&
		TITLES_HELD.test(key.value.role?.split(' ').pop() ?? '') &&
		/\b(?:King|Queen|Prince|Princess|Pope|Emperor|Empress|Sultan|Emir)\s+$/u.test(
			ctx.article.text.slice(key.sentence.start, key.start)
		);
	// "English referee _____", "Former Prime Minister _____": the office before the gap limits the options to people
	// the report gives the same office and side; with too few of them the gap is not drafted.
	// Who said quoted words shows none of the words around the speaker's name: they limit no option.
	const personInGap = key.value.kind === 'person' && options.quoted === undefined;
	const office = personInGap
		? roleBefore(ctx.article.text.slice(key.sentence.start, key.start))
		: null;
	const officesOf = office ? officesByPerson(ctx) : null;
	// "_____, a 41-year-old voter," / "_____, 36,": no one the report gives another age. "_____, a spokesman for
	// X,": no one the report gives another office (a president, a minister).
	const afterKey = ctx.article.text.slice(key.end, key.sentence.end);
	const keyAge = personInGap ? appositionAge(afterKey) : null;
	const keyApposition = personInGap
		? /^,\s+((?:the|a|an)\s+[^,.;:"“”()]{2,80})/u.exec(afterKey)?.[1]
		: undefined;
	const keyOffice = keyApposition ? officeIn(keyApposition) : null;
	const limits = numberLimits(ctx, key) ?? rangeLimits(ctx, key);
	const said = ctx.article.text.slice(key.sentence.start, key.start);
	// "China's _____": only bodies the report ties to that country, never Taiwan's parties beside China's office.
	const owner =
		key.value.kind === 'organisation'
			? said.match(/(?:^|\s)(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)['’]s\s+$/u)?.[1]
			: undefined;
	const ownerCountry = owner && isCountry(owner) ? owner : null;
	// "Belgium's _____", "Australia's captain _____": only people the report ties to that country.
	const personOwner = personInGap
		? said.match(
				/(?:^|\s)(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)['’]s\s+(?:\p{Ll}[\p{L}-]*\s+){0,3}$/u
			)?.[1]
		: undefined;
	// "_____ of the United States won…", "_____, also of the United States, took the bronze": the same.
	const countryAfter = personInGap
		? /^,?\s+(?:also\s+)?(?:of|from)\s+(?:the\s+)?(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2})/u.exec(
				afterKey
			)?.[1]
		: undefined;
	const personCountry =
		personOwner && isCountry(personOwner)
			? personOwner
			: countryAfter && isCountry(countryAfter)
				? countryAfter
				: null;
	// "Ferrari's _____ third", "Mercedes team principal _____": only people the report ties to that team or body
	// (the fifteenth reading offered Red Bull's team principal and a Williams driver as Ferrari's).
	// The owner is written with "'s" or before a lowercase role; it is no country (above), person, place or office.
	const bodyOwner = personInGap
		? (said.match(
				/(?:^|\s)(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2})['’]s\s+(?:\p{Ll}[\p{L}-]*\s+){0,3}$/u
			)?.[1] ??
			said.match(
				/(?:^|\s)(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2})\s+(?:\p{Ll}[\p{L}-]*\s+){1,3}$/u
			)?.[1])
		: undefined;
	const personBody =
		bodyOwner &&
		!/^(?:The|A|An|His|Her|Its|Their|Our|This|That)\b/u.test(bodyOwner) &&
		!isCountry(bodyOwner) &&
		!officeIn(bodyOwner) &&
		!ctx.mentions.some(
			(x) =>
				(x.value.kind === 'person' || x.value.kind === 'place') &&
				(x.value.name === bodyOwner || samePerson(x.value.name, bodyOwner))
		)
			? bodyOwner
			: null;
	// "England almost went ahead… when _____'s shot": people of the other side answer nothing (issue 16).
	const side = sideAsked(ctx, key);
	// A manager for a player's act, a player for the manager's: only where the report gives someone that role.
	const managers =
		key.value.kind === 'person'
			? ctx.mentions.some(
					(m) => m.value.kind === 'person' && isManager(ctx.article.text, m.value.name)
				)
			: false;
	// "her daughter, _____": only people the report names as someone's relative; players and ministers answer no
	// such gap, and a relative answers no other.
	const familyGap = key.value.kind === 'person' && FAMILY_BEFORE.test(said);
	const keyManager =
		managers && key.value.kind === 'person' && isManager(ctx.article.text, key.value.name);
	// "Hug and _____ won the wheelchair races": a winner of a kind of event among people the report puts in such an
	// event, not runners of another race.
	const event =
		key.value.kind === 'person' &&
		/\b(?:won|wins|win|winner|winners|champion|champions)\b/iu.test(key.sentence.text)
			? key.sentence.text.match(
					/\bthe\s+(\p{Ll}[\p{L}-]+)\s+(?:races?|events?|finals?|titles?|competitions?|divisions?|categor(?:y|ies)|tournaments?)\b/u
				)?.[1]
			: undefined;
	const eventWord =
		event &&
		!/^(?:same|first|last|next|final|main|whole|previous|other|two|three|four|recent|big|biggest|major)$/u.test(
			event
		)
			? new RegExp(`(?<![\\p{L}])${escape(event)}(?![\\p{L}])`, 'iu')
			: null;
	// "Belgium's Bashir Abdi, the European record holder": a country the sentence puts on a continent takes only
	// countries of that continent (where the table knows it).
	const continent = key.value.kind === 'place' ? continentOf(key.value.name) : null;
	const onContinent =
		continent && continentsNamed(key.sentence.text).includes(continent) ? continent : null;
	// "the southern city of _____", "mayor of _____": a place of the report's own country, not a capital standing for
	// another country's government (Beijing in a report on Taiwan).
	const localPlace =
		key.value.kind === 'place' &&
		/\b(?:city|town|port|village|district|county|province|mayor|governor) of\s+$/iu.test(said);
	// "in the _____": only names that read with "the" (the Taiwan Strait, the United States; not "the China"); a
	// body after "the" takes no name opening on a possessive ("the China's … Office"). Only where the name is the
	// whole phrase: "below the _____ desert" reads "the" with "desert".
	const afterThe =
		/\bthe\s+$/iu.test(said) &&
		/^(?:\s*(?:[,.;:!?"“”’)]|$)|\s+(?:and|or|to|in|on|at|for|with|from|by|of|as|is|was|are|were|has|had|have|said|says|will|would)\b)/u.test(
			ctx.article.text.slice(key.end, key.sentence.end)
		);
	// "_____'s Silvio Leonard": a possessive gap with no "the" before it reads only names that take no article
	// ("United States's Silvio Leonard" needs one).
	const possessiveGap =
		/^['’]s?(?![\p{L}])/u.test(ctx.article.text.slice(key.end, key.end + 3)) &&
		!/\bthe\s+$/iu.test(said);
	// "Google pays Apple, _____", "ran the mission for _____.": a gap with no "the" before it, for a body the report
	// writes without one ("Samsung"). A body the report writes only after "the" ("the Justice Department") takes its
	// "the" into the gap (below), or, where the report never writes it alone, is no option.
	const bareBodyGap =
		key.value.kind === 'organisation' &&
		!options.standsAlone &&
		options.quoted === undefined &&
		!/\bthe\s+$/iu.test(said) &&
		// Not where the gap names a modifier ("_____ Administrator Bill Nelson", "and _____ affiliates").
		NAME_ENDS.test(afterKey) &&
		!readsWithThe(ctx.article.text, key.value.name);
	const matchNoun = opponentAsked(ctx, key);
	const players = playerAsked(ctx, key);
	// Only where the option takes the key's place in the sentence: a wh-question's options stand alone.
	const bodyAfterThe = !options.standsAlone && !options.quoted && theBeforeBody(ctx, key);
	// "The _____ won eight seats": a party, never an election commission or a government office.
	const partyAsked =
		key.value.kind === 'organisation' &&
		(!keySort || keySort === 'party') &&
		/\b(?:won|wins|win|took|takes|holds?|held|lost|gained)\b[^.;]{0,40}\bseats?\b|\bparty-list\b/iu.test(
			key.sentence.text
		);
	// "the lower house of _____", "the Senate of _____": a country or a legislature, never a party (Congress is the
	// key, the parties of the report are no house's owner).
	const houseOf =
		(key.value.kind === 'organisation' || key.value.kind === 'place') &&
		/\b(?:(?:lower|upper)\s+(?:house|chamber)|Senate)\s+of\s+(?:the\s+)?$/iu.test(said);
	// "told reporters in _____": a city where something happens takes no city the report makes stand for a
	// government ("Beijing, which regards…"), unless the key is one itself.
	const plainPlace =
		key.value.kind === 'place' && !standsForGovernment(ctx.article.text, key.value.name);
	// A wrong option the report's title states would be struck out by the title every prompt names.
	const title = ctx.article.citedAs ? '' : titleOf(ctx.article);
	const fits = (c: Candidate) => {
		if (c.value.kind !== key.value.kind || sameValue(c.value, key.value)) return false;
		if (title && titleStates(title, [reading(c.value)])) return false;
		// "Britain's Chris Froome" beside plain names stands apart, and after an owner doubles it.
		if (ownedName(c.value)) return false;
		if (
			ownerCountry &&
			c.value.kind === 'organisation' &&
			!tiedTo(ctx.article.text, c.value.name, ownerCountry)
		)
			return false;
		if (
			localPlace &&
			c.value.kind === 'place' &&
			(!('own' in c) || standsForGovernment(ctx.article.text, c.value.name))
		)
			return false;
		if (
			plainPlace &&
			c.value.kind === 'place' &&
			'own' in c &&
			standsForGovernment(ctx.article.text, c.value.name)
		)
			return false;
		if (
			afterThe &&
			key.value.kind === 'place' &&
			c.value.kind === 'place' &&
			!readsWithThe(ctx.article.text, c.value.name)
		)
			return false;
		if (afterThe && c.value.kind === 'organisation' && /^\p{Lu}\S*['’]s\s/u.test(c.value.name))
			return false;
		if (possessiveGap && 'name' in c.value && TAKES_THE.test(c.value.name)) return false;
		// "ran the mission for _____": "for European Space Agency" reads wrong; "the European Space Agency" is written
		// only where the report has it standing alone (see bareBodyGap).
		if (
			bareBodyGap &&
			c.value.kind === 'organisation' &&
			readsWithThe(ctx.article.text, c.value.name) &&
			!standsWithThe(ctx.article.text, c.value.name)
		)
			return false;
		// "A small _____ satellite": "NASA's … Office" in the gap reads "A small NASA's … satellite".
		if (
			c.value.kind === 'organisation' &&
			key.value.kind === 'organisation' &&
			/['’]s\s/u.test(c.value.name) !== /['’]s\s/u.test(key.value.name)
		)
			return false;
		// "Along with _____'s discovery": not "National Press Club's", which the report writes with "the".
		if (
			possessiveGap &&
			c.value.kind === 'organisation' &&
			readsWithThe(ctx.article.text, c.value.name)
		)
			return false;
		if (
			bodyAfterThe &&
			c.value.kind === 'organisation' &&
			!readsWithThe(ctx.article.text, c.value.name)
		)
			return false;
		if (partyAsked && c.value.kind === 'organisation') {
			const sort = sortOf(ctx, c.value.name, c.article);
			if (sort && sort !== 'party') return false;
		}
		if (houseOf && !isLegislatureOrCountry(c)) return false;
		if (
			sortNoun &&
			(c.value.kind === 'organisation' || c.value.kind === 'person') &&
			!writtenWithNoun(
				ctx.article.text,
				c.value.name,
				sortNoun,
				c.value.kind === 'person' ? (c.value.role ?? '') : ''
			)
		)
			return false;
		if (c.value.kind === 'place' && key.value.kind === 'place') {
			const name = c.value.name;
			if (
				smallPlace &&
				(isContinent(name) || isCountry(name) || !!continentOf(name) || c.label === 'country')
			)
				return false;
			// "news conferences in _____, Brussels, Santiago": a city takes no state and no desert.
			if (
				smallPlace &&
				(isState(name) || (FEATURE_NAME.test(name) && !FEATURE_NAME.test(keyPlace)))
			)
				return false;
			if (listedSort && !ofListedSort(c, listedSort)) return false;
			if (airportKey && !/\bAirport\b/u.test(name) && !writtenBefore(name, 'airport')) return false;
			if (continentKey && !isContinent(name)) return false;
			// "Pasadena, _____": a state for a state.
			if (isState(keyPlace) && !isState(name)) return false;
			if (keyRegion) {
				if (name === keyRegion || isState(name) || isCountry(name) || isContinent(name))
					return false;
				const theirs = regionOfPlace(ctx.article.text, name);
				if (theirs && theirs !== keyRegion) return false;
			}
			if (FEATURE_NOUNS.some((n) => !keyFeatures.includes(n) && writtenBefore(name, n)))
				return false;
		}
		if ((c.value.kind === 'date' || c.value.kind === 'number') && writtenBeside(reading(c.value)))
			return false;
		if (
			spanEnd &&
			c.value.kind === 'date' &&
			c.value.date.slice(0, spanEnd.length) >= spanEnd.slice(0, c.value.date.length)
		)
			return false;
		if (office && officesOf && c.value.kind === 'person') {
			const name = c.value.name;
			const held = [
				...[...officesOf].filter(([p]) => samePerson(p, name)).flatMap(([, rs]) => rs),
				...(c.value.role ? [roleBefore(c.value.role)] : [])
			];
			if (!held.some((r) => r && sameRole(office, r))) return false;
		}
		if (keyAge !== null && c.value.kind === 'person') {
			const age = ageOf(ctx.article.text, c.value.name);
			if (age !== null && age !== keyAge) return false;
		}
		if (keyOffice && c.value.kind === 'person') {
			const name = c.value.name;
			// "_____, the finance minister": not Mense, whom the report calls the education secretary.
			const posts = postsOf(ctx, name);
			if (posts.length > 0 && !posts.includes(postOf(keyApposition ?? ''))) return false;
			const held = [
				...[...officesByPerson(ctx)]
					.filter(([p]) => samePerson(p, name))
					.flatMap(([, rs]) => rs.map((r) => r.office)),
				officeIn(personOf(ctx, name)?.role ?? '')
			].filter((o): o is string => !!o);
			if (held.length > 0 && !held.includes(keyOffice)) return false;
		}
		if (options.accept && !options.accept(c.value)) return false;
		if (placeNoun && c.value.kind === 'place') {
			const name = c.value.name;
			if (!writtenBefore(name, placeNoun)) {
				if (
					placeNoun === 'airport' ||
					FEATURE_NOUNS.includes(placeNoun) ||
					OTHER_PLACE_SORT.test(name)
				)
					return false;
				// "Iceland's _____ peninsula": no continent, nor a place the report writes as a volcano or an airport.
				if (isContinent(name)) return false;
				if (PLACE_SORT_NOUNS.some((n) => n !== placeNoun && writtenAsSort(name, n))) return false;
				if (c.label === 'country' || c.label === 'city' || ctx.cities.has(name)) return false;
				if (/^[Tt]he\s/u.test(name) || writtenBefore(name, 'airport')) return false;
			}
		}
		if (
			placeNounWritten &&
			c.value.kind === 'place' &&
			!writtenWith(c.value.name, placeNounWritten)
		)
			return false;
		if (compatriots !== undefined && c.value.kind === 'person') {
			if (!compatriots || !personTiedTo(ctx.article.text, c.value.name, compatriots)) return false;
		}
		// "ECB" beside "European Central Bank", "Economic Community" beside its whole name: the key in another name.
		if (
			'name' in c.value &&
			'name' in key.value &&
			sameBody(c.value.name, key.value.name, ctx.article.text)
		)
			return false;
		// Names of the article's own sentence would be a give-away, or also right ("Niger and Mali"), in any spelling
		// ("al-Qaeda" for "al Qaeda and _____ affiliates").
		if ('name' in c.value && spelledIn(key.sentence.text, c.value.name)) return false;
		// Nor the sentence's own people told by a surname ("Djokovic") or a pronoun ("She" for the champion): "the
		// record held by _____" that Djokovic matched is not Djokovic's.
		const person = c.value.kind === 'person' ? c.value.name : null;
		if (person && ownPeople.some((p) => samePerson(p, person))) return false;
		if (gender && person && gendersIn(ctx).of(person) !== gender) return false;
		if (divisionGender && person) {
			// Only a race the report puts them in: a report of two races names many it ties to neither.
			const theirs = raceOf(ctx, person);
			if (theirs && theirs !== divisionGender) return false;
		}
		if (person && key.value.kind === 'person') {
			if (isOffStage(ctx, person) !== keyOffStage) return false;
			if (keyNow && onlyOfEarlierYears(ctx, person)) return false;
			if (keyParts.length > 0) {
				const theirs = partsOf(ctx, person);
				if (theirs.length > 0 && !theirs.some((p) => keyParts.includes(p))) return false;
			}
		}
		if (personCountry && person && !personTiedTo(ctx.article.text, person, personCountry))
			return false;
		if (personBody && person && !personTiedTo(ctx.article.text, person, personBody)) return false;
		if (side && person && !onSide(ctx, person, side)) return false;
		if (person && key.value.kind === 'person' && isRelative(ctx.article.text, person) !== familyGap)
			return false;
		if (managers && person && isManager(ctx.article.text, person) !== keyManager) return false;
		if (
			eventWord &&
			person &&
			!ctx.mentions.some(
				(x) =>
					x.value.kind === 'person' &&
					samePerson(x.value.name, person) &&
					eventWord.test(x.sentence.text)
			)
		)
			return false;
		if (matchNoun && person && !inTheMatch(ctx, key, person, matchNoun)) return false;
		if (players && person && !players.some((p) => samePerson(p, person))) return false;
		if (onContinent && c.value.kind === 'place' && continentOf(c.value.name) !== onContinent)
			return false;
		if (speakers && !('own' in c && person && speakers.some((p) => samePerson(p, person))))
			return false;
		if (options.quoted !== undefined) {
			if (!('own' in c) || !person || isRelative(ctx.article.text, person)) return false;
			const theirs = gendersIn(ctx).of(person);
			if (quotedGender && theirs && theirs !== quotedGender) return false;
			// Someone the report also gives these words to would be a second right answer.
			const words = normaliseAnswerText(options.quoted);
			if (
				ctx.mentions.some(
					(x) =>
						x.value.kind === 'person' &&
						samePerson(x.value.name, person) &&
						normaliseAnswerText(x.sentence.text).includes(words)
				)
			)
				return false;
		}
		// "Spain's King _____": a title only one kind of person holds; players beside a king answer it.
		if (
			titleHolder &&
			c.value.kind === 'person' &&
			!(c.value.role && TITLES_HELD.test(c.value.role.split(' ').pop() ?? ''))
		)
			return false;
		// And the other way: a king beside ministers, voters or players is struck out at a glance ("King Charles" as
		// who lost a seat or became chancellor).
		if (
			!titleHolder &&
			c.value.kind === 'person' &&
			c.value.role &&
			TITLES_HELD.test(c.value.role.split(' ').pop() ?? '')
		)
			return false;
		// Nor a count the sentence states ("4,300 …, some 2,400 of them").
		if (c.value.kind === 'number' && numbersOf(key.sentence.text).includes(c.value.amount))
			return false;
		// The bank's people, places and organisations are the Sahel's: beside a report on another subject they
		// would be wrong at a glance.
		if (!('own' in c) && 'name' in c.value && !ctx.related) return false;
		if (options.notInArticle && ctx.mentions.some((m) => sameValue(m.value, c.value))) return false;
		if (key.value.kind === 'number' && c.value.kind === 'number') {
			if (limits && !(c.value.amount > limits.above && c.value.amount < limits.below)) return false;
			const [low, high] = [c.value.amount, key.value.amount].sort((x, y) => x - y);
			if (low <= 0 || high / low > MAX_RATIO) return false;
			return unitClass(c.value.unit) === unitClass(key.value.unit);
		}
		if (sided && c.value.kind === 'date' && !onSideOf(c.value.date, ctx.article.eventDate, keySide))
			return false;
		if (
			backgroundDay &&
			presentFrom !== null &&
			c.value.kind === 'date' &&
			c.value.date.length === 10 &&
			dayNumber(c.value.date) >= presentFrom
		)
			return false;
		// "The U.S. said" for "The FBI said" stays true of the FBI's country: a country is no body's option.
		if (c.value.kind === 'organisation' && isCountry(c.value.name)) return false;
		// A body of another sort (al Qaeda beside the European Union, YouTube beside a moon mission).
		if (key.value.kind === 'organisation' && c.value.kind === 'organisation') {
			const sort = sortOf(ctx, c.value.name, c.article);
			// "The vaccines made by _____": only companies; "worked at _____ in Philadelphia": only bodies the report
			// places in that city.
			if (makerGap && sort !== 'company') return false;
			if (workplaceCity && !placedIn(ctx.article.text, c.value.name, workplaceCity)) return false;
			// Only a body of the key's own known sort: a regulator, a company and a stock exchange, or two agencies and
			// a laser facility, were struck out at a glance (organisations' gaps with options: 0 of 5 usable over the
			// sixteenth to eighteenth readings). A body of no known sort is typed in.
			if (!keySort || !sort || !sortsAlike(keySort, sort)) return false;
		}
		// A day of the bank's far from the key's reads as a pattern ("10 December" beside 16, 17 and 18 February):
		// the bank's days are taken only within six weeks of the key; the same month's days fill in after.
		if (
			key.value.kind === 'date' &&
			c.value.kind === 'date' &&
			key.value.date.length === 10 &&
			c.value.date.length === 10 &&
			!('own' in c) &&
			Math.abs(dayNumber(c.value.date) - dayNumber(key.value.date)) > 42
		)
			return false;
		// Days of another year would give the answer away: "13 January 2020" among three days of 2022.
		if (key.value.kind === 'date' && c.value.kind === 'date')
			return (
				c.value.date.length === key.value.date.length &&
				(monthOnly ||
					key.value.date.length < 10 ||
					c.value.date.slice(0, 4) === key.value.date.slice(0, 4))
			);
		// Countries for a country, states for a state, cities for a city, and nothing for a place of no sort the
		// tables or the tagger know: an ocean, a launch pad, a palace or a Coast Guard district among each other
		// are struck out at a glance (0 of 9 such place gaps usable in the eighteenth reading). Such a key is
		// typed in instead.
		// "died in the _____": only places a reader reads after "the" (not "the England", the twenty-third
		// reading's M19).
		if (
			key.value.kind === 'place' &&
			c.value.kind === 'place' &&
			/\bthe\s+$/iu.test(said) &&
			!readsWithThe(ctx.article.text, c.value.name)
		)
			return false;
		if (key.value.kind === 'place' && c.value.kind === 'place') {
			const sort = placeSort(ctx, key.value.name, key.label);
			return sort !== null && placeSort(ctx, c.value.name, c.label) === sort;
		}
		return true;
	};
	// The article's values of other sentences, unless a sentence names both together ("NASA with the European
	// Space Agency", "Niger and Mali"): what it says of one it says of the other, so both may be true.
	const together =
		/^\s*(?:,|and|or|with|as well as|along with|,\s*and|alongside|together with)\s+(?:the\s+)?$/iu;
	const sameSentence = (c: Mention) =>
		ctx.mentions.some(
			(k) =>
				k.sentence.start === c.sentence.start &&
				k.value.kind === key.value.kind &&
				sameValue(k.value, key.value) &&
				together.test(ctx.article.text.slice(Math.min(k.end, c.end), Math.max(k.start, c.start)))
		);
	const fromArticle: (Candidate & { own: true })[] = options.notInArticle
		? []
		: ctx.mentions
				.filter((c) => c.sentence.start !== key.sentence.start && !sameSentence(c))
				.filter((c) => !('name' in c.value) || !/[()[\]"“”]/u.test(c.value.name))
				.map((c) => ({ value: c.value, label: c.label, article: ctx.article.slug, own: true }));
	const ranked = [...fromArticle, ...ctx.pool]
		.filter(fits)
		.map((c, i) => ({
			c,
			i,
			// Closest first: the article's own values, then the same sort of body, then the nearest in size or time.
			d:
				distance(key.value, c.value) +
				('own' in c ? -1 : c.factId ? 0 : 0.5) +
				(keySort &&
				c.value.kind === 'organisation' &&
				sortOf(ctx, c.value.name, c.article) === keySort
					? -0.5
					: 0)
		}))
		.sort((a, b) => a.d - b.d || a.i - b.i);
	const pickedDays: number[] = [];
	for (const { c } of ranked) {
		const text = reading(c.value);
		if (taken(text)) continue;
		// Days a day or two apart ("16, 17 and 18 February") read as one guessable block: spread them.
		const day =
			key.value.kind === 'date' && key.value.date.length === 10 && c.value.kind === 'date'
				? dayNumber(c.value.date)
				: null;
		if (day !== null && pickedDays.some((p) => Math.abs(p - day) <= 2)) continue;
		if (day !== null) pickedDays.push(day);
		if (
			key.value.kind !== 'number' &&
			key.value.kind !== 'date' &&
			picked.some((p) => sameValueText(p, text) || sameBody(p, text, ctx.article.text))
		)
			continue;
		picked.push(text);
		if ('own' in c) own++;
		if (picked.length === count) break;
	}
	// Too few other speakers (or holders of the office): no question rather than one filled out with people who
	// said nothing or hold no such post.
	if (
		(speakers || office || side || keyManager || familyGap || options.quoted !== undefined) &&
		picked.length < count
	)
		return { texts: [], own: 0 };
	// "the Dutch airline _____" with fewer than two other airlines the report calls Dutch: no question.
	if (sortNoun && picked.length < Math.min(2, count)) return { texts: [], own: 0 };
	// "his compatriot _____": two compatriots of the subject make a question; fewer, none.
	if (compatriots !== undefined && picked.length < Math.min(2, count)) return { texts: [], own: 0 };
	// Options the report writes after "the" keep it in a bare gap (see bareBodyGap); so does a place whose name takes
	// "the" ("felt on Netherlands", the nineteenth reading's B4 and B17), not one the report happens to write after
	// "the" ("the Texas and Louisiana coasts": "Cushing, the Texas", the twentieth reading's O4).
	const barePlaceGap =
		key.value.kind === 'place' &&
		!options.standsAlone &&
		!/\bthe\s+$/iu.test(said) &&
		!readsWithThe(ctx.article.text, key.value.name);
	const texts =
		bareBodyGap || barePlaceGap
			? picked.map((t) =>
					/^the\s/iu.test(t) ||
					!(bareBodyGap ? standsWithThe(ctx.article.text, t) : TAKES_THE.test(t))
						? t
						: `${said.trim() ? 'the' : 'The'} ${t}`
				)
			: picked;
	return { texts, own };
}

/**
 * The country the report gives the subject of "his compatriot _____": the person the sentence names before the gap,
 * tied to a country ("Belgium's Jordi Meeus", "X of Belgium"). Null when the report gives none.
 */
function compatriotCountry(ctx: Context, key: Mention): string | null {
	const countries = [
		...new Set(
			ctx.mentions
				.filter((m) => m.value.kind === 'place' && countryName(m.value.name))
				.map((m) => (m.value.kind === 'place' ? m.value.name : ''))
		)
	];
	const subjects = ctx.mentions.filter(
		(m) =>
			m.sentence.start === key.sentence.start && m.value.kind === 'person' && m.end <= key.start
	);
	for (const subject of subjects.reverse()) {
		const name = subject.value.kind === 'person' ? subject.value.name : '';
		const country = countries.find((c) => personTiedTo(ctx.article.text, name, c));
		if (country) return country;
	}
	return null;
}

/** The age an apposition right after a name gives: ", a 41-year-old voter," or ", 36,". */
function appositionAge(after: string): number | null {
	const m = /^,\s+(?:(?:a|an)\s+(\d{1,3})-year-old\b|(\d{1,3})\s*[,)])/u.exec(after);
	return m ? Number(m[1] ?? m[2]) : null;
}

/** The age the report gives a person ("Boric, 36,", "Holm, a 29-year-old", "the 29-year-old Holm"), or null. */
function ageOf(text: string, name: string): number | null {
	for (const n of new Set([name, name.split(/\s+/u).at(-1) ?? name])) {
		const written = escape(n);
		const after = new RegExp(
			String.raw`(?<![\p{L}])${written},\s+(?:(?:a|an)\s+(\d{1,3})-year-old\b|(\d{1,3})\s*[,)])`,
			'u'
		).exec(text);
		if (after) return Number(after[1] ?? after[2]);
		const before = new RegExp(
			String.raw`\b(\d{1,3})-year-old\s+(?:\p{L}+\s+){0,2}${written}(?![\p{L}])`,
			'u'
		).exec(text);
		if (before) return Number(before[1]);
	}
	return null;
}

const personFacts = new WeakMap<Context, Map<string, unknown>>();

/**
 * What the report says of one of its people, worked out once per report: the options' rules ask it of every
 * candidate for every draft.
 */
function perPerson<T>(ctx: Context, what: string, name: string, work: () => T): T {
	let known = personFacts.get(ctx);
	if (!known) personFacts.set(ctx, (known = new Map()));
	const key = `${what}\n${name}`;
	if (!known.has(key)) known.set(key, work());
	return known.get(key) as T;
}

/** Whether the report says the person died or was not there (off-stage.ts). */
function isOffStage(ctx: Context, name: string): boolean {
	return perPerson(ctx, 'off-stage', name, () => offStage(ctx.article.text, name));
}

/** A post as an apposition names it, without its article or "former": "the finance minister" → "finance minister". */
function postOf(apposition: string): string {
	return apposition
		.toLowerCase()
		.replace(/^(?:(?:the|a|an|former|formerly|now)\s+)+/u, '')
		.trim();
}

/** The posts the report gives a person in an apposition that names an office ("Carl Mense, the education secretary,"). */
function postsOf(ctx: Context, name: string): string[] {
	return perPerson(ctx, 'posts', name, () => {
		const text = ctx.article.text;
		const posts = ctx.mentions
			.filter((m) => m.value.kind === 'person' && samePerson(m.value.name, name))
			.map(
				(m) =>
					/^,\s+((?:the|a|an)\s+[^,.;:"“”()]{2,80})/u.exec(
						text.slice(m.end, m.sentence.end)
					)?.[1] ?? ''
			)
			.filter((a) => officeIn(a) !== null)
			.map(postOf);
		return [...new Set(posts)];
	});
}

/** The parts (roles.ts) the report gives a person in any sentence naming them, by name or surname. */
function partsOf(ctx: Context, name: string): string[] {
	return perPerson(ctx, 'parts', name, () => partsNamed(ctx, name));
}

function partsNamed(ctx: Context, name: string): string[] {
	const text = ctx.article.text;
	return [
		...new Set(
			ctx.mentions
				.filter((m) => m.value.kind === 'person' && samePerson(m.value.name, name))
				.flatMap((m) =>
					partsAround(text.slice(m.sentence.start, m.start), text.slice(m.end, m.sentence.end))
				)
		)
	];
}

/**
 * In a report of a men's and a women's race, the race a person runs in: the gender the report ties them to, or else
 * the race whose words ("the men's 1,500 metres", "In the women's race") last come before each sentence naming them,
 * when all agree. Null in a report of one race.
 */
function raceOf(ctx: Context, name: string): Gender | null {
	return perPerson(ctx, 'race', name, () => raceNamed(ctx, name));
}

function raceNamed(ctx: Context, name: string): Gender | null {
	if (!bothDivisions(ctx.article.text)) return null;
	const known = gendersIn(ctx).of(name);
	if (known) return known;
	const races = new Set(
		ctx.mentions
			.filter((m) => m.value.kind === 'person' && samePerson(m.value.name, name))
			.map((m) => raceBefore(ctx, m.sentence.start))
	);
	const [race] = races;
	return races.size === 1 ? race : null;
}

/**
 * The gender of the last "men's" or "women's" of the report's sentences up to the one starting at `start` (not of
 * its headline or results box, which come before the story), or null when they have neither.
 */
function raceBefore(ctx: Context, start: number): Gender | null {
	const races = sentencesIn(ctx)
		.filter((s) => s.start <= start)
		.flatMap((s) => [...s.text.matchAll(/(?<![\p{L}])(wo)?men['’]s(?![\p{L}])/giu)]);
	const last = races.at(-1);
	return last ? (last[1] ? 'f' : 'm') : null;
}

/**
 * Whether a sentence tells of a year before the report's own: "at the Athens Games in 2004", "in March 2019". Not
 * a span ("the 1976-1983 dictatorship") or a start ("since 2019"), which may reach the report's time.
 */
function ofEarlierYear(ctx: Context, s: Sentence): boolean {
	const year = Number(ctx.article.eventDate?.slice(0, 4));
	if (!year) return false;
	return [
		...s.text.matchAll(
			/\bin\s+(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?((?:19|20)\d{2})(?![\d,\p{Pd}])/gu
		)
	].some((m) => Number(m[1]) < year);
}

/** Whether every sentence naming a person (by name or surname) writes a year before the report's own. */
function onlyOfEarlierYears(ctx: Context, name: string): boolean {
	return perPerson(ctx, 'earlier', name, () => namedOnlyInEarlierYears(ctx, name));
}

function namedOnlyInEarlierYears(ctx: Context, name: string): boolean {
	const theirs = ctx.mentions.filter(
		(m) => m.value.kind === 'person' && samePerson(m.value.name, name)
	);
	return theirs.length > 0 && theirs.every((m) => ofEarlierYear(ctx, m.sentence));
}

const officesCache = new WeakMap<Context, Map<string, RoleBefore[]>>();

/** The offices the report writes before each person's name ("Finance minister Jeremy Hunt"), by name. */
function officesByPerson(ctx: Context): Map<string, RoleBefore[]> {
	let found = officesCache.get(ctx);
	if (!found) {
		found = new Map();
		for (const m of ctx.mentions) {
			if (m.value.kind !== 'person') continue;
			const r = roleBefore(ctx.article.text.slice(m.sentence.start, m.start));
			const name = m.value.name;
			if (r) found.set(name, [...(found.get(name) ?? []), r]);
		}
		officesCache.set(ctx, found);
	}
	return found;
}

/**
 * The people a sentence speaks of: the surnames (last words) it names, and the person a "he" or "she" in it stands
 * for (the one person of the sentence before).
 */
function peopleOfSentence(ctx: Context, s: Sentence): string[] {
	const people = ctx.mentions
		.filter((m) => m.sentence.start === s.start && m.value.kind === 'person')
		.map((m) => valueText(m.value));
	const he = /\b(?:he|she)\b/iu.test(s.text) ? personBefore(ctx, s) : null;
	return he ? [...people, he] : people;
}

const gendersCache = new WeakMap<Context, ReturnType<typeof gendersOf>>();

/** The gender the report ties each of its people to (gender.ts), worked out once per report. */
function gendersIn(ctx: Context): ReturnType<typeof gendersOf> {
	let found = gendersCache.get(ctx);
	if (!found) {
		const all = sentencesIn(ctx);
		const people = ctx.mentions.filter((m) => m.value.kind === 'person');
		found = gendersOf(
			all.map((s) => ({
				text: s.text,
				line: s.line,
				people: [
					...new Set(
						people.filter((m) => m.sentence.start === s.start).map((m) => valueText(m.value))
					)
				]
			})),
			people.map((m) => ({
				name: valueText(m.value),
				before: ctx.article.text.slice(m.sentence.start, m.start)
			}))
		);
		gendersCache.set(ctx, found);
	}
	return found;
}

/** The gender the sentence of a person key ties the asked person to ("In the women's race, _____"), or null. */
function genderAsked(ctx: Context, key: Mention): Gender | null {
	if (key.value.kind !== 'person') return null;
	const name = key.value.name;
	const genders = gendersIn(ctx);
	// "In his letter, _____ said…": a possessive before the gap, with no one named before it, is the key's.
	const before = ctx.article.text
		.slice(key.sentence.start, key.start)
		.replace(/[“"][^”"]*[”"]/gu, ' ');
	const named = ctx.mentions.some(
		(x) =>
			x.value.kind === 'person' && x.sentence.start === key.sentence.start && x.end <= key.start
	);
	if (
		!named &&
		/\b(?:his|him|himself)\b/iu.test(before) &&
		!/\b(?:her|hers|herself)\b/iu.test(before)
	)
		return genders.of(name) === 'f' ? null : 'm';
	if (
		!named &&
		/\b(?:her|hers|herself)\b/iu.test(before) &&
		!/\b(?:his|him|himself)\b/iu.test(before)
	)
		return genders.of(name) === 'm' ? null : 'f';
	const others = peopleOfSentence(ctx, key.sentence).filter((p) => !samePerson(p, name));
	return gapGender(
		key.sentence.text,
		key.start - key.sentence.start,
		key.end - key.sentence.start,
		others,
		genders.of,
		name,
		genders.paragraph.get(key.sentence.line) ?? null
	);
}

/** Titles of a sovereign or a pope: the gap after one takes only holders of such titles as options. */
const TITLES_HELD = /^(?:King|Queen|Prince|Princess|Pope|Emperor|Empress|Sultan|Emir)$/iu;

/** Whether `text` names `name` as a word, in any case and with a hyphen or space or nothing between its words. */
function spelledIn(text: string, name: string): boolean {
	const words = name
		.split(/[\s\p{Pd}]+/u)
		.filter(Boolean)
		.map(escape);
	if (words.length === 0) return false;
	return new RegExp(`(?<![\\p{L}\\d])${words.join('[\\s\\p{Pd}]*')}(?![\\p{L}\\d])`, 'iu').test(
		text
	);
}

/** The state or country the report writes right after place `name` anywhere ("Cape Canaveral, Florida"). */
function regionOfPlace(text: string, name: string): string | null {
	for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])`, 'gu'))) {
		const region = regionAfter(name, text.slice(m.index + m[0].length, m.index + m[0].length + 40));
		if (region) return region;
	}
	return null;
}

/** The days since 1970 of an ISO day ("2023-12-10"). */
function dayNumber(date: string): number {
	return Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 86_400_000;
}

/** Whether two person names are one person by their surname: "Djokovic" and "Novak Djokovic". */
function samePerson(a: string, b: string): boolean {
	const last = (n: string) =>
		normaliseAnswerText(n.replace(/['’]s$/u, ''))
			.split(/\s+/u)
			.pop() ?? '';
	const [x, y] = [last(a), last(b)];
	return x.length >= 3 && x === y;
}

/** The initials of a name's capitalised words: "European Central Bank" → "ECB". */
function initialsOf(name: string): string {
	return (
		name
			.split(/\s+/u)
			// "U.S. Food and Drug Administration" → "FDA": a country's abbreviation before the name is not in its initials.
			.filter((w) => /^\p{Lu}/u.test(w) && !/\./u.test(w))
			.map((w) => w.charAt(0))
			.join('')
	);
}

/**
 * Whether two names are one body: one the other's initials ("ECB"), the short form the article gives in brackets
 * ("Economic Community of West African States (ECOWAS)"), or the first words of the other ("Economic Community").
 */
export function sameBody(a: string, b: string, text = ''): boolean {
	const [x, y] = [a.trim(), b.trim()];
	if (/^[\p{Lu}.]{2,}$/u.test(x) && initialsOf(y) === x.replace(/\./gu, '')) return true;
	if (/^[\p{Lu}.]{2,}$/u.test(y) && initialsOf(x) === y.replace(/\./gu, '')) return true;
	if (y.startsWith(`${x} `) || x.startsWith(`${y} `)) return true;
	return text.includes(`${x} (${y})`) || text.includes(`${y} (${x})`);
}

function sameValueText(a: string, b: string): boolean {
	return sameValue({ kind: 'place', name: a }, { kind: 'place', name: b });
}

/** How far apart two values are, so that wrong options are plausible: 2,400 is closer to 2,000 than to 6. */
function distance(a: FactValue, b: FactValue): number {
	if (a.kind === 'number' && b.kind === 'number')
		return Math.abs(Math.log((a.amount + 1) / (b.amount + 1)));
	if (a.kind === 'date' && b.kind === 'date')
		return Math.abs(Number(a.date.slice(0, 4)) - Number(b.date.slice(0, 4)));
	return 0;
}

/** The words to replace for a mention: "about 4,500 troops" for a number, "in 2013" for a year. */
function askedWords(m: Mention, sentence: Sentence): { from: number; to: number } {
	const text = sentence.text;
	let from = m.start - sentence.start;
	let to = m.end - sentence.start;
	if (m.value.kind === 'number') {
		const before = text
			.slice(0, from)
			.match(
				/((?:\b(?:some|about|around|nearly|almost|roughly|approximately|an extra|a total of|more than|over|up to|the|an|a)\s+)+)$/iu
			);
		if (before) from -= before[1].length;
		const after = text.slice(to).match(/^(-?\s*(?:[\p{L}-]+\s+){0,3}?)/u);
		// The unit's last word, which a figure with no unit ("the 100m") does not have.
		const unitWord = m.value.unit.split(' ').slice(-1)[0].replace(/s$/u, '');
		const unitEnd = unitWord
			? text.slice(to).search(new RegExp(`${escape(unitWord)}s?\\b`, 'iu'))
			: -1;
		const unitText = unitEnd >= 0 ? text.slice(to + unitEnd).match(/^[\p{L}]+/u) : null;
		if (unitEnd < 40 && after && unitText) to += unitEnd + unitText[0].length;
	} else if (m.value.kind === 'date') {
		const prep = text.slice(0, from).match(/\b(in|on|since|until|by|from)\s+$/iu);
		if (prep) from -= prep[0].length;
	} else {
		const the = text.slice(0, from).match(/\b(the|an?)\s+["“]?$/iu);
		if (the) from -= the[0].length;
		if (m.value.kind === 'person') {
			const title = text.slice(0, from).match(/((?:\p{Lu}[\p{L}’'-]*\s+){1,3})$/u);
			if (title && /President|Minister|General|leader|Chief/u.test(title[1]))
				from -= title[1].length;
		}
	}
	return { from, to };
}

/** Sentences that speak of "the country" or "currently" need the report's date to be answerable. */
/**
 * A wh-question names its report, as gap-fills do: "who said the government would…" is asked of one report
 * ("According to the report “The Bank of Japan ends negative interest rates” (19 March 2024), who…?").
 */
function withContext(prompt: string, ctx: Context): string {
	const name = reportName(ctx.article);
	return `According to ${name}, ${/^(How|Which|Who|In|On|There|The|Some|What|When|Whose)\b/u.test(prompt) ? prompt.charAt(0).toLowerCase() + prompt.slice(1) : prompt}`;
}

/**
 * How many words of a prompt only name its report (not read as the question's own words): the title when the
 * prompt names the report by it, and a wh-question's whole "According to the report of …, ".
 */
function contextWordsIn(prompt: string, article: DraftArticle): number {
	// A gap-fill's lead-in ("In the report of …, after “…”, complete the next sentence: ") is read, not answered.
	const leading = prompt.match(
		/^In the (?:report|[^,]*?), after “.*?”, (?:complete the next sentence|true or false): /u
	);
	if (leading) return leading[0].trim().split(/\s+/u).length;
	const opening = prompt.match(/^According to the report (?:“[^”]*” \([^)]*\)|of [^,]+), /u);
	if (opening) return opening[0].trim().split(/\s+/u).length;
	const title = titleOf(article);
	return title && prompt.includes(`the report “${title}”`) ? title.split(/\s+/u).length : 0;
}

/** How many words of a report's name are its title (they are not read as the question's own words). */
function titleWords(name: string): number {
	return name.match(/“([^”]*)”/u)?.[1].split(/\s+/u).length ?? 0;
}

function tagsFor(v: FactValue | undefined, kind: Draft['kind']): string[] {
	const tags = ['drafted'];
	if (kind === 'timeline') tags.push('timeline');
	else if (v?.kind === 'number' && unitClass(v.unit) === 'troops') tags.push('troop-numbers');
	else if (v?.kind === 'date') tags.push('timeline');
	else if (v?.kind === 'person' || v?.kind === 'organisation') tags.push('actors');
	else if (v?.kind === 'place') tags.push('places');
	else if (v?.kind === 'operation') tags.push('operations');
	return tags;
}

/**
 * A key for a draft that stays the same when the same article is drafted again, and differs between two drafts
 * whatever the length of their words: a readable start and a hash of the whole.
 */
function draftKey(kind: string, text: string): string {
	const words = normaliseAnswerText(text).replace(/\s+/gu, '-').slice(0, 40).replace(/-+$/u, '');
	return `${kind}-${words}-${hashOf(`${kind} ${text}`)}`;
}

/** Bank questions citing a fact of this article whose quote overlaps `span` and states the same value. */
function similarQuestions(
	ctx: Context,
	span: { start: number; end: number },
	value?: FactValue
): string[] {
	const own = ctx.bank.articles.find((a) => a.slug === ctx.article.slug);
	if (!own) return [];
	const facts = ctx.bank.facts.filter((f) => {
		if (f.article !== ctx.article.slug) return false;
		const at = findQuote(own.text, f.quote);
		if (!at || at.end <= span.start || span.end <= at.start) return false;
		return !value || !f.value || (f.value.kind === value.kind && sameValue(f.value, value));
	});
	const ids = new Set(facts.map((f) => f.id));
	return ctx.bank.questions.filter((q) => q.facts.some((f) => ids.has(f))).map((q) => q.id);
}

/** The report as a prompt names it: "the report of 31 January 2022" (a quiz mixes articles). */
export function reportName(article: DraftArticle): string {
	// An article of the bank goes by its `cited_as`, the name questions:check looks for in a prompt.
	if (article.citedAs) return `the ${article.citedAs}`;
	const date = formatDate(article.eventDate);
	// A quiz mixes reports: "the board", "which match" are answerable only with the report's subject, its title.
	// (A title that states the key falls back to the date: see namedByDate.)
	const title = titleOf(article);
	if (title) return `the report “${title}” (${date})`;
	return `the report of ${date}`;
}

function titleOf(article: DraftArticle): string {
	return article.title.trim().replace(/["“”]/gu, '');
}

/** The texts a reader chooses among or judges: the options, the typed answer, a claim's value and its swap. */
function answerTexts(d: Draft): string[] {
	const q = d.question;
	if (q.type === 'single' || q.type === 'multiple') return q.options.map((o) => o.text);
	if (q.type === 'numeric') return [String(q.answer)];
	if (q.type === 'true_false') {
		const swapped = q.explanation.match(/, not (.+)\.$/u)?.[1];
		return [...(d.value ? [valueText(d.value)] : []), ...(swapped ? [swapped] : [])];
	}
	return [];
}

/** Whether the title states one of the texts: "2023" or "India" in "Australia beat India in the 2023 … final". */
function titleStates(title: string, texts: string[]): boolean {
	const words = ` ${normaliseAnswerText(title)} `;
	return texts.some((t) => {
		const n = normaliseAnswerText(t);
		// "November 1994" under "…its biggest increase since 1994": the year gives the day away (the twenty-third
		// reading's F22).
		const year = /\b(?:1[89]|20)\d\d\b/u.exec(n)?.[0];
		return n !== '' && (words.includes(` ${n} `) || (!!year && words.includes(` ${year} `)));
	});
}

/**
 * A prompt naming its report by a title that states the key (or an option no other can replace) gives it away:
 * the report is named by its date only, and a draft whose words lean on the article's subject (which only the
 * title would name) is dropped. Wrong options the title states are left out while two others remain.
 */
function namedByDate(ctx: Context, drafts: Draft[]): Draft[] {
	const title = titleOf(ctx.article);
	if (ctx.article.citedAs || !title) return drafts;
	const date = formatDate(ctx.article.eventDate);
	const titled = `the report “${title}” (${date})`;
	return drafts.filter((d) => {
		if (!d.question.prompt.includes(titled) || !titleStates(title, answerTexts(d))) return true;
		const q = d.question;
		if (
			q.type === 'single' &&
			!titleStates(
				title,
				q.options.filter((o) => o.correct).map((o) => o.text)
			)
		) {
			const kept = q.options.filter((o) => o.correct || !titleStates(title, [o.text]));
			if (kept.length >= 3) {
				d.question = { ...q, options: kept };
				return true;
			}
		}
		// Who said quoted words needs no context to name the speaker: the report's date alone tells it apart.
		if (
			d.form !== 'who-said' &&
			leansOnArticle(d.quote, ctx.article.text.slice(0, d.span.start), title)
		)
			return false;
		// The same draft object, its prompt renamed: its placement (giveAway) is keyed by it.
		d.question = { ...q, prompt: q.prompt.replace(titled, `the report of ${date}`) };
		return true;
	});
}

/** Nouns a definite "the" may put before a thing of any report: they lean on nothing said before. */
const STANDALONE_NOUNS =
	/^(first|last|same|world|country|capital|year|month|week|day|time|end|start|beginning|rest|number|average|past|future|following|latter|former|most|highest|lowest|largest|biggest|smallest)$/u;

/**
 * Whether the shown words lean on something the article named before them (`before`: the article's text up to
 * the sentence): a pronoun ("voted against it"), a demonstrative ("that research"), "The Serbian" for a player, or
 * a definite noun the article or its title used earlier ("the operation", "the company", "the central bank").
 */
function leansOnArticle(shown: string, before: string, title: string): boolean {
	if (/\b(?:it|they|them|this|these|those)\b/iu.test(shown)) return true;
	if (/(?:^|\b(?:of|from|in|on|at|by|for|with|after|before|to)\s+)that\s+\p{Ll}/iu.test(shown))
		return true;
	if (/^(?:…\s*)?The\s+\p{Lu}\p{Ll}+(?:ian|ese|ish|i|an)\b(?!\s+\p{Lu})/u.test(shown)) return true;
	// "The operation took place…": a sentence opening on a definite thing speaks of one the story is about.
	const opening = shown.match(/^(?:…\s*)?The\s+(\p{Ll}[\p{Ll}-]+)/u);
	if (opening && !STANDALONE_NOUNS.test(opening[1])) return true;
	const earlier = ` ${normaliseAnswerText(`${title} ${before}`)} `;
	for (const m of shown.matchAll(/\b[Tt]he\s+(\p{Ll}[\p{Ll}-]+)(?:['’]s)?\b/gu)) {
		const noun = m[1];
		if (noun.length < 4 || STANDALONE_NOUNS.test(noun)) continue;
		if (earlier.includes(` ${noun} `) || earlier.includes(` ${noun}s `)) return true;
	}
	return false;
}

/**
 * Made-up years (or days) around the key, a set chosen per question and the rest as spares: one fixed set (three
 * before and two after) made the key the second latest of every such question, which a test-wise student learns
 * (the twenty-fourth reading). Each set puts the key at another place, from earliest to latest.
 */
const YEAR_SHIFTS = [
	[-3, 2, -5],
	[2, 5, -3],
	[-2, -4, -7],
	[1, 3, 6]
];
const DAY_SHIFTS = [
	[-7, 5, -3],
	[4, 9, -5],
	[-4, -9, -12],
	[3, 7, 11]
];

function shiftsFor(sets: number[][], seed: string): number[] {
	const chosen = sets[parseInt(hashOf(seed), 16) % sets.length];
	return [...new Set([...chosen, ...sets.flat()])];
}

/**
 * Years of the article and the bank far from the key ("1990, 2013, 2014" for "from _____ to 1968") give the
 * answer away: years close to it that the article never states take their place.
 */
function withNearbyYears(
	ctx: Context,
	m: Mention,
	wrong: { texts: string[]; own: number }
): { texts: string[]; own: number } {
	if (m.value.kind !== 'date' || m.value.date.length !== 4) return wrong;
	const year = Number(m.value.date);
	const near = wrong.texts.filter((t) => Math.abs(Number(t) - year) <= 8);
	if (near.length >= OPTIONS_PER_QUESTION - 1) return wrong;
	const stated = new Set(
		ctx.mentions.flatMap((x) => (x.value.kind === 'date' ? [x.value.date.slice(0, 4)] : []))
	);
	// Years on the side of the report's date that the sentence speaks of, as for the article's own years.
	const future = speaksOfFuture(ctx.article.text.slice(m.sentence.start, m.start));
	const sided = onSideOf(m.value.date, ctx.article.eventDate, future);
	const texts = [...near];
	for (const shift of shiftsFor(YEAR_SHIFTS, `${year} ${m.sentence.text}`)) {
		const y = String(year + shift);
		if (sided && !onSideOf(y, ctx.article.eventDate, future)) continue;
		if (!stated.has(y) && !texts.includes(y)) texts.push(y);
		if (texts.length === OPTIONS_PER_QUESTION - 1) break;
	}
	return { texts, own: wrong.own };
}

/**
 * A day with too few of the report's own days to offer ("certified on Oct. 25", the only day of its year): days of
 * the same month that the report does not state, on the side of the report's date its sentence speaks of, as for
 * years. Read as the key is read ("18 October").
 */
function withNearbyDays(
	ctx: Context,
	m: Mention,
	reading: (v: FactValue) => string,
	wrong: { texts: string[]; own: number }
): { texts: string[]; own: number } {
	if (m.value.kind !== 'date' || m.value.date.length !== 10) return wrong;
	if (wrong.texts.length >= OPTIONS_PER_QUESTION - 1) return wrong;
	// "April 25 and 26": the first day of a range; another day beside "and 26" would not read.
	if (/^\s*(?:and|to|-|–)\s*\d/u.test(ctx.article.text.slice(m.end, m.sentence.end))) return wrong;
	const [y, mo, d] = m.value.date.split('-').map(Number);
	const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
	const stated = new Set(
		ctx.mentions.flatMap((x) => (x.value.kind === 'date' ? [x.value.date] : []))
	);
	const future = speaksOfFuture(ctx.article.text.slice(m.sentence.start, m.start));
	const sided = onSideOf(m.value.date, ctx.article.eventDate, future);
	const texts = [...wrong.texts];
	for (const shift of shiftsFor(DAY_SHIFTS, `${m.value.date} ${m.sentence.text}`)) {
		if (d + shift < 1 || d + shift > days) continue;
		const date = `${m.value.date.slice(0, 8)}${String(d + shift).padStart(2, '0')}`;
		if (stated.has(date) || (sided && !onSideOf(date, ctx.article.eventDate, future))) continue;
		const text = reading({ kind: 'date', date });
		if (!texts.includes(text) && text !== reading(m.value)) texts.push(text);
		if (texts.length === OPTIONS_PER_QUESTION - 1) break;
	}
	return { texts, own: wrong.own };
}

/** The numbers written in digits in a text: "some 2,400 of them" → 2400. */
function numbersOf(text: string): number[] {
	return (text.match(/\d[\d,]*(?:\.\d+)?/gu) ?? []).map((n) => Number(n.replace(/,/gu, '')));
}

/** A count written in digits or in words ("411", "eight"), else null. */
function countIn(text: string): number | null {
	const word = NUMBER_WORDS.indexOf(text.trim().toLowerCase());
	if (word >= 0) return word;
	return /^\d[\d,]*(?:\.\d+)?$/u.test(text.trim()) ? Number(text.replace(/,/gu, '')) : null;
}

const COUNT = String.raw`(\d[\d,]*|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const PART_BEFORE = new RegExp(
	String.raw`\b${COUNT}\s+(?:out\s+)?of\s+(?:the|its|their|his|her|all)?\s*(?:[\p{L}'’]+\s+)?$`,
	'iu'
);
const WHOLE_AFTER = new RegExp(
	String.raw`^(?:\s+[\p{L}-]+){0,8}?\s+(?:among|of|out of)\s+(?:the|its|their|his|her)\s+(?:[\p{L}'’]+\s+)?${COUNT}\b`,
	'iu'
);

/**
 * The bounds a count's sentence sets on it: "411 of the _____ seats" is more than 411; "_____ forwards… among
 * their eight replacements" fewer than eight. `computed` when the sentence gives the whole and the other part
 * ("seven forwards and just one back among their eight"): it answers its own gap. Null for other values.
 */
function numberLimits(
	ctx: Context,
	m: Mention
): { above: number; below: number; computed: boolean } | null {
	if (
		m.value.kind !== 'number' ||
		!/^\s*[\d\p{L}][\d,.\p{L}]*\s*$/u.test(ctx.article.text.slice(m.start, m.end))
	)
		return null;
	const before = ctx.article.text.slice(m.sentence.start, m.start);
	const after = ctx.article.text.slice(m.end, m.sentence.end);
	const part = before.match(PART_BEFORE);
	const whole = after.match(WHOLE_AFTER);
	const above = part ? (countIn(part[1]) ?? -Infinity) : -Infinity;
	const below = whole ? (countIn(whole[1]) ?? Infinity) : Infinity;
	const key = m.value.amount;
	if (!(key > above && key < below)) return null;
	const others = m.sentence.text
		.split(/[^\p{L}\d,.]+/u)
		.map((w) => countIn(w.replace(/[,.]$/u, '')))
		.filter((n): n is number => n !== null);
	const computed =
		below !== Infinity && others.some((n) => n !== key && n !== below && n + key === below);
	return { above, below, computed };
}

/**
 * The bounds a range sets on its ends: "between _____ and 28.6%" is below 28.6, "between 26.6% and _____" above
 * 26.6 (and "from … to …" alike). An option on the wrong side of the other end is no end of that range.
 */
function rangeLimits(
	ctx: Context,
	m: Mention
): { above: number; below: number; computed: false } | null {
	if (m.value.kind !== 'number') return null;
	const before = ctx.article.text.slice(m.sentence.start, m.start);
	const after = ctx.article.text.slice(m.end, m.sentence.end);
	const figure = String.raw`[$€£]?\s*(\d[\d,]*(?:\.\d+)?)(?:\s+(million|billion|trillion))?`;
	const unit = String.raw`\s*(?:%|per\s*cent|percent)?`;
	const amount = (x: string, scale?: string) =>
		Number(x.replace(/,/gu, '')) * (scale ? SCALES[scale.toLowerCase()] : 1);
	// "from _____ to 28.6%", or a sum's "_____ to $14 million" without "from".
	const sum = /^[$€£]/u.test(ctx.article.text.slice(m.start, m.end).trim());
	if (sum || /\b(?:between|from)\s+[$€£]?\s*$/iu.test(before)) {
		const upper = after.match(new RegExp(`^${unit}\\s+(?:and|to)\\s+${figure}`, 'iu'));
		if (upper && amount(upper[1], upper[2]) > m.value.amount)
			return { above: -Infinity, below: amount(upper[1], upper[2]), computed: false };
	}
	const lower = before.match(
		new RegExp(`\\b(?:between|from)\\s+${figure}${unit}\\s+(?:and|to)\\s+[$€£]?\\s*$`, 'iu')
	);
	if (lower && amount(lower[1], lower[2]) < m.value.amount)
		return { above: amount(lower[1], lower[2]), below: Infinity, computed: false };
	// "…which had climbed above 5%…, fell to about _____": a fall ends below the figure it fell from, a rise above
	// (the twenty-second reading's B4 offered 9.9% there).
	const moved =
		/\b(?:(fell|dropped|declined|eased|slipped|sank|tumbled)|rose|climbed|jumped|surged|increased)\s+(?:back\s+)?to\s+(?:about\s+|around\s+|roughly\s+|some\s+)?[$€£]?\s*$/iu.exec(
			before
		);
	if (moved) {
		const share = /%|per\s*cent/iu.test(ctx.article.text.slice(m.start, m.end + 9));
		const earlier = [
			...before
				.slice(0, moved.index)
				.matchAll(new RegExp(`${figure}${share ? String.raw`\s*(?:%|per\s*cent)` : ''}`, 'giu'))
		].at(-1);
		const from = earlier ? amount(earlier[1], earlier[2]) : null;
		if (from !== null && moved[1] && from > m.value.amount)
			return { above: -Infinity, below: from, computed: false };
		if (from !== null && !moved[1] && from < m.value.amount)
			return { above: from, below: Infinity, computed: false };
	}
	return null;
}

const SCALES: Record<string, number> = { million: 1e6, billion: 1e9, trillion: 1e12 };

/** Counts the drafter reads and writes in words, by value. */
export const NUMBER_WORDS = [
	'zero',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten',
	'eleven',
	'twelve'
];

/**
 * A count the sentence spells out ("two goals", "Eight candidates"): the key as written and three neighbours
 * in words (never one its sentence also states), written with the key's capital. Null for other numbers.
 */
function numberWordsAround(written: string, m: Mention): { key: string; wrong: string[] } | null {
	const at = NUMBER_WORDS.indexOf(written.toLowerCase());
	if (at < 2 || m.value.kind !== 'number' || m.value.amount !== at) return null;
	const capital = /^\p{Lu}/u.test(written);
	const inSentence = new Set(
		m.sentence.text
			.toLowerCase()
			.split(/[^a-z]+/u)
			.filter((w) => NUMBER_WORDS.includes(w))
	);
	const wrong: string[] = [];
	for (const shift of [1, -1, 2, 3, -2, 4]) {
		const n = at + shift;
		const word = NUMBER_WORDS[n];
		if (n < 2 || !word || inSentence.has(word)) continue;
		wrong.push(capital ? word.charAt(0).toUpperCase() + word.slice(1) : word);
		if (wrong.length === OPTIONS_PER_QUESTION - 1) break;
	}
	return wrong.length >= 2 ? { key: written, wrong } : null;
}

// Nouns a report uses for what it named before ("The party", "the card", "the six men"): without the sentence
// before, the reader cannot tell which party or card.
const BACK_NOUNS =
	'party|company|group|side|team|men|women|workers|ship|vessel|bridge|card|firm|club|couple|pair|victims';
const LEANING = [
	// Opening the sentence, or its main clause after an opening phrase ("After a review…, the card was upgraded").
	new RegExp(
		String.raw`^["“]?(?:[^,;"“”]{0,80},\s+)?[Tt]he\s+(?:[^\s\p{Lu}]+\s+){0,3}?(?:${BACK_NOUNS})\b`,
		'u'
	),
	// Anywhere: "outside the same door", "took his place".
	/\b[Tt]he same\s+(?!(?:time|day|year|period|morning|afternoon|evening|night|week|month|season|way|age)\b)\p{Ll}+/u,
	/\b(?:took|take|takes|taking)\s+(?:his|her|their)\s+place\b/u
];

/**
 * Whether a quoted sentence leans on what came before it in a way a prompt cannot name: "The party won…", "the
 * same door", "his place", "a member of its senior team" (no body named before "its"). Such a sentence is not
 * drafted: a guess at the referent could be wrong.
 */
function leansOnBefore(ctx: Context, s: Sentence, from: number, to: number): boolean {
	const quoted = ctx.article.text.slice(from, to);
	if (LEANING.some((re) => re.test(quoted))) return true;
	const its = /\bits\b/u.exec(quoted);
	if (its) {
		const at = from + its.index;
		const body = ctx.mentions.some(
			(x) =>
				x.sentence.start === s.start &&
				x.start >= from &&
				x.end <= at &&
				(x.value.kind === 'organisation' || x.value.kind === 'place')
		);
		// "The Coast Guard called off its search", "The lander… on its side": a body or a thing named before "its".
		if (!body && !/\b[Tt]he\s/u.test(quoted.slice(0, its.index))) return true;
	}
	return false;
}

/** "the country's first women's world champion": a country the sentence before names. */
// (Not after the gap or a country's possessive in the same words: "_____'s Luna-25, the country's first…".)
const COUNTRY_BACK = /(?<!(?:_____|\p{Lu}\p{Ll}+['’]s\s)[^.;]*)\b[Tt]he\s+country['’]s\b/u;
/** "After four draws the Russian led 6-5": a person by nationality inside the sentence, before its verb. */
const MID_DEMONYM =
	/\bthe\s+(?:Dane|Swede|Finn|Pole|Scot|Briton|Turk|Dutchman|Dutchwoman|\p{Lu}\p{Ll}+(?:ian|ean|ese|ish|an|i))\s+(?:was|is|had|has|will|would|could|took|won|wins|lost|led|leads|made|said|beat|drew|\p{Ll}+ed)\b/u;

/**
 * Whether a lead-in names what `text` leaves unnamed: one person for "the Russian", a country for "the
 * country's". Other words that lean back take any lead-in.
 */
function leadInNames(ctx: Context, previous: Sentence, text: string): boolean {
	if (MID_DEMONYM.test(text) && !namesOnePerson(ctx, previous)) return false;
	if (
		COUNTRY_BACK.test(text) &&
		!ctx.mentions.some(
			(x) =>
				x.value.kind === 'place' &&
				x.start >= previous.start &&
				x.end <= previous.end &&
				(x.label === 'country' || isCountry(x.value.name))
		)
	)
		return false;
	return true;
}

// "The Dutch coach lost…", "The French president said…": a person the sentence before named, by office alone
// (not "The coach Pieter Aalders…").
const OFFICE_OPENING =
	/^["“]?The\s+(?:\p{Lu}\p{Ll}+\s+)?(?:coach|manager|captain|president|prime minister|minister|leader|scientist|striker|goalkeeper|chancellor|monarch)\b(?!\s+\p{Lu})/u;

// Words that stand for something the sentence before named: "those it releases", "the regulator", "that
// ruling", "those fears", "such cuts", "The gap", "at the time", "the company", "them both".
const BACK_REFERENCES = [
	/\b(?:those|these)\s+(?:it|he|she|they|we)\b/u,
	// ("the takeover", "the merger" are the report's own subject, which its title names.)
	/\b[Tt]he\s+(?:regulator|company|gap|ruling|runoff|authority)\b/u,
	// "Among them was…", "…, he said.": who they are, or who spoke, the sentence before says (the fourteenth reading).
	/^(?:…\s*)?["“]?Among (?:them|those|these)\b/u,
	/,\s+(?:he|she|they)\s+(?:said|added|says)\b/u,
	// "that ruling" after a verb or preposition ("is appealing that ruling"), not "said that about 50…".
	/(?:^|\b(?:of|from|in|on|at|by|for|with|after|before|to|ease|appealing|appeal|against)\s+)(?:[Tt]hat|[Tt]his)\s+(?:ruling|decision|verdict|deal|move|plan|vote|fear|result)s?\b/u,
	/\b(?:[Tt]hose|[Tt]hese|[Ss]uch)\s+(?!(?:who|which|that|of|in|with|are|were|have|had|would|will|could)\b)\p{Ll}{3,}/u,
	/\bat the time\b/u,
	// "the same day", "it sank" after an opening phrase, "became the fifth last month": which day, what "it" is, the
	// fifth what, the sentence before says (the twenty-second reading's B7, B9, O16).
	/\bthe same (?:day|week|month|year|night|morning|afternoon|evening)\b/u,
	/^["“]?(?:In|On|At|By|After|Before|During|Since|Until|Later|Earlier|Early|Late)\b[^,;:"“]*?\s(?:it|they)\s+(?!(?:said|says)\b)\p{Ll}/u,
	/\bthe\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?=\s+(?:last|this|on|in|with|after|when|since|to)\b|[,.;])/u,
	// "She won her first, in London": the first what, the sentence before says.
	/\b(?:his|her|their|its)\s+(?:first|second|third|fourth|fifth|last|next|latest)(?=\s*[,.;])/u,
	/\b(?:them|us) both\b/u,
	// "A day later, …", "passed that mark", "had been kept there": later than what, which mark, where, the sentence
	// before says (the eighteenth and nineteenth readings: A21, B3, B15, N11).
	/^["“]?(?:(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Aa] few)\s+(?:hours?|days?|weeks?|months?|years?)|[Hh]ours|[Dd]ays|[Ww]eeks|[Mm]onths|[Yy]ears)\s+later\b/u,
	// "…have since been given", "…none had taken the American title": since when, none of whom, the sentence
	// before (or the clause the prompt cuts off) says (the twenty-first reading's W7, R3).
	/\b(?:has|have|had)\s+since\b/u,
	/^["“]?(?:[Nn]one|[Nn]either)\s+(?:of\s+them\s+)?(?:had|have|has|was|were|is|are|could|would|will)\b/u,
	/\bthat\s+(?:mark|figure|level|threshold|total|record)\b/u,
	/\b(?:kept|stored|lived|stayed|been|remained|held|left)\s+there\b/u,
	OFFICE_OPENING,
	// "The result denied Philipsen…", "The move follows…": what the sentence before told.
	/^["“]?The\s+(?:result|move|decision)\b/u,
	// "They published the finding in 2005": what the sentence before found.
	/\b[Tt]he\s+(?:finding|findings|discovery)\b/u,
	// "Each player had 35 minutes for the game", "the problem spread", "The glow could be seen": which one, the
	// sentence before says (issue 16, the tenth reading).
	/\b[Tt]he\s+(?:game|problem|glow|repair|team|squad)\b/u,
	/\b[Tt]hat\s+(?:match|game|race|fight|eruption|tournament|season|event|final)\b/u,
	// "the two would have gone on…", "The timing meant…", "Further eruptions followed…", "checkouts there went
	// down", "has held it since 2018": which two, whose timing, further to what, where, and what "it" is.
	/\b[Tt]he two\s+(?:would|will|had|have|were|are|could|should|shared|met|played|drew)\b/u,
	/\b[Tt]he timing\b/u,
	/^["“]?Further\s+\p{Ll}+/u,
	/\b\p{Ll}+s\s+there\s+(?!(?:is|are|was|were|will|would|had|has|have|said|says|say)\b)\p{Ll}+/u,
	/\b(?:has|have|had)\s+held\s+it\b/u,
	// "Twitter sued days later", "resigned the next day", "That account fell apart", "that evening", "the judge put
	// the case on hold": later than what, which account, which judge (issue 16, the thirteenth reading).
	/(?<!\b(?:\d+|a\s+few|two|three|four|five|six|seven|eight|nine|ten)\s+)\b(?:days|weeks|months)\s+later\b/u,
	/\b[Tt]he\s+(?:next|following)\s+(?:day|morning|evening|night|week)\b/u,
	/\b[Tt]hat\s+(?:evening|morning|night|afternoon|account|claim|version|statement)\b/u,
	/\b[Tt]he\s+(?:judge|appointment|two\s+sides)\b/u,
	COUNTRY_BACK,
	MID_DEMONYM
];

/** A sentence that opens on "He", "She", "His" or "Her" is read after one that names a person, or not at all. */
const PERSON_PRONOUN_OPENING = /^["“]?(?:He|She|His|Her)\b/u;

/** "The Dane", "The 24-year-old Slovenian", "The Frenchman", "The 26-year-old": a person by nationality or age. */
const DEMONYM_OPENING =
	/^["“]?The\s+(?:(?:\d+|[a-z]+(?:-[a-z]+)?)-year-old(?:\s+(\p{Lu}\p{Ll}+))?|(\p{Lu}\p{Ll}+))\s+(\p{Ll}[\p{L}-]*)/u;
const AGE_OPENING =
	/^["“]?The\s+(?:\d+|[a-z]+(?:-[a-z]+)?)-year-old(?:,|\s+\p{Ll}+\s+(\p{Ll}[\p{L}-]*))/u;
/** Nouns of nationality compromise does not tag as such ("Dane", "Swede", "Frenchman"). */
const DEMONYM_NOUN =
	/^(?:Dane|Swede|Finn|Pole|Scot|Briton|Turk|Greek|Czech|Slovak|Thai|Swiss|Dutchman|Dutchwoman|\p{Lu}\p{Ll}+(?:man|woman)|\p{Lu}\p{Ll}+(?:ian|ean|ese|ish|an|i))$/u;

/**
 * Whether a sentence opens on a person it names only by nationality or age ("The Dane led…", "The 24-year-old
 * Slovenian recovered…"), the noun followed by its verb (not "The Dutch team…", "The Italian government…").
 */
function demonymOpening(text: string): boolean {
	// "The 29-year-old, a double Olympic champion, …", "The 77-year-old leftist took…": by age and a common noun.
	const aged = AGE_OPENING.exec(text);
	if (aged && !aged[1]) return true;
	if (aged) {
		const opening = text.slice(0, aged.index + aged[0].length);
		const tags =
			((nlp(opening).json() as { terms: { tags: string[] }[] }[])[0]?.terms ?? []).at(-1)?.tags ??
			[];
		if (tags.includes('Verb')) return true;
	}
	const m = text.match(DEMONYM_OPENING);
	if (!m) return false;
	const noun = m[1] ?? m[2];
	if (noun && (!DEMONYM_NOUN.test(noun) || isCountry(noun))) return false;
	// The word after the noun is its verb ("led", "recovered"), never a noun it qualifies ("team").
	const next = (nlp(m[3]).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? [];
	const opening = text.slice(0, text.indexOf(m[3]) + m[3].length);
	const tags =
		((nlp(opening).json() as { terms: { tags: string[] }[] }[])[0]?.terms ?? []).at(-1)?.tags ?? [];
	return (
		[next, tags].some((t) => t.includes('Verb') || t.includes('Adverb')) && !tags.includes('Noun')
	);
}

/** Whether a claim's opening speaks of a person it does not name ("She…", "The Dutch coach…", "The Dane…"). */
function needsPerson(text: string): boolean {
	return PERSON_PRONOUN_OPENING.test(text) || OFFICE_OPENING.test(text) || demonymOpening(text);
}

/**
 * Whether the lead-in `previous` names a person: one the drafter found in it, or the name or surname of one of the
 * report's people in its words ("Karikó's path was harder.", too short to be read for values).
 */
function namesPerson(ctx: Context, previous: Sentence): boolean {
	const words = ` ${normaliseAnswerText(previous.text.replace(/['’]s\b/gu, ''))} `;
	// "Pollard had not been…", "Karikó's path…", "Kiptum, who is 23…": a lead-in opening on a name the lexicon does
	// not know.
	const [first, second] =
		(nlp(previous.text).json() as { terms: { text: string; post: string; tags: string[] }[] }[])[0]
			?.terms ?? [];
	if (
		first &&
		second &&
		/^\p{Lu}/u.test(first.text) &&
		first.tags.includes('Noun') &&
		!['Place', 'Organization', 'Demonym', 'Pronoun', 'Plural', 'Date'].some((t) =>
			first.tags.includes(t)
		) &&
		(first.tags.includes('Possessive') || second.tags.includes('Verb') || /,/u.test(first.post))
	)
		return true;
	return ctx.mentions.some(
		(x) =>
			x.value.kind === 'person' &&
			((x.start >= previous.start && x.end <= previous.end) ||
				words.includes(` ${normaliseAnswerText(x.value.name)} `) ||
				words.includes(` ${normaliseAnswerText(x.value.name.split(/\s+/u).slice(-1)[0])} `))
	);
}

/**
 * Whether the lead-in names one person and no other, nor anyone by a pronoun: "The Dane…" after "…he was never far
 * ahead of Pogacar" could be either of them.
 */
function namesOnePerson(ctx: Context, previous: Sentence): boolean {
	if (/\b(?:he|she|him|his|her|they|them)\b/iu.test(previous.text)) return false;
	const named = new Set(
		ctx.mentions
			.filter(
				(x) => x.value.kind === 'person' && x.start >= previous.start && x.end <= previous.end
			)
			.map((x) => ('name' in x.value ? x.value.name : ''))
	);
	return named.size === 1;
}

/**
 * Whether the lead-in names one person and opens on them ("Boric, 36, became…"): its "he" is that person, and so
 * is a "his" in the clause read after it.
 */
function opensOnOnePerson(ctx: Context, previous: Sentence): boolean {
	const named = ctx.mentions.filter(
		(x) => x.value.kind === 'person' && x.start >= previous.start && x.end <= previous.end
	);
	const names = new Set(named.map((x) => ('name' in x.value ? x.value.name : '')));
	if (names.size !== 1) return false;
	const opening = ctx.article.text.slice(previous.start, previous.end).replace(/^["“\s]+/u, '');
	return (
		named.some(
			(x) => ctx.article.text.slice(previous.start, x.start).trim().replace(/^["“]/u, '') === ''
		) || !PERSONAL_PRONOUN.test(opening)
	);
}

/** Whether `text` leans on the sentence before it: a pronoun, "the same…", "the finding", "The Dutch coach". */
function leansOn(ctx: Context, s: Sentence, text: string): boolean {
	return (
		PRONOUN_OPENING.test(text) ||
		demonymOpening(text) ||
		leansOnBefore(ctx, s, s.start, s.end) ||
		BACK_REFERENCES.some((re) => re.test(text))
	);
}

// Craft a title can name two of ("A jet and a coast guard plane collide"), and the bare words that would then
// leave the reader asking which one ("the aircraft's eight exits").
const CRAFT =
	/\b(?:jet|plane|aircraft|airliner|turboprop|helicopter|ship|vessel|boat|ferry|tanker|train|car|lorry|truck|bus)s?\b/giu;
const BARE_CRAFT =
	/\b[Tt]he\s+(?:aircraft|plane|jet|ship|vessel|boat|train|helicopter|craft)(?:['’]s)?(?![\p{L}-])/u;

// Those on board a craft, and its parts: "all passengers and crew members evacuated through three emergency exits".
const ON_BOARD = /\b(?:passengers?|crew|crew members?|emergency exits?|cabin)\b/iu;

/**
 * Whether `text` speaks of "the aircraft" (or plane, ship…), or of passengers, crew or exits with no name to say
 * whose, when the report's title names two craft.
 */
function unnamedCraft(ctx: Context, text: string): boolean {
	if ((ctx.article.title.match(CRAFT) ?? []).length < 2) return false;
	const bare = BARE_CRAFT.exec(text);
	// "…on board the JAL Airbus A350… engulfed the jet": a name before it says which.
	if (bare && !/\s\p{Lu}/u.test(text.slice(1, bare.index))) return true;
	// "…, and all passengers and crew members evacuated…" cut from "…,” JAL spokesperson Maggie Kuwasaki said.": a
	// name anywhere in the shown words (the airline, its spokesperson) says whose.
	return ON_BOARD.test(text) && !/[\s“"]\p{Lu}/u.test(text.slice(1));
}

// A pronoun of one person ("his first six months"); "they" and "their" most often stand for a group the clause names.
const PERSONAL_PRONOUN = /\b(?:he|she|him|his|her)\b/iu;
// "he"/"she" as the subject of the main clause after a fronted phrase ("The Olympic champion in Tokyo, she had…").
const FRONTED_PRONOUN = /^[^"“,]+,\s(?:he|she)\s(?!(?:said|says|told|added)\b)/u;

/**
 * Whether words of the article from `from` to `to` hold "he", "his", "her"… before they name any person ("Red Bull
 * argued he should have handed the place back"): whom the pronoun stands for, only the sentence before can say.
 */
// Capitalised words that open a sentence without naming anyone.
const SENTENCE_OPENERS =
	/^(?:The|A|An|In|On|At|After|Before|Last|This|That|These|Those|Instead|When|While|Whoever|Under|For|With|By|From|Since|During|As|It|Its|If|Then|Now|Once|Until|Although|Though|Because|Clearing|Asked|Speaking)$/u;

function pronounBeforeAnyPerson(ctx: Context, from: number, to: number): boolean {
	const words = ctx.article.text.slice(from, to);
	// A pronoun opening the sentence is named from the sentence before where it is read (personBefore), and so is
	// a second one after it ("He said he…"). Possessives ("In his letter, Johnson said") most often look ahead.
	if (/^["“‘]?(?:He|She|His|Her|They)\b/u.test(words)) return false;
	const of = gendersIn(ctx).of;
	const people = (to: number) =>
		ctx.mentions.filter((x) => x.start >= from && x.end <= to && x.value.kind === 'person');
	// "Tim Henman, a former British number one who has followed her run": a pronoun of a gender nobody named
	// before it has.
	const possessive = /(?<=\S\s+)\b(?:her|his)\b/u.exec(maskQuotes(words));
	if (possessive) {
		const other = possessive[0] === 'her' ? 'm' : 'f';
		const before = people(from + possessive.index);
		if (before.length > 0 && before.every((x) => of(valueText(x.value)) === other)) return true;
		// "Outside the courthouse, his U.S. lawyer, Barry Pollack, said…": the name in apposition is the lawyer's, not
		// whom "his" stands for (the twenty-second reading's A5).
		const apposed = /^(?:\s+[\p{L}.'’-]+){1,4},\s+/u.exec(
			words.slice(possessive.index + possessive[0].length)
		);
		const at = from + possessive.index + possessive[0].length + (apposed?.[0].length ?? 0);
		// Only where "his" opens the clause after a fronted phrase: "The WikiLeaks founder… hugged his wife, Stella,"
		// is the subject's.
		if (
			before.length === 0 &&
			/^(?:[^,]*,)?\s*$/u.test(words.slice(0, possessive.index)) &&
			apposed &&
			// ("In his letter, Sand said…": no apposition, whose name a comma would close; "his" looks ahead.)
			ctx.mentions.some(
				(x) => x.value.kind === 'person' && x.start === at && ctx.article.text[x.end] === ','
			)
		)
			return true;
	}
	const pronoun = /(?<=\S\s+)\b(?:he|she|him)\b/u.exec(words);
	if (!pronoun) return false;
	const other = pronoun[0] === 'she' ? 'm' : 'f';
	const at = from + pronoun.index;
	// "the 31-year-old… against him": someone the clause names without a name.
	if (/\bthe\s+(?:\d+-year-old|man|woman)\b/u.test(words.slice(0, pronoun.index))) return false;
	// Only bodies and places named before it: "Red Bull argued he…". Any other capitalised word may be a person the
	// tagger did not read as one ("Kohli made 54 before he…").
	const named = ctx.mentions.filter(
		(x) => x.start >= from && x.end <= at && x.value.kind !== 'number' && x.value.kind !== 'date'
	);
	if (named.some((x) => x.value.kind === 'person' && of(valueText(x.value)) !== other))
		return false;
	// Nor a date's words ("on Wednesday", "the Sept. 11 attacks").
	const rest = [...words.slice(0, pronoun.index).matchAll(/\p{Lu}[\p{L}'’-]*/gu)].filter(
		(w) =>
			!ctx.mentions.some(
				(x) => x.value.kind !== 'person' && x.start <= from + w.index! && from + w.index! < x.end
			) &&
			!WEEKDAY.test(w[0]) &&
			!(w.index! <= 2 && SENTENCE_OPENERS.test(w[0]))
	);
	return rest.length === 0;
}

/** The words of the key as a sentence could write them (a lead-in that states the key gives it away). */
function keyWords(ctx: Context, m: Mention): string {
	return normaliseAnswerText(ctx.article.text.slice(m.start, m.end));
}

const sentencesOf = new WeakMap<DraftArticle, Sentence[]>();

/** The report's sentences (splitSentences leaves its furniture out), split once per report. */
function sentencesIn(ctx: Context): Sentence[] {
	let all = sentencesOf.get(ctx.article);
	if (!all) {
		all = splitSentences(ctx.article.text, ctx.article.furniture);
		sentencesOf.set(ctx.article, all);
	}
	return all;
}

/**
 * The sentence right before `m`'s in the same paragraph, if it does not state `key` (it would give it away) and
 * is not the page's furniture (splitSentences leaves furniture out); else null.
 */
function sentenceBefore(ctx: Context, m: Mention, key: string): Sentence | null {
	const all = sentencesIn(ctx);
	const i = all.findIndex((x) => x.start === m.sentence.start);
	let previous = i > 0 ? all[i - 1] : null;
	if (!previous || previous.line !== m.sentence.line) {
		// A sentence too short to be drafted ("The plane was almost new.") still opens the paragraph: it is the lead-in.
		const text = ctx.article.text;
		const lineStart = text.lastIndexOf('\n', m.sentence.start - 1) + 1;
		const short = text.slice(lineStart, m.sentence.start).trim();
		if (!short || !/^\p{Lu}[^.!?]*[.!?]["”]?$/u.test(short)) return null;
		const start = lineStart + text.slice(lineStart).indexOf(short);
		previous = { text: short, start, end: start + short.length, line: m.sentence.line };
	}
	if (/\n/u.test(ctx.article.text.slice(previous.end, m.sentence.start))) return null;
	if (` ${normaliseAnswerText(previous.text)} `.includes(` ${key} `)) return null;
	return previous;
}

/**
 * A list of names or years: "in 2008 and 2012", "Mali, Niger and Burkina Faso", "Spain, Britain, Qatar and the
 * United Arab Emirates".
 */
const LISTED_ITEM = String.raw`(?:(?:19|20)\d{2}|(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)`;
const LIST = new RegExp(
	String.raw`${LISTED_ITEM}(?:,\s+${LISTED_ITEM})*,?\s+(?:and|&)\s+${LISTED_ITEM}`,
	'gu'
);

/**
 * Whether the sentence of a count lists as many names or years as the count ("won two gold medals, in 2008 and
 * 2012"): asked, the list gives the answer away.
 */
function listsItsCount(m: Mention): boolean {
	if (m.value.kind === 'date') return countGivesEnd(m);
	if (m.value.kind !== 'number' || m.value.amount < 2 || m.value.amount > 12) return false;
	const rest = m.sentence.text.slice(m.end - m.sentence.start);
	for (const list of rest.matchAll(LIST)) {
		const items = list[0].split(/,\s+(?:and\s+)?|\s+(?:and|&)\s+/u).filter(Boolean);
		if (items.length === m.value.amount) return true;
	}
	if (placesListed(rest) === m.value.amount) return true;
	return rangeCounts(m.sentence.text, m.value.amount);
}

// One item of a list of places or names, each led by its preposition: "in Melbourne in January", "in Paris".
const LED_ITEM = /^(?:in|at|on|against|over|from|to|for)\s+\p{Lu}/u;

/**
 * How many items the list after a count's noun enumerates, each led by a preposition and a name ("won the first
 * two tournaments, in Melbourne in January and in Paris last month"): 0 when no such list, joined by "and", follows.
 */
function placesListed(rest: string): number {
	// The list stands right after the counted noun and a comma: "_____ Grand Slam tournaments, in Melbourne…".
	const opening = /^[^,;.]{0,60}?,\s+/u.exec(rest);
	if (!opening) return 0;
	const parts = rest.slice(opening[0].length).split(/(,\s+(?:and\s+)?|\s+and\s+)/u);
	let count = 0;
	let joinedByAnd = false;
	for (let i = 0; i < parts.length; i += 2) {
		if (!LED_ITEM.test(parts[i])) break;
		count++;
		joinedByAnd = i > 0 && /\band\b/u.test(parts[i - 1]);
	}
	return count >= 2 && joinedByAnd ? count : 0;
}

/** A span of years: "from 2015 to 2017", "between 2015 and 2017", "2019-2021", "2019 to 2021". */
const YEAR_RANGE =
	/\b(?:between\s+((?:19|20)\d{2})\s+and\s+((?:19|20)\d{2})|((?:19|20)\d{2})\s*(?:[-–—]|\s(?:to|until|through)\s)\s*((?:19|20)\d{2}))\b/gu;

/** The first and last year of a YEAR_RANGE match ("in 2020 and 2021" is a list, not a span). */
function yearsOf(r: RegExpMatchArray): [number, number] {
	return [Number(r[1] ?? r[3]), Number(r[2] ?? r[4])];
}

/**
 * Whether a year that ends a span is given away by the count beside it ("for three seasons, from _____ to 2021"):
 * the other end and the count make it.
 */
function countGivesEnd(m: Mention): boolean {
	if (m.value.kind !== 'date' || !/^\d{4}$/u.test(m.value.date)) return false;
	const at = m.start - m.sentence.start;
	const text = m.sentence.text;
	for (const r of text.matchAll(YEAR_RANGE)) {
		if (at < r.index || at >= r.index + r[0].length) continue;
		const [first, last] = yearsOf(r);
		const span = last - first + 1;
		const rest = text.slice(0, r.index) + text.slice(r.index + r[0].length);
		const counts = rest
			.split(/[^\p{L}\d]+/u)
			.map((w) => countIn(w))
			.filter((n): n is number => n !== null);
		if (counts.includes(span)) return true;
	}
	return false;
}

/**
 * Whether a sentence gives a count away through a span of years as long as the count ("won it _____ times, from
 * 2015 to 2017", "for _____ seasons, 2019-2021"): three years, one a year.
 */
function rangeCounts(sentence: string, count: number): boolean {
	for (const r of sentence.matchAll(YEAR_RANGE)) {
		const [first, last] = yearsOf(r);
		if (last - first + 1 === count) return true;
	}
	return false;
}

/** The blank of a gap-fill question. */
export const GAP = '_____';

const PRONOUN_OPENING =
	/^["“]?(It|He|She|They|This|That|These|Those|Its|His|Her|Their|We|I|Some|Others|The two|Both)\b/u;

/**
 * How the key of `m` reads, and how its wrong options must read to stand in the same place: a date the
 * article gives without its year reads without it ("9 January", "June"), as the quote states no year.
 */
function readingOf(m: Mention, text: string): (v: FactValue) => string {
	// "$3 billion", "6.15 billion rupees": an amount read as it is written, its options in the same words.
	const written = m.value.kind === 'number' ? text.slice(m.start, m.end) : '';
	const symbol = written.match(/^[$€£]/u)?.[0] ?? '';
	const scaled = /\b(?:million|billion|trillion)\b/u.test(written);
	if (symbol || scaled)
		return (v) =>
			v.kind === 'number'
				? `${symbol}${scaled ? scaledAmount(v.amount) : formatAmount(v.amount)}`
				: valueText(v);
	// "Kane said": a person the sentence names by the surname reads so, and the other people too.
	if (m.value.kind === 'person') {
		const name = text.slice(m.start, m.end);
		const surname = (n: string) => n.split(/\s+/u).slice(-1)[0];
		if (name !== m.value.name && !/\s/u.test(name) && surname(m.value.name) === name)
			return (v) => (v.kind === 'person' ? surname(v.name) : valueText(v));
	}
	if (m.value.kind === 'date' && m.inferred) {
		if (m.value.date.length === 7) return (v) => valueText(v, { monthOnly: true });
		return (v) =>
			v.kind === 'date' && v.date.length === 10
				? `${Number(v.date.slice(8, 10))} ${MONTH_NAMES[Number(v.date.slice(5, 7)) - 1]}`
				: valueText(v);
	}
	return (v) => valueText(v);
}

/**
 * People's names in one form among a question's options: a bare name ("Rahul") beside whole names gives the key
 * away. A one-word name becomes the article's whole name for it ("KL Rahul" of the fact box) where there is one;
 * a one-word key with none puts every option by its surname.
 */
function inOneForm(
	ctx: Context,
	m: Mention,
	base: (v: FactValue) => string
): (v: FactValue) => string {
	if (m.value.kind !== 'person') return base;
	const whole = (v: FactValue) =>
		v.kind === 'person' && !/\s/u.test(v.name) ? personOf(ctx, v.name)?.full : undefined;
	// A key the sentence writes by its surname ("Head, who opened…") reads every option so (readingOf).
	if (/\s/u.test(base(m.value)) || whole(m.value)) return (v) => whole(v) ?? base(v);
	return (v) => (v.kind === 'person' ? surnameOf(v.name) : base(v));
}

/** The name a report calls a person by after the first time: the last word, unless it is a regnal number. */
function surnameOf(name: string): string {
	const words = name.split(/\s+/u);
	return /^[IVXLC]+$/u.test(words[words.length - 1]) ? name : words[words.length - 1];
}

/** An amount in words of scale, as news writes large sums: "3 billion", "600 million", "6.15 billion". */
export function scaledAmount(n: number): string {
	for (const [scale, word] of [
		[1e12, 'trillion'],
		[1e9, 'billion'],
		[1e6, 'million']
	] as const)
		if (Math.abs(n) >= scale)
			return `${(n / scale).toLocaleString('en-GB', { maximumFractionDigits: 2 })} ${word}`;
	return formatAmount(n);
}

/** Whether an amount is written with a currency sign or a word of scale ("$3 billion", "100 million euros"). */
function writtenScaled(m: Mention, text: string): boolean {
	return (
		m.value.kind === 'number' &&
		/^[$€£]|\b(?:million|billion|trillion)\b/u.test(text.slice(m.start, m.end))
	);
}

/**
 * Multiples of a sum for its made-up wrong options, the last of each a spare. Always half, one and a half times and
 * twice the key made it the second smallest of every such question (the fourteenth reading): which set a sum gets
 * puts the key anywhere from smallest to largest. No set is of whole multiples (twice, three and four times the
 * key) or halves of them, which showed the key as the options' common measure (the eighteenth reading, A16); each
 * made-up sum is rounded to the key's significant figures.
 */
const NEARBY_FACTORS = [
	[1.4, 1.8, 2.6, 3.3],
	[0.6, 1.4, 1.8, 2.6],
	[0.4, 0.7, 1.3, 1.8],
	[0.3, 0.6, 0.8, 1.3]
];

/**
 * `amount` rounded to as many significant figures as `like` has, so that no option is rounder or finer than the key:
 * 6,160,000 like 4,400,000 → 6,200,000; 3,900,000,000 like 3,000,000,000 → 4,000,000,000.
 */
function roundLike(amount: number, like: number): number {
	const digits = String(like)
		.replace(/^[0.]+|\./gu, '')
		.replace(/0+$/u, '').length;
	return Number(amount.toPrecision(Math.min(Math.max(digits, 1), 15)));
}

/**
 * Amounts near `m`'s (NEARBY_FACTORS) that the article never states, read as the key is: wrong options for a sum
 * when the article gives too few others of its kind.
 */
function nearbyAmounts(ctx: Context, m: Mention, reading: (v: FactValue) => string): string[] {
	if (m.value.kind !== 'number') return [];
	const out: string[] = [];
	const chosen =
		NEARBY_FACTORS[
			parseInt(hashOf(`${m.value.amount} ${m.sentence.text}`), 16) % NEARBY_FACTORS.length
		];
	// The other sets' factors are spares, for a sum whose range or total rules out some of the chosen ones.
	const factors = [...new Set([...chosen, ...NEARBY_FACTORS.flat()])];
	// "losing _____ to $14 million": no made-up start above the range's end.
	const limits = numberLimits(ctx, m) ?? rangeLimits(ctx, m);
	for (const factor of factors) {
		const candidate: FactValue = {
			...m.value,
			amount: roundLike(m.value.amount * factor, m.value.amount)
		};
		if (limits && !(candidate.amount > limits.above && candidate.amount < limits.below)) continue;
		if (ctx.mentions.some((x) => sameValue(x.value, candidate))) continue;
		// "$10.13 million" beside "$13.5 million" reads as made up.
		const text = reading(candidate);
		if (decimalsOf(text) > Math.max(1, decimalsOf(reading(m.value)))) continue;
		if (!out.includes(text)) out.push(text);
	}
	return out;
}

/** How many digits a figure writes after its decimal point ("$13.5 million" → 1). */
function decimalsOf(text: string): number {
	return /\d\.(\d+)/u.exec(text)?.[1].length ?? 0;
}

/**
 * Whether a false figure stands far enough from the true one to be told apart by a careful reader (a sixth or
 * more) and near enough not to be false at a glance (less than twice).
 */
function tellable(a: number, b: number): boolean {
	const [low, high] = [a, b].sort((x, y) => x - y);
	return low > 0 && high / low >= 1.15 && high / low < 1.9;
}

/**
 * Round values of the same order as `amount`, about a third above or below it and as round as news writes
 * figures: 150 → 200, 100; 69 → 90, 50; 5.25 → 7, 4; 4 → 5, 3.
 */
function roundNeighbours(amount: number): number[] {
	if (amount <= 0) return [];
	const step =
		amount < 10 && Number.isInteger(amount) ? 1 : 10 ** Math.floor(Math.log10(amount)) / 2;
	const out: number[] = [];
	for (const factor of [1.3, 0.75, 1.5, 0.6]) {
		const n = Number((Math.round((amount * factor) / step) * step).toPrecision(12));
		if (tellable(n, amount) && !out.includes(n)) out.push(n);
	}
	return out;
}

/** How likely a question about `m` is worth asking, 0–1: counts and names first, the story's own subjects last. */
function informativeness(ctx: Context, m: Mention): number {
	const v = m.value;
	let score =
		v.kind === 'number'
			? 1
			: v.kind === 'person'
				? 0.9
				: v.kind === 'organisation' || v.kind === 'operation'
					? 0.85
					: v.kind === 'date'
						? v.date.length === 4
							? 0.85
							: 0.8
						: 0.75;
	if ('name' in v && (ctx.nameCounts.get(normaliseAnswerText(v.name)) ?? 0) >= 3) score *= 0.6;
	// "It is far larger than…": who "it" is, the question does not say.
	if (PRONOUN_OPENING.test(m.sentence.text)) score *= 0.8;
	return score;
}

/** A draft's score: its form's safety, a single clear answer (enough plausible wrong options), its worth. */
function scored(
	d: Omit<Draft, 'score'>,
	ctx: Context,
	m: Mention,
	grammar: number,
	wrong: { texts: string[]; own: number }
): Draft {
	const single = wrong.texts.length >= 3 ? 1 : wrong.texts.length === 2 ? 0.85 : 0.7;
	const plausible = wrong.own > 0 ? 1.05 : 1;
	// The report's title names the context: it is read past, not counted as the question's length.
	const title = titleOf(ctx.article);
	const named = title && d.question.prompt.includes(`“${title}”`) ? title.split(/\s+/u).length : 0;
	const long = d.question.prompt.split(/\s+/u).length - named > 32 ? 0.9 : 1;
	const score = Math.min(1, grammar * single * plausible * long * informativeness(ctx, m));
	return { ...d, score: Math.round(score * 1000) / 1000 };
}

/** Options for a single-choice question: the key and its wrong options, in a stable order. */
function choices(keyText: string, wrong: string[], seed: string) {
	return shuffleStable(
		[{ text: keyText, correct: true }, ...wrong.map((text) => ({ text }))],
		seed
	);
}

/** Inner double quotes of a quoted sentence become single ones, so the prompt's own quotes stay clear. */
function nestQuotes(text: string): string {
	// A straight quote opens after a space or at the start, and closes elsewhere ("‘Diomaye is Sonko’").
	return text
		.replace(/“/gu, '‘')
		.replace(/”/gu, '’')
		.replace(/(^|[\s(—–-])"/gu, '$1‘')
		.replace(/"/gu, '’');
}

/**
 * The gap-fill ("missing word") question for `m`: its clause (or sentence) quoted with the value's words left
 * blank, the key and wrong options of its own kind to choose from. The quoted words are the article's own, so
 * the prompt cannot be ungrammatical.
 */
function gapFillFor(ctx: Context, m: Mention, only: 'any' | 'clause' = 'any'): Draft | null {
	// The whole sentence when it is short enough to read in a prompt, else the clause that states the value; or
	// (`only: 'clause'`) the clause alone, so that another draft of the sentence's other clause can stand beside it.
	// On an article of the bank, the passage is the bank fact's quote that holds the value, cited by its id.
	const banked = ownFacts(ctx);
	const holding = banked.find((f) => f.span.start <= m.start && m.end <= f.span.end);
	if (holding && only === 'any') return gapFillOn(ctx, m, holding);
	const clause = quoteOfClause(ctx.article, m);
	const cited =
		only === 'clause'
			? clause && (clause.span.start > m.sentence.start || clause.span.end < m.sentence.end - 1)
				? clause
				: null
			: ((m.sentence.text.split(/\s+/u).length <= 30 ? quoteOf(ctx.article, m.sentence) : null) ??
				clause ??
				quoteOf(ctx.article, m.sentence));
	if (!cited) return null;
	if (banked.some((f) => f.span.start < cited.span.end && cited.span.start < f.span.end))
		return null;
	const whole = gapFillOn(ctx, m, cited, only);
	if (whole || only === 'clause') return whole;
	// Too long to quote whole (or as its clause): the sentence from its subject to the words after the value.
	const head = headOf(ctx.article, m);
	return head && head.span.end < cited.span.end ? gapFillOn(ctx, m, head, only) : null;
}

/** A bank fact of the drafted article, where its quote stands in the text. */
type OwnFact = { id: string; quote: string; span: Span };
const ownFactsOf = new WeakMap<Context, OwnFact[]>();

/** The bank's facts of the article being drafted (none for a new article), with their places in its text. */
function ownFacts(ctx: Context): OwnFact[] {
	let found = ownFactsOf.get(ctx);
	if (!found) {
		const own = ctx.bank.articles.find((a) => a.slug === ctx.article.slug);
		found = own
			? ctx.bank.facts.flatMap((f) => {
					if (f.article !== own.slug) return [];
					const span = findQuote(ctx.article.text, f.quote);
					return span ? [{ id: f.id, quote: f.quote, span }] : [];
				})
			: [];
		ownFactsOf.set(ctx, found);
	}
	return found;
}

/**
 * On an article of the bank, a draft rests on the bank fact that already quotes its words: the one whose quote
 * holds what the draft asks. A draft whose words only overlap a fact's would define a second fact for one
 * passage (questions:check refuses it): none is made. A new article's drafts are returned as they are.
 */
function citingOwnFacts(ctx: Context, drafts: Draft[]): Draft[] {
	const facts = ownFacts(ctx);
	if (!facts.length) return drafts;
	return drafts.flatMap((d) => {
		if (d.citesFact) return [d];
		const overlaps = facts.filter((f) => f.span.start < d.span.end && d.span.start < f.span.end);
		if (!overlaps.length) return [d];
		if (d.kind === 'timeline') {
			// The article's event rests on the bank fact that quotes its words and states its year.
			const year = d.value?.kind === 'date' ? d.value.date.slice(0, 4) : '';
			const dating = overlaps.filter((f) => year && f.quote.includes(year));
			const fact =
				overlaps.find((f) => f.span.start <= d.span.start && d.span.end <= f.span.end) ??
				(dating.length === 1 ? dating[0] : undefined);
			return fact ? [{ ...d, citesFact: fact.id, quote: fact.quote, span: fact.span }] : [];
		}
		const asked = placements.get(d)?.asked ?? d.span;
		const holding = overlaps.find((f) => f.span.start <= asked.start && asked.end <= f.span.end);
		if (!holding || overlaps.length > 1) return [];
		const cited: Draft = { ...d, citesFact: holding.id, quote: holding.quote, span: holding.span };
		const p = placements.get(d);
		if (p) placements.set(cited, p);
		return [cited];
	});
}

/**
 * Whether the key's sentence states a total and its parts, the key among them ("a prize fund of 2 million euros:
 * Ding receives 1.1 million euros and Nepomniachtchi 900,000"): the other figures give the key away.
 */
function partsAddUp(ctx: Context, m: Mention): boolean {
	if (m.value.kind !== 'number') return false;
	const key = m.value.amount;
	const scale: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
	const amounts = [
		...m.sentence.text.matchAll(
			/(?<![\d.,])(\d[\d,]*(?:\.\d+)?)(?:\s+(thousand|million|billion))?/gu
		)
	]
		.map((x) => Number(x[1].replace(/,/gu, '')) * (x[2] ? scale[x[2]] : 1))
		.filter((n) => n > 0);
	// The largest figure, and two or more of the others that add up to it ("over three days" left out).
	const addsUp = (all: number[]) => {
		if (all.length < 3 || all.length > 10) return false;
		const total = Math.max(...all);
		const others = all.filter((n, i) => i !== all.indexOf(total));
		for (let mask = 0; mask < 1 << others.length; mask++) {
			const parts = others.filter((_, i) => mask & (1 << i));
			const sum = parts.reduce((t, n) => t + n, 0);
			if (
				parts.length >= 2 &&
				Math.abs(sum - total) <= total * 0.005 &&
				[total, ...parts].includes(key)
			)
				return true;
		}
		return false;
	};
	// "22 witnesses…: 20 called by the prosecution and two by the defence": counts written in words too.
	// ("one" is left out: it is more often a pronoun than a count.)
	const inWords = [...m.sentence.text.matchAll(/\b\p{L}+\b/gu)]
		.map((x) => NUMBER_WORDS.indexOf(x[0].toLowerCase()))
		.filter((n) => n >= 2);
	return addsUp([...amounts, ...inWords]);
}

/** The gap-fill of `m` in the words `cited` quotes (a sentence, a clause, or a bank fact's quote). */
function gapFillOn(
	ctx: Context,
	m: Mention,
	cited: { quote: string; span: Span; id?: string },
	only: 'any' | 'clause' = 'any'
): Draft | null {
	const text = ctx.article.text;
	// A number spelled in words ("two decades") gets options in words, as the sentence writes it.
	// ("The two leaders" names them, it does not count them.)
	const spelled =
		m.value.kind === 'number' && !DEFINITE_BEFORE.test(text.slice(m.sentence.start, m.start))
			? numberWordsAround(text.slice(m.start, m.end), m)
			: null;
	if (m.value.kind === 'number' && !spelled && !/\d/u.test(text.slice(m.start, m.end))) return null;
	if (listsItsCount(m)) return null;
	// "a prize fund of _____ euros: Ding receives 1.1 million and Nepomniachtchi 900,000": a total whose parts the
	// sentence states is given away by them.
	if (partsAddUp(ctx, m)) return null;
	// "All _____ countries are ruled by officers…": the count of a group the report names elsewhere, which the prompt
	// does not show (and a lead-in naming them would give the count away). "all 500 members of the lower house"
	// says what it counts.
	if (
		m.value.kind === 'number' &&
		/(?:^|[^\p{L}])all\s+$/iu.test(text.slice(m.sentence.start, m.start)) &&
		/^\s+\p{Ll}+s(?![\p{L}])(?!\s+of\b)/u.test(text.slice(m.end, m.sentence.end))
	)
		return null;
	if (countBeforeOrdinal(ctx, m)) return null;
	// "45 km (_____ miles)": a conversion of a figure the prompt shows is worked out, not read.
	if (m.value.kind === 'number' && CONVERTED_BEFORE.test(text.slice(m.sentence.start, m.start)))
		return null;
	// "‘The moment Ian resigned the game…’": a first name in someone's words, of a person the report names in full,
	// picks its key out of the full names offered.
	if (m.value.kind === 'person') {
		const written = text.slice(m.start, m.end).trim();
		const quoteMarks = (text.slice(m.sentence.start, m.start).match(/["“”]/gu) ?? []).length;
		if (
			quoteMarks % 2 === 1 &&
			/^\p{Lu}[\p{L}'’-]+$/u.test(written) &&
			ctx.mentions.some((x) => x.value.kind === 'person' && x.value.name.startsWith(`${written} `))
		)
			return null;
	}
	// "Sheinbaum, 61, a climate scientist": an age between commas after a name counts nothing the words after it
	// name ("61 climates"); only an age typed as years is asked.
	if (
		m.value.kind === 'number' &&
		!/^years?\b/u.test(m.value.unit) &&
		/\p{Lu}[\p{L}'’-]+,\s*$/u.test(text.slice(m.sentence.start, m.start)) &&
		/^\s*,/u.test(text.slice(m.end, m.sentence.end))
	)
		return null;
	const squash = (s: string) => s.replace(/\s+/gu, ' ');
	let before = squash(withPeopleNamed(ctx, m.sentence, cited.span.start, m.start, m));
	let after = squash(withPeopleNamed(ctx, m.sentence, m.end, cited.span.end, m));
	// "she" named in brackets where the report says whom it stands for (pronounNamed).
	const nameThePronoun = () => {
		const named = /^["“]?(?:He|She|His|Her)\b|\b(?:he|she|him|his|her)\b/u.test(
			`${before}${GAP}${after}`
		)
			? pronounNamed(ctx, m.sentence, cited.span, m, { before, after })
			: null;
		if (named) ({ before, after } = named);
		return named !== null;
	};
	// Words that stand for what the sentence before said ("It", "the regulator", "that ruling", "such cuts") are
	// read after that sentence, quoted as a lead-in; with no such sentence to quote, the gap is not drafted.
	let leadIn = '';
	const lean = () => {
		const previous = sentenceBefore(ctx, m, keyWords(ctx, m));
		// A lead-in before "She worked at…" or "The Dutch coach…" must name the person, or it explains nothing.
		if (previous && needsPerson(`${before}${GAP}${after}`) && !namesPerson(ctx, previous))
			return false;
		if (previous && demonymOpening(`${before}${GAP}${after}`) && !namesOnePerson(ctx, previous))
			return false;
		if (previous && !leadInNames(ctx, previous, `${before}${GAP}${after}`)) return false;
		leadIn = previous ? squash(previous.text.trim()) : '';
		return leadIn !== '';
	};
	// "He said…" quoted alone asks who "he" is: the person the sentence before names stands in brackets instead.
	if (
		cited.span.start === m.sentence.start &&
		/^["“]?(It|He|She|They|Its|His|Her|Their|We|I)\b/u.test(before)
	) {
		const who = /^(He|She)\b/u.test(before) ? personBefore(ctx, m.sentence) : null;
		if (m.start - m.sentence.start < 4) return null;
		if (who) before = before.replace(/^(He|She)\b/u, personNamed(ctx, who, true) ?? `[${who}]`);
		else if (!(/^["“]?(?:He|She|His|Her)\b/u.test(before) && nameThePronoun()) && !lean())
			return null;
	}
	// "the aircraft's eight exits" with a jet and a plane in the title: which one, the prompt cannot say.
	if (unnamedCraft(ctx, `${before}${GAP}${after}`)) return null;
	// "…a verdict on his first _____ months…": a clause cut from the sentence that named whom "his" stands for is
	// read after a lead-in whose subject is one person, or not drafted.
	// So is "The Olympic champion…, she had just six weeks…": "she" the subject after a phrase that names no one.
	if (
		(cited.span.start > m.sentence.start
			? PERSONAL_PRONOUN.test(`${before}${GAP}${after}`)
			: FRONTED_PRONOUN.test(`${before}${GAP}${after}`) ||
				(!leadIn && pronounBeforeAnyPerson(ctx, cited.span.start, cited.span.end))) &&
		!ctx.mentions.some(
			(x) =>
				x.value.kind === 'person' &&
				x !== m &&
				x.start >= cited.span.start &&
				x.end <= pronounOrEnd(ctx, cited.span, m)
		)
	) {
		if (!nameThePronoun()) {
			const previous = sentenceBefore(ctx, m, keyWords(ctx, m));
			if (!previous || !opensOnOnePerson(ctx, previous)) return null;
			leadIn = squash(previous.text.trim());
		}
	}
	if (
		!leadIn &&
		(leansOnBefore(ctx, m.sentence, cited.span.start, cited.span.end) ||
			BACK_REFERENCES.some((re) => re.test(`${before}${GAP}${after}`)) ||
			demonymOpening(`${before}${GAP}${after}`)) &&
		!lean()
	)
		return null;
	// "_____ Governor Wes Moore", "_____ President Christine Lagarde": the office's state or body, whose wrong options
	// would have to be states or bodies with such an office; not asked.
	if ((m.value.kind === 'place' || m.value.kind === 'organisation') && officeFollows(after))
		return null;
	// "outside 10 _____": a street told by its house number is common knowledge, not worth a question.
	if (m.value.kind === 'place' && /\b\d+\s+$/u.test(before)) return null;
	const reading = inOneForm(ctx, m, readingOf(m, text));
	const keyText = spelled?.key ?? reading(m.value);
	// The gap takes the words as written: "13.5 billion" cannot be filled with "13,500,000,000".
	const digits = (x: string) => x.replace(/[,\s]/gu, '');
	if (
		!spelled &&
		m.value.kind === 'number' &&
		digits(text.slice(m.start, m.end)) !== digits(keyText)
	)
		return null;
	// The key named again around the gap gives it away.
	const rest = ` ${normaliseAnswerText(`${before} ${after}`)} `;
	// "The _____ of West African States": a gap in the middle of a name.
	if ('name' in m.value && /^\s+(of|for|and|on)\s+\p{Lu}/u.test(after)) return null;
	// "the Medicines and Healthcare products _____ (MHRA)": a bracketed abbreviation longer than the key's initials
	// names more than the gap asks (the twenty-third reading's M16).
	const abbreviation = /^[^()]*?\s*\((\p{Lu}{2,8})\)/u.exec(
		text.slice(m.start, Math.min(m.sentence.end, m.end + 12))
	)?.[1];
	if (
		m.value.kind === 'organisation' &&
		abbreviation &&
		abbreviation.length > (m.value.name.match(/\b\p{Lu}/gu) ?? []).length
	)
		return null;
	// "President _____ al-Sisi": the rest of a person's name after the gap, which the key is only part of.
	if (
		m.value.kind === 'person' &&
		/^\s+(?:(?:al|el|bin|ibn|abu|van|von|de|da|der|du)[-\s]\p{L}|Jr\b|Sr\b)/u.test(after)
	)
		return null;
	// "the Bank of _____", "Secretary of _____ Blinken": a gap closing a name or a title.
	// "Union for the _____ coalition", "Lula da _____": the gap cuts a name, its key a fragment.
	if (
		'name' in m.value &&
		/\p{Lu}\p{Ll}+\s+(?:of|for|da|de|do|dos|das|del|van|von|bin|ibn|al)\s+(?:the\s+)?$/u.test(
			before
		)
	)
		return null;
	if (rest.includes(` ${normaliseAnswerText(keyText)} `)) return null;
	// "the 24-year-old Dutchman, the first driver from the _____": its people's name gives the country.
	if (m.value.kind === 'place' && namesItsPeople(`${before} ${after}`, m.value.name)) return null;
	if ('name' in m.value && rest.includes(` ${normaliseAnswerText(text.slice(m.start, m.end))} `))
		return null;
	// "‘We pulled it off!’ Boskalis Chief Executive _____ said in a statement.": a passage cut after the quoted words
	// leaves "said" saying nothing.
	if (saysNothing(text, cited.span.start, `${before}${after}`)) return null;
	const opens = cited.span.start === m.sentence.start ? '' : '…';
	// "for _____ Swiss francs ($3.23 billion) in shares", "about _____ km (293 million miles)": an amount converted
	// in brackets gives the key away; the shown words stop before it.
	const converted = m.value.kind === 'number' ? after.match(CONVERSION_AFTER) : null;
	const shownAfter = converted ? converted[1].replace(/[\s,;:]+$/u, '') : after;
	const closes = converted || cited.span.end < m.sentence.end - 1 ? '…' : '';
	const gapped = nestQuotes(`${opens}${before}${GAP}${shownAfter}${closes}`.trim());
	const name = reportName(ctx.article);
	// The lead-in comes first, as a reader meets it in the report: "In the report of 19 November 2023, after
	// “Massa conceded defeat.”, complete the next sentence: “The gap of _____ …”".
	const prompt = leadIn
		? `In ${name}, after “${nestQuotes(leadIn)}”, complete the next sentence: “${gapped}”`
		: `Complete the sentence from ${name}: “${gapped}”`;
	// The words to read, the report's title and the lead-in aside (the lead-in is read, not answered).
	const leadWords = leadIn ? leadIn.split(/\s+/u).length : 0;
	if (
		prompt.split(/\s+/u).length - titleWords(name) - leadWords > 40 ||
		leadWords > 40 ||
		gapped.split(/\s+/u).length < 6
	)
		return null;
	const limits = numberLimits(ctx, m);
	if (limits?.computed) return null;
	const found = spelled
		? {
				texts: spelled.wrong.filter((t) => {
					const n = countIn(t);
					return !limits || n === null || (n > limits.above && n < limits.below);
				}),
				own: 0
			}
		: withNearbyDays(
				ctx,
				m,
				reading,
				withNearbyYears(ctx, m, distractorsFor(ctx, m, OPTIONS_PER_QUESTION - 1, reading))
			);
	// A sum of money or in millions is chosen, never typed ("3000000000"): amounts near it fill the options.
	const scaled = writtenScaled(m, text);
	const wrong =
		scaled && found.texts.length < OPTIONS_PER_QUESTION - 1
			? {
					texts: [
						...found.texts,
						...nearbyAmounts(ctx, m, reading).filter(
							(t) => t !== keyText && !found.texts.includes(t)
						)
					].slice(0, OPTIONS_PER_QUESTION - 1),
					own: found.own
				}
			: found;
	// "about _____", "some _____", "nearly _____": a round figure; a precise one (36.8%) would give itself away as wrong.
	if (
		m.value.kind === 'number' &&
		/\b(?:about|some|nearly|around|roughly|almost|approximately)\s+$/iu.test(before)
	)
		wrong.texts = wrong.texts.filter((t) => !/\d\.\d/u.test(t) || /\d\.\d/u.test(keyText));
	const v = m.value;
	// "began the year above _____ a barrel": every smaller figure is right too, and larger ones alone would leave the
	// key the smallest option every time. Such a bound is typed in as the report's own figure, exactly (a margin
	// would accept "53" for "more than 50 years", the twenty-second reading's O1), or not asked where it is a sum.
	const bounded = v.kind === 'number' && GAP_BOUND.test(before);
	if (bounded && scaled) return null;
	// A count with no other count of its kind to offer is typed in as a number.
	const typed = v.kind === 'number' && !scaled && (wrong.texts.length < 2 || bounded);
	// A person is typed in wherever the quote allows it: the report's other people, offered instead, are often of
	// another role or time (a team's principal as its driver, a past leader as today's speaker), which a reader
	// rules out. A speaker keeps options: the other speakers are fair ones. A name with too few fair wrong options
	// is typed in too, where the quote names no other of its kind to type instead.
	// "_____, which is about the size of three football fields" where the report wrote "NIF": the whole name as the
	// key would be one the quote does not state; typed in, the abbreviation is accepted too.
	const written = text.slice(m.start, m.end).trim();
	const abbreviated =
		'name' in m.value && /^\p{Lu}{2,6}$/u.test(written) && written !== m.value.name;
	const typedName =
		(m.value.kind === 'person' && !speaks(ctx, m)) || wrong.texts.length < 2 || abbreviated
			? namesToType(ctx, m, cited.span)
			: null;
	if (abbreviated && !typedName?.includes(written)) return null;
	if (wrong.texts.length < 2 && !typed && !typedName) return null;
	const role = v.kind === 'person' && v.role ? ` (${v.role})` : '';
	const unit =
		v.kind === 'number' && v.unit !== '%' && !/^[$€£]/u.test(keyText) ? ` ${unitWords(m)}` : '';
	const explanation = `${capitalise(sourceOf(ctx.article))} says so: ${keyText}${unit}${role}.`;
	const base = { prompt, explanation, tags: tagsFor(v, v.kind), difficulty: 2 as const };
	const draft = scored(
		{
			key: draftKey(`${v.kind}-gap${only === 'clause' ? '-clause' : ''}`, `${keyText} ${m.start}`),
			kind: v.kind,
			form: 'gap-fill',
			...(speaks(ctx, m) ? { asks: 'speaker' as const } : {}),
			question:
				typed && v.kind === 'number'
					? {
							...base,
							type: 'numeric',
							answer: v.amount,
							tolerance: toleranceFor(ctx, m, cited.quote),
							unit: v.unit === '%' ? 'per cent' : unitWords(m)
						}
					: typedName
						? { ...base, type: 'short_text', accepted: typedName }
						: { ...base, type: 'single', options: choices(keyText, wrong.texts, prompt) },
			quote: cited.quote,
			span: cited.span,
			value: v,
			bankFacts: [],
			...(cited.id ? { citesFact: cited.id } : {}),
			similarTo: similarQuestions(ctx, cited.span, v)
		},
		ctx,
		m,
		// A clause cut out of its sentence reads a little less well than the sentence whole.
		only === 'clause' ? 0.88 : 0.9,
		typed || typedName ? { texts: ['', ''], own: 0 } : wrong
	);
	return place(draft, m, { start: m.start, end: m.end }, cited.span);
}

/**
 * The answers a reader may type for a person, place or body asked in a gap ("Kaplan" or "Lewis Kaplan"; "Justice
 * Department" or "the Justice Department"), or null where typing is no fair question: the key stands in a list of
 * its kind ("Mali, _____ and Niger", whose other names would be right too, even where the quote stops before
 * them), the gap follows "such as" or
 * "including", or the title every prompt shows states the key.
 */
function namesToType(ctx: Context, m: Mention, span: Span): string[] | null {
	const v = m.value;
	if (v.kind !== 'person' && v.kind !== 'place' && v.kind !== 'organisation') return null;
	const between = (x: Mention) =>
		ctx.article.text.slice(Math.min(x.end, m.end), Math.max(x.start, m.start));
	// Two names joined by a comma alone are a list only where one goes on ("Mali, Niger and Chad"); else the second
	// places the first ("Austin, Texas", "St. John's, Newfoundland").
	const listGoesOn = (x: Mention) =>
		/^\s*(?:,\s*(?:and\s+|or\s+)?(?:the\s+)?\p{Lu}|and\s|or\s)/u.test(
			ctx.article.text.slice(Math.max(x.end, m.end), m.sentence.end)
		);
	if (
		ctx.mentions.some(
			(x) =>
				x !== m &&
				x.value.kind === v.kind &&
				x.sentence.start === m.sentence.start &&
				!sameValue(x.value, v) &&
				/^\s*(?:,|and|or|,\s*and|,\s*or)\s+(?:the\s+)?$/iu.test(between(x)) &&
				(!/^\s*,\s*$/u.test(between(x)) || listGoesOn(x))
		)
	)
		return null;
	const before = ctx.article.text.slice(m.sentence.start, m.start);
	if (/\b(?:such as|including|among them|among|like|or)\s+$/iu.test(before)) return null;
	const name = v.name;
	const text = ctx.article.text;
	const words = name.split(/\s+/u);
	// A long or generic name ("Edinburgh Athletics Club", "the Moscow Games") is no answer a reader types as written.
	if (v.kind !== 'person' && (words.length > 3 || TYPED_NAME_GENERIC.test(words.at(-1) ?? '')))
		return null;
	// "National Laboratory" cut from "Lawrence Livermore National Laboratory": generic words are no name.
	if (v.kind === 'organisation' && words.every((w) => GENERIC_BODY_WORD.test(w))) return null;
	// "SUEZ, Egypt, March 29": a place the dateline names, or a seat of government, is typed by anyone.
	if (v.kind === 'place' || v.kind === 'organisation') {
		const dateline = datelineOf(text) ?? '';
		if (new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])`, 'iu').test(dateline)) return null;
		if (GUESSABLE_PLACES.test(name)) return null;
	}
	const short = v.kind === 'person' ? shortNames(text, name) : [];
	const title = ctx.article.citedAs ? '' : titleOf(ctx.article);
	// The quote's other words may name the key ("…Jon Brekke…, and Brekke won": checked on every accepted form,
	// below), or leave a country unnamed that a person or body gap does not fill ("_____ became the country's first…").
	const shown = ` ${normaliseAnswerText(`${text.slice(span.start, m.start)} ${text.slice(m.end, span.end)}`)} `;
	if (v.kind !== 'place' && /\b[Tt]he\s+country['’]s\b/u.test(text.slice(span.start, span.end)))
		return null;
	const accepted = [name, ...short];
	if (v.kind === 'person') accepted.push(...otherGivenForms(name));
	else {
		if (standsWithThe(text, name) && !/^the\s/iu.test(name)) accepted.push(`the ${name}`);
		// "Labour" for the Labour Party, "Silvergate" for Silvergate Bank, "Federal Reserve" for the U.S. Federal
		// Reserve, where the report writes so.
		const bare = name.replace(/\s+(?:Party|Bank)$/u, '').replace(/^(?:U\.S\.|US|UK|EU)\s+/u, '');
		const used = new RegExp(`(?<![\\p{L}.])${escape(bare)}(?![\\p{L}'’]|\\s+(?:Party|Bank))`, 'u');
		if (bare !== name && used.test(text.split(name).join(' '))) accepted.push(bare);
		if (v.kind === 'organisation') accepted.push(...companyForms(name), ...typedInitials(name));
		// The bracket's full name for its abbreviation, either way ("West Texas Intermediate (WTI)").
		for (const [abbreviation, full] of bracketAbbreviations(text)) {
			if (full === name) accepted.push(abbreviation);
			if (abbreviation === name) accepted.push(full);
		}
		// "the drugmaker GlaxoSmithKline (GSK)": a name of one word before the abbreviation asked, which
		// bracketAbbreviations leaves out (the twenty-first reading's W15).
		if (/^\p{Lu}{2,6}$/u.test(name)) {
			const whole = new RegExp(
				`(?:^|\\s)\\p{Ll}[\\p{L}-]*\\s+(\\p{Lu}[\\p{L}-]{3,})\\s+\\(${escape(name)}\\)`,
				'u'
			).exec(text);
			if (whole) accepted.push(whole[1]);
		}
		accepted.push(...(USUAL_SHORT_FORMS[name] ?? []));
		// "the Pacific" for the Pacific Ocean.
		if (v.kind === 'place' && /\s+Ocean$/u.test(name))
			accepted.push(name.replace(/\s+Ocean$/u, ''));
	}
	// The title every prompt shows names the key in any accepted form ("The WHO recommends…" for a key typed as
	// "World Health Organization"; the twenty-first reading's W1).
	// An abbreviation is read in the title as written, so that "WHO" is not "who".
	const caps = (a: string) => /^[\p{Lu}.]{2,}$/u.test(a);
	if (
		title &&
		(titleStates(
			title,
			accepted.filter((a) => !caps(a))
		) ||
			accepted
				.filter(caps)
				.some((a) => new RegExp(`(?<![\\p{L}.])${escape(a)}(?![\\p{L}])`, 'u').test(title)))
	)
		return null;
	// So do the quote's other words ("Crypto-focused _____ … and Silvergate shares fell").
	if (accepted.some((a) => shown.includes(` ${normaliseAnswerText(a)} `))) return null;
	// After "the _____" a form with its own "the" would be typed twice.
	const afterThe = /\bthe\s+$/iu.test(before);
	return [...new Set(accepted.filter((a) => !(afterThe && /^the\s/iu.test(a))))];
}

/**
 * The abbreviation of a body's name of three or more words, all capitalised ("WHO" for the World Health
 * Organization, "PDP" for the Peoples Democratic Party), which a reader types though the report does not (B12 of
 * the nineteenth reading). Not for a name with "of" or "and", whose abbreviation may keep or drop them (ECOWAS).
 */
const INITIALLED_BODY =
	/^(?:Organization|Organisation|Party|Fund|Agency|Administration|Congress|Union|Laboratory|Facility|Bank|Reserve|Commission|Council|Authority|Service|Bureau)$/u;

function typedInitials(name: string): string[] {
	const words = name.replace(/^the\s+/iu, '').split(/\s+/u);
	// Only public bodies of the kinds that go by their initials: a company, an observatory or a federation goes by
	// its name ("Lindvik Financial Group" is no "LFG", FIDE no "ICF").
	if (
		words.length < 3 ||
		!INITIALLED_BODY.test(words.at(-1) ?? '') ||
		!words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))
	)
		return [];
	return [initialsOf(name)];
}

const GENERIC_BODY_WORD =
	/^(?:National|Federal|Central|State|Public|General|Laboratory|Institute|Department|Agency|Office|Board|Council|Committee|Commission|Authority|Service|Bank|Group|Company|Team|University|Fund)$/u;

const COMPANY_SUFFIX =
	/\s+(?:Group|Corp\.?|Corporation|Inc\.?|Ltd\.?|Limited|plc|PLC|Holdings|Co\.|Company|Financial)$/u;

/**
 * The shorter forms a reader writes for a company, whether or not the report does: "Microsoft" for Microsoft Corp,
 * "SVB Financial" and "SVB" for SVB Financial Group, "Engro Corporation" and "Engro" for Pakistan's Engro
 * Corporation, "Evergrande" for China Evergrande Group (the sixteenth and eighteenth readings marked such forms
 * wrong). Never a form of generic words alone.
 */
function companyForms(name: string): string[] {
	const forms: string[] = [];
	let rest = name;
	const owned = /^(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)['’]s\s+(\p{Lu}.*)$/u.exec(rest);
	if (owned && isCountry(owned[1])) forms.push((rest = owned[2]));
	while (COMPANY_SUFFIX.test(rest)) forms.push((rest = rest.replace(COMPANY_SUFFIX, '')));
	const country = /^(\p{Lu}\p{L}+)\s+(\p{Lu}[\p{L}-]+)$/u.exec(rest);
	if (country && forms.length > 0 && isCountry(country[1])) forms.push(country[2]);
	return forms.filter(
		(f) => !TYPED_NAME_GENERIC.test(f) && !/^(?:National|Federal|Central)$/u.test(f)
	);
}

/** Short forms everyone writes for a few long names ("UAE"), accepted wherever the name is typed in. */
const USUAL_SHORT_FORMS: Record<string, string[]> = {
	'United Arab Emirates': ['UAE', 'the UAE', 'Emirates', 'the Emirates'],
	'United States': ['US', 'U.S.', 'USA', 'the US', 'the U.S.'],
	'United Kingdom': ['UK', 'the UK', 'Britain'],
	'European Union': ['EU', 'the EU'],
	'United Nations': ['UN', 'the UN']
};

/**
 * The parts of a person's name the report calls them by alone ("Yoon" of Yoon Suk Yeol, "Kaplan" of Lewis
 * Kaplan), or else their family name.
 */
function shortNames(text: string, name: string): string[] {
	const words = name.split(/\s+/u);
	if (words.length < 2) return [];
	// "Felipe VI" is "Felipe" alone, never "VI".
	if (/^[IVXLC]+$/u.test(words.at(-1)!)) return words.length === 2 ? words.slice(0, 1) : [];
	const rest = text.split(name).join(' ');
	const alone = words.filter(
		(w) =>
			w.length >= 3 &&
			new RegExp(
				`(?<![\\p{L}'’-])(?<!\\p{Lu}[\\p{L}'’-]*\\s)${escape(w)}(?![\\p{L}'’-]|\\s+\\p{Lu})`,
				'u'
			).test(rest)
	);
	// A hyphenated given name ("Woo Won-shik", "Lee Jae-myung") follows the family name.
	const found = alone.length
		? alone
		: /-/u.test(words.at(-1) ?? '')
			? words.slice(0, 1)
			: words.slice(-1);
	// "Ramona V. Manglona" is also written without her initial.
	const initialless = words.filter((w) => !/^\p{Lu}\.$/u.test(w));
	return initialless.length < words.length && initialless.length >= 2
		? [initialless.join(' '), ...found]
		: found;
}

/** The last words of a name that say what sort of thing it is rather than which one ("Games", "Club"). */
const TYPED_NAME_GENERIC =
	/^(?:Games|Olympics|Club|TV|Stadium|Centre|Center|Cup|Championships?|Committee|Commission|Council|Agency|Office|Ministry|Department|Authority|Court|Institute|University|Hospital|Airport)$/u;

const ORDINAL_WORDS =
	/\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))\b/iu;

/**
 * "The first _____ rapid games were drawn, and Ding took the decisive fourth": a count of the first (or last) few
 * with an ordinal later in its sentence, which rules out most counts and all but gives the key; not asked.
 */
function countBeforeOrdinal(ctx: Context, m: Mention): boolean {
	const text = ctx.article.text;
	return (
		m.value.kind === 'number' &&
		/\b(?:first|last)\s+$/iu.test(text.slice(m.sentence.start, m.start)) &&
		ORDINAL_WORDS.test(text.slice(m.end, m.sentence.end))
	);
}

/**
 * A figure's unit as the report writes it ("nautical miles", "cubic metres a second"), not only the counted noun
 * the drafter compares figures by ("miles", "metres"): students read it in the explanation.
 */
function unitWords(m: Mention): string {
	if (m.value.kind !== 'number') return '';
	const unit = m.value.unit;
	const last = unit.split(' ').at(-1) ?? unit;
	return m.label && m.label.toLowerCase().includes(last) ? m.label : unit;
}

/**
 * How far a typed answer may be from the key: about 5% when the article gives the figure as approximate ("about
 * 50 investigators", "more than 100 cases"), at least 1 when its quote rounds another figure (questions:check
 * reads the quote as a whole), else 0. A year is exact.
 */
function toleranceFor(ctx: Context, m: Mention, quote: string): number {
	if (m.value.kind !== 'number' || m.value.unit === 'year') return 0;
	const words = ctx.article.text.slice(m.sentence.start, m.start);
	const amount = Math.abs(m.value.amount);
	// In steps of the figure's last digit: "about 4.3 metres" takes 4.1 to 4.5, not 3.3 to 5.3 (O20).
	const decimals = /\.(\d+)/u.exec(String(m.value.amount))?.[1].length ?? 0;
	const step = 10 ** -decimals;
	const share = (part: number) =>
		Number((Math.max(1, Math.round((amount * part) / step)) * step).toFixed(decimals));
	// "more than _____ years": the report's own figure, exactly (see gapFillOn).
	if (GAP_BOUND.test(words)) return 0;
	const fivePercent = share(0.05);
	// ("about 100 to _____": the range's second figure is as approximate as its first.)
	if (
		/\b(about|some|around|roughly|approximately|nearly|almost|more than|over|up to|close to)\s+(?:[\d.,]+\s+(?:to|and)\s+)?$/iu.test(
			words
		)
	)
		return fivePercent;
	return ROUNDED.test(quote) ? share(0.01) : 0;
}

/**
 * The one person the sentence before `s` names (by the name the article gives in full), or null when it names
 * none or several: whom a "He" or "She" opening `s` stands for.
 */
function personBefore(ctx: Context, s: Sentence): string | null {
	const previous = ctx.mentions
		.filter((x) => x.sentence.end <= s.start)
		.reduce<Sentence | null>((p, x) => (!p || x.sentence.start > p.start ? x.sentence : p), null);
	if (!previous || /\S/u.test(ctx.article.text.slice(previous.end, s.start).replace(/\s+/gu, '')))
		return null;
	const people = new Set(
		ctx.mentions
			.filter((x) => x.sentence.start === previous.start && x.value.kind === 'person')
			.map((x) => valueText(x.value))
	);
	// A pronoun there ("her share… than Castell himself") speaks of someone it may not name: "She" could be either.
	// Only a "He" (or "She") after a sentence with no pronoun of its gender, and exactly one person the report
	// ties to that gender among its people, the others tied to the other ("Lopez Obrador congratulated her…. He
	// said…"), is that person.
	if (/\b(?:he|him|his|himself|she|her|hers|herself)\b/iu.test(previous.text)) {
		const g: Gender | null = /^["“]?She\b/u.test(s.text)
			? 'f'
			: /^["“]?He\b/u.test(s.text)
				? 'm'
				: null;
		const same = g === 'f' ? /\b(?:she|her|hers|herself)\b/iu : /\b(?:he|him|his|himself)\b/iu;
		if (!g || same.test(previous.text)) return null;
		const of = gendersIn(ctx).of;
		const theirs = [...people].filter((p) => of(p) === g);
		return theirs.length === 1 &&
			[...people].every((p) => p === theirs[0] || (of(p) && of(p) !== g))
			? theirs[0]
			: null;
	}
	return people.size === 1 ? [...people][0] : null;
}

const WEEKDAY = new RegExp(`^(?:${WEEKDAYS.join('|')})$`, 'iu');

/** Whether a sentence's capitalised first word may be a name: a singular noun to the tagger ("Musk"), not "Outside". */
function maybeNameTag(word: string): boolean {
	const tags = (nlp(word).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? [];
	return tags.includes('Noun') && !tags.includes('Plural');
}

/**
 * Whom the pronoun of gender `g` at `at` in sentence `s` stands for, read back along the report's sentences
 * (pronoun-chain.ts): "In the quarter-finals on Wednesday she beat…" after a run of sentences about Raducanu.
 */
function pronounStandsFor(ctx: Context, s: Sentence, at: number, g: Gender): string | null {
	const all = sentencesIn(ctx);
	const i = all.findIndex((x) => x.start === s.start);
	if (i < 0) return null;
	const text = ctx.article.text;
	const people = ctx.mentions.filter((x) => x.value.kind === 'person');
	const surnames = new Map<string, string[]>();
	for (const p of new Set(people.map((x) => valueText(x.value)))) {
		const last = p.split(/\s+/u).pop()!;
		surnames.set(last, [...(surnames.get(last) ?? []), p]);
	}
	// A capitalised word no value of the report covers may be someone the tagger missed ("Musk's post"): it counts
	// as a person, of no known gender unless it is the surname of one person the report names.
	const maybeSomeone = (start: number, end: number) =>
		[...maskQuotes(text.slice(start, end)).matchAll(/(?<![\p{L}'’.-])\p{Lu}\p{Ll}[\p{L}'’-]*/gu)]
			.map((w) => ({ word: w[0].replace(/['’]s$/u, ''), at: w.index }))
			.filter(
				({ word, at }) =>
					!ctx.mentions.some((x) => x.start <= start + at && start + at < x.end) &&
					!(at <= 2 && (SENTENCE_OPENERS.test(word) || !maybeNameTag(word))) &&
					// "born in Eldoret", "at Wimbledon", "Otieno of Kenya", "the Lakeside marathon": a place or a name's
					// modifier the tagger did not read.
					!/\b(?:in|at|near|outside|across|of|the)\s+$/iu.test(text.slice(start, start + at)) &&
					!TITLE_WORDS.test(word) &&
					!ROLE_BEFORE_NAME.test(word) &&
					!MONTH_NAMES.some((month) => month.toLowerCase() === word.toLowerCase()) &&
					!WEEKDAY.test(word) &&
					!new RegExp(`(?<![\\p{L}])${escape(word.toLowerCase())}(?![\\p{L}])`, 'u').test(text)
			)
			.map(({ word, at }) => {
				const known = surnames.get(word);
				return { name: known?.length === 1 ? known[0] : `?${word}`, at };
			});
	const read = (start: number, end: number): ChainSentence => ({
		text: text.slice(start, end),
		people: [
			...people
				.filter((p) => p.start >= start && p.end <= end)
				.map((p) => ({ name: valueText(p.value), at: p.start - start })),
			...maybeSomeone(start, end)
		]
	});
	return chainAntecedent(
		read(s.start, at),
		// Only the sentences the chain may reach are read (each read scans the report for unread names).
		all.slice(Math.max(0, i - CHAIN_REACH), i).map((x) => read(x.start, x.end)),
		g,
		gendersIn(ctx).of,
		(text) =>
			OFFICE_OPENING.test(text) ||
			demonymOpening(text) ||
			/\bthe\s+(?:\d+-year-old|man|woman)\b/u.test(text)
	);
}

/** Where the first "she" or "he" (or "her", "his"…) of `span` outside `asked` and quotations stands, or its end. */
function pronounOrEnd(ctx: Context, span: Span, asked: Span): number {
	const words = maskQuotes(ctx.article.text.slice(span.start, span.end)).split('');
	for (let i = asked.start; i < asked.end; i++)
		if (i >= span.start && i < span.end) words[i - span.start] = ' ';
	const at = Math.min(
		...(['f', 'm'] as const).map((g) => firstPronoun(words.join(''), g)).filter((i) => i >= 0)
	);
	return Number.isFinite(at) ? span.start + at : span.end;
}

// "she"/"he" and their other forms; "her" is possessive before a word no object is followed by.
const PRONOUN_FORMS = /(?<![\p{L}'’])(she|he|him|his|her)(?![\p{L}'’])(\s+\S+)?/iu;
const AFTER_OBJECT =
	/^\s+(?:to|in|on|at|for|with|from|by|of|and|or|but|as|that|the|a|an|after|before|when|while|into|over|up|down|out|back|about|again|off|away)\b|^\s*$/iu;

/**
 * The shown words of sentence `s` (article offsets `from`, `to`, its asked value `asked` left out) with their first
 * "she", "her", "he", "his" or "him" named in brackets when the report says whom it stands for: "In the
 * quarter-finals on Wednesday [Emma Raducanu] beat…". Null when a pronoun of either gender is left unnamed.
 */
function pronounNamed(
	ctx: Context,
	s: Sentence,
	span: Span,
	asked: Span,
	shown: { before: string; after: string }
): { before: string; after: string } | null {
	const words = (from: number, to: number) => maskQuotes(ctx.article.text.slice(from, to));
	const outside = `${words(span.start, asked.start)}${' '.repeat(asked.end - asked.start)}${words(asked.end, span.end)}`;
	const genders = (['f', 'm'] as const).filter((g) => firstPronoun(outside, g) >= 0);
	if (genders.length !== 1) return null;
	const [g] = genders;
	const who = pronounStandsFor(ctx, s, span.start + firstPronoun(outside, g), g);
	if (!who) return null;
	const label = personNamed(ctx, who, true) ?? `[${who}]`;
	const apostrophe = ctx.article.text.includes('’') ? '’' : "'";
	// The first pronoun outside quotation marks; the masked text keeps the offsets of the shown one.
	const name = (text: string) => {
		const hit = PRONOUN_FORMS.exec(maskQuotes(text));
		if (!hit) return null;
		const [, pronoun, next = ''] = hit;
		const possessive =
			/^his$/iu.test(pronoun) || (/^her$/iu.test(pronoun) && !AFTER_OBJECT.test(next));
		const named = `${label}${possessive ? `${apostrophe}s` : ''}`;
		return text.slice(0, hit.index) + named + text.slice(hit.index + pronoun.length);
	};
	const before = name(shown.before);
	if (before !== null) return { before, after: shown.after };
	const after = name(shown.after);
	return after === null ? null : { before: shown.before, after };
}

/**
 * A role the article gives in an apposition right after a name: "Rohit, India's captain," or "Jennifer Homendy, chair
 * of the National Transportation Safety Board (NTSB),". Not a relative clause ("who opened the batting"), not an age.
 */
const APPOSITION =
	/^,\s+((?:the|a|an)\s[^,.;:"“”]{2,80}?|\p{Lu}[\p{L}'’-]*['’]s\s[^,.;:"“”]{2,80}?|\p{Ll}+\s+of\s[^,.;:"“”]{2,80}?),/u;

function appositionAt(text: string, at: number): string | null {
	const role = text.slice(at, at + 160).match(APPOSITION)?.[1];
	if (!role || role.split(/\s+/u).length > 10) return null;
	if (/\b(?:who|whose|which|that|said|says|told|and)\b/u.test(role)) return null;
	return role.replace(/\s+/gu, ' ');
}

const peopleCache = new WeakMap<
	Context,
	Map<string, { full: string; role: string | null } | null>
>();

/**
 * The person a name stands for ("Rohit", "Hou", "Rohit Sharma"): the article's whole name holding that word (the
 * only one: a tagged person, or a fact box's "Rohit Sharma 47"), and the first role an apposition after the name
 * gives them ("Rohit, India's captain,"), if any. Null when no one whole name fits.
 */
function personOf(ctx: Context, name: string): { full: string; role: string | null } | null {
	let cache = peopleCache.get(ctx);
	if (!cache) peopleCache.set(ctx, (cache = new Map()));
	if (cache.has(name)) return cache.get(name)!;
	const text = ctx.article.text;
	const wholes = [
		...new Set(
			ctx.mentions
				.filter((x) => x.value.kind === 'person')
				.map((x) => valueText(x.value))
				.filter((n) => /\s/u.test(n))
		)
	];
	let found = /\s/u.test(name) ? [name] : wholes.filter((w) => w.split(/\s+/u).includes(name));
	if (found.length === 0) {
		// Whole names the tagger reads in no sentence: a fact box's "Rohit Sharma 47" (headlines, in capitals, aside).
		const lines = text.split('\n').filter((l) => {
			const words = l.split(/\s+/u).filter(Boolean);
			const capitals = words.filter((w) => /^\p{Lu}/u.test(w)).length;
			return capitals * 2 < words.length || /^\s*[-•*]\s/u.test(l);
		});
		const word = String.raw`\p{Lu}[\p{L}'’-]+`;
		const re = new RegExp(
			String.raw`(?<![\p{L}])(?:${word}\s+${escape(name)}|${escape(name)}\s+${word})(?![\p{L}])`,
			'gu'
		);
		found = [...new Set(lines.flatMap((l) => [...l.matchAll(re)].map((x) => x[0])))].filter(
			(w) =>
				!w
					.split(/\s+/u)
					.some((x) => TITLE_WORDS.test(x) || ROLE_BEFORE_NAME.test(x) || NO_FIRST_NAME.test(x))
		);
	}
	let person: { full: string; role: string | null } | null = null;
	if (found.length === 1) {
		const full = found[0];
		let role: string | null = null;
		const re = new RegExp(`(?<![\\p{L}])(?:${escape(full)}|${escape(name)})(?![\\p{L}'’])`, 'gu');
		for (const hit of text.matchAll(re)) {
			role = appositionAt(text, hit.index + hit[0].length);
			if (role) break;
		}
		person = { full, role };
	}
	cache.set(name, person);
	return person;
}

/** "[Rohit Sharma, India's captain]": a person's whole name with the role the article gives them, or null without one. */
function personNamed(ctx: Context, name: string, withoutRole = false): string | null {
	const p = personOf(ctx, name);
	if (!p) return null;
	if (p.role) return `[${p.full}, ${p.role}]`;
	return withoutRole ? `[${p.full}]` : null;
}

/**
 * The article's words [from, to) of sentence `s` with the people it names only by a single name ("Rohit said…")
 * given whole with their role (never invented: a person with no role in an apposition keeps the name as written),
 * and an opening descriptor ("The 29-year-old left-hander") followed by the name of the one person the sentence
 * before names.
 */
function withPeopleNamed(
	ctx: Context,
	s: Sentence,
	from: number,
	to: number,
	asked: Mention
): string {
	const text = ctx.article.text;
	const edits: { start: number; end: number; text: string }[] = [];
	const others = ctx.mentions.filter(
		(x) => x.sentence.start === s.start && x.value.kind !== 'person'
	);
	const otherNames = new Set(
		ctx.mentions.flatMap((x) =>
			x.value.kind !== 'person' && 'name' in x.value ? x.value.name.split(/\s+/u) : []
		)
	);
	for (const hit of text
		.slice(from, to)
		.matchAll(/(?<![\p{L}'’-])\p{Lu}[\p{Ll}'’-]+(?![\p{L}])/gu)) {
		const start = from + hit.index;
		const end = start + hit[0].length;
		if (start < asked.end && asked.start < end) continue;
		if (others.some((x) => x.start < end && start < x.end) || otherNames.has(hit[0])) continue;
		// One word alone: not part of a whole name, no possessive, no role already after it.
		if (/\p{Lu}[\p{L}'’.-]*\s+$/u.test(text.slice(s.start, start))) continue;
		if (/^(?:\s+\p{Lu}|['’]|,)/u.test(text.slice(end, end + 2))) continue;
		const named = personNamed(ctx, hit[0]);
		if (named) edits.push({ start, end, text: named });
	}
	const descriptor = text.slice(s.start, to).match(/^The\s+\d+-year-old\s+[\p{Ll}-]+(?=\s)/u);
	if (from === s.start && descriptor) {
		const who = personBefore(ctx, s);
		const named = who ? personNamed(ctx, who, true) : null;
		const at = s.start + descriptor[0].length;
		if (named) edits.push({ start: at, end: at, text: ` ${named}` });
	}
	let out = '';
	let at = from;
	for (const e of edits.sort((a, b) => a.start - b.start)) {
		out += text.slice(at, e.start) + e.text;
		at = e.end;
	}
	return out + text.slice(at, to);
}

/**
 * Whether the value is who says or reports the sentence's words: "…, _____ told reporters", "_____ said on
 * Monday that…", "according to _____". A question on it asks who said what.
 */
function speaks(ctx: Context, m: Mention): boolean {
	if (m.value.kind !== 'person' && m.value.kind !== 'organisation') return false;
	const text = ctx.article.text;
	return (
		// "added a second goal" is no speech.
		/^\s*(?:said|says|told|wrote|added(?!\s+(?:a|an|the|his|her|their|its|another|\d+|one|two|three)\b)|announced|reported|warned|confirmed|declared)\b/u.test(
			text.slice(m.end, m.sentence.end)
		) || /\baccording to (?:the\s+)?$/u.test(text.slice(m.sentence.start, m.start))
	);
}

/**
 * Whether the person is one the report has speak: the subject of a speech verb ("_____ said", "_____, a local
 * councillor, said", "…,” said _____") or the source of "according to _____". Victims, relatives and names in
 * a list are not.
 */
function isSpeaker(ctx: Context, m: Mention): boolean {
	if (m.value.kind !== 'person') return false;
	const text = ctx.article.text;
	return (
		speaks(ctx, m) ||
		/^\s*,[^,.;]{1,60},\s*(?:said|says|told|wrote|added|announced|warned|confirmed|declared)\b/u.test(
			text.slice(m.end, m.sentence.end)
		) ||
		/\b(?:said|says|told \w+|added|wrote)[:,]?\s*$/u.test(text.slice(m.sentence.start, m.start))
	);
}

/** An article's span of text. */
type Span = { start: number; end: number };

/**
 * Where a draft stands in its sentence: the words it asks for and the words its prompt shows, and the value it
 * asks (one question per value). Two drafts of one sentence give each other away when one shows what the other
 * asks; a claim to judge shows all of its sentence.
 */
type Placement = {
	sentence: number;
	value: string;
	asked: Span;
	shown: Span;
	/** Where the value asked stands in the sentence (for a claim, the value it states or swaps). */
	key: Span;
	claim?: boolean;
};
const placements = new WeakMap<Draft, Placement>();

/** What a question about `m` asks for, as one key: a person once per sentence, other values once per article. */
function valueKey(m: Mention): string {
	return `${m.value.kind}:${normaliseAnswerText(valueText(m.value))}${m.value.kind === 'person' ? `:${m.sentence.start}` : ''}`;
}

function place(d: Draft | null, m: Mention, asked: Span, shown: Span, claim = false): Draft | null {
	if (d)
		placements.set(d, {
			sentence: m.sentence.start,
			value: claim ? `claim:${m.sentence.start}` : valueKey(m),
			asked,
			shown,
			key: { start: m.start, end: m.end },
			...(claim ? { claim } : {})
		});
	return d;
}

const AUX_AFTER_WH =
	'(?:will|would|shall|should|can|could|may|might|must|is|are|was|were|has|have|had|does|do|did)';

/** Whether the words right after [.., at) of the sentence start with a verb: the asked words are its subject. */
function verbFollows(sentence: string, at: number): boolean {
	const rest = sentence.slice(at).trim();
	if (!rest || /^[,;:(—–-]/u.test(rest)) return false;
	const [first, second] =
		(nlp(rest).json() as { terms: { text: string; tags: string[] }[] }[])[0]?.terms ?? [];
	if (!first || !first.tags.includes('Verb') || first.tags.includes('Gerund')) return false;
	// "ISRO engineers said…": two verbs in a row, the first no auxiliary, make the first a noun (the tagger reads
	// "engineers" as a verb) and the name its modifier, not the subject.
	return !(
		second?.tags.includes('Verb') && !AUXILIARIES.test(first.text.replace(/[^\p{L}]/gu, ''))
	);
}

/** A second main clause: ", and Angel Di Maria added…", "; he said…", ", but the junta…". */
const SECOND_CLAUSE =
	/;\s+|[,;]\s+(?:and|but|while|whereas|yet)\s+(?:the\s+|a\s+)?(?:\p{Lu}|(?:he|she|they|it|we)\b)/u;
/** "…won 52 seats and the Harlow People's Party won 8": a second clause joined without a comma, a name then a verb. */
const JOINED_CLAUSE =
	/\s(?:and|but)\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*(?:\s+\([^)]*\))?\s+(?:\p{Ll}+ed|said|says|won|wins|is|was|were|are|has|had|have|will|would|did|does|lost|took|told|made|gave|kept)\b/u;

/** Words that open a subordinate or relative clause, or a comma: what follows is not the main clause alone. */
const SUBORDINATE =
	/[,;:]|\b(?:that|which|who|whom|whose|when|where|while|because|if|after|before|since|until|unless|although|though|once|so)\b/iu;

/** A determiner or possessive right before a number: "the two men", "its 18 segments". */
const DEFINITE_BEFORE = /\b(?:the|its|their|his|her|these|those|our|your)\s+$/iu;

/** A predicate that opens with a speech verb. */
const SPEECH_VERB = /^\s*(?:said|says|told|added|stated|declared|announced|wrote|remarked)\b/iu;
/** A speech verb followed by adjuncts only ("said in remarks at the White House on Tuesday"): said what? */
const SPEECH_WITHOUT_WORDS =
	/^\s*(?:said|says|added|stated|declared|announced|wrote|remarked)(?:\s+(?:in|at|on|during|after|before|from|outside|inside|by|with|of|near|late|early)(?:\s+(?!(?:that|he|she|they|it|we|I)\b)[\p{L}\d'’.-]+)+)*\s*$/u;

const AUXILIARY =
	/^(?:have|has|had|will|would|shall|should|can|could|may|might|must|do|does|did)$/iu;

/**
 * A wh-question for `m`, only in the forms that cannot break: the asked words are the subject of their clause
 * ("Denmark said…" → "Which country said…?"), a count fronted with its noun and a simple verb ("Chad will send
 * 1,200 soldiers…" → "How many soldiers will Chad send…?"), or a date that closes its clause after "in" or
 * "on" ("France intervened in 2013" → "In which year did France intervene?"). Anything else is a gap-fill.
 */
function whQuestionFor(ctx: Context, mention: Mention): Draft | null {
	const m = mention;
	const v = m.value;
	if (listsItsCount(m)) return null;
	// "In which year did they publish the finding?": a question has no lead-in to say what (a gap-fill has).
	// Nor who "he" is ("…how many vessels did he say were waiting…?").
	if (
		BACK_REFERENCES.some((re) => re.test(m.sentence.text.trim())) ||
		demonymOpening(m.sentence.text.trim()) ||
		unnamedCraft(ctx, m.sentence.text) ||
		/^["“‘]?(?:He|She|They)\b/u.test(m.sentence.text.trim())
	)
		return null;
	const words = askedWords(m, m.sentence);
	const { text: clause, offset } = clauseAround(m.sentence.text, words.from, words.to);
	const before = clause
		.slice(0, words.from - offset)
		.replace(/^["“”'‘’\s]+/u, '')
		.replace(/^(But|And|So|Yet)\s+/u, '');
	const after = clause.slice(words.to - offset);
	let prompt: string | null = null;
	const readsAs = inOneForm(ctx, mention, (x: FactValue) => valueText(x));
	// "Messi scored twice, …, and Di Maria added a second": a subject asked before a second clause with its own
	// subject would make the question ask about both ("Who scored twice, …, and Di Maria added…?").
	const rest = m.sentence.text.slice(words.to);
	const secondClause = SECOND_CLAUSE.test(rest) || JOINED_CLAUSE.test(rest);
	if (v.kind === 'date') {
		// "in 2013" closing the clause; not "in late 2013", "by the end of 2013", nor a date the article leaves without its year.
		if (
			m.inferred ||
			!/^\s*(in|on)\b/iu.test(m.sentence.text.slice(words.from, m.start - m.sentence.start))
		)
			return null;
		if (/\b(late|early|mid|end of|start of|beginning of|middle of)\s*$/iu.test(before)) return null;
		if (!/^\s*[.,;]?\s*$/u.test(after.replace(/["”]/gu, ''))) return null;
		// A date of the main clause only: "…when it is full in 2029" dates the subordinate clause, and fronting
		// its "in 2029" would take the wrong auxiliary ("In which year is officials expect…").
		if (SUBORDINATE.test(m.sentence.text.slice(0, words.from))) return null;
		const wh =
			v.date.length === 4
				? 'In which year'
				: v.date.length === 7
					? 'In which month'
					: 'On which day';
		const asked = askAbout(m.sentence.text, words.from, words.to, wh, { front: true });
		if (new RegExp(`^${wh} ${AUX_AFTER_WH} \\S`, 'u').test(asked)) prompt = asked;
	} else if (v.kind === 'number') {
		// "450 million dollars" would be typed as 450000000: a count is asked as the article writes it.
		if (
			ctx.article.text.slice(m.start, m.end).replace(/[,\s]/gu, '') !==
			valueText(v).replace(/[,\s]/gu, '')
		)
			return null;
		// "The two men campaigned…", "won the one trophy…": a definite noun phrase names things, it does not count them.
		if (DEFINITE_BEFORE.test(ctx.article.text.slice(m.sentence.start, m.start))) return null;
		if (before.trim() === '' && verbFollows(m.sentence.text, words.to)) {
			if (secondClause) return null;
			prompt = askAbout(m.sentence.text, words.from, words.to, `how many ${m.label}`);
		} else {
			// Only a count that is the verb's object ("will send 1,200 soldiers"): not a length of time ("expected
			// about six months after"), nor after a passive verb.
			const lead = m.sentence.text.slice(0, words.from).trim().split(/\s+/u);
			const verb = lead[lead.length - 1] ?? '';
			const verbTags =
				(nlp(verb).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? [];
			if (
				/^(seconds|minutes|hours|days|weeks|months|years|decades)$/u.test(v.unit) ||
				!verbTags.includes('Verb') ||
				/^(is|are|was|were|be|been|being)$/iu.test(lead[lead.length - 2] ?? '') ||
				// "have now gone 34 matches": a word between the auxiliary and the verb, which fronting breaks ("how
				// many matches did the team have now go…?", the twenty-fifth reading's I18).
				AUXILIARY.test(lead[lead.length - 3] ?? '')
			)
				return null;
			if (secondClause) return null;
			const asked = askAbout(m.sentence.text, words.from, words.to, `how many ${m.label}`, {
				front: true
			});
			if (new RegExp(`^How many [\\p{L} -]+? ${AUX_AFTER_WH} \\S`, 'u').test(asked)) prompt = asked;
		}
		if (v.unit === '%') return null;
	} else if (before.trim() === '' && !secondClause && verbFollows(m.sentence.text, words.to)) {
		// "the Wagner Russian mercenary group", "the Malian capital Bamako": the noun after the name says what it is.
		const described =
			'name' in v &&
			v.kind !== 'person' &&
			/^\s+(?:\p{Lu}\p{L}+\s+)?(?:[a-z-]+\s+){0,2}(mission|missions|group|force|forces|operation|operations|capital|region|summit)\b/u.test(
				ctx.article.text.slice(m.end)
			);
		const possessive = v.kind === 'person' && /^['’]s\b/u.test(ctx.article.text.slice(m.end));
		const wh = described
			? 'which'
			: possessive
				? 'whose'
				: v.kind === 'person'
					? 'who'
					: v.kind === 'organisation'
						? 'which organisation'
						: v.kind === 'operation'
							? 'which operation'
							: v.kind === 'place' && (m.label === 'country' || m.label === 'city')
								? `which ${m.label}`
								: null;
		if (!wh) return null;
		prompt = askAbout(m.sentence.text, words.from, words.to + (possessive ? 2 : 0), wh);
		// What the subject did, asked whole: no comma in it (a gapped clause "who became X, Y Z and W V", two verbs
		// without "and"), and no speech verb whose quotation was cut ("who said in remarks at the White House?").
		const at = prompt.toLowerCase().indexOf(`${wh} `);
		const predicate = prompt.slice(at + wh.length).replace(/\?$/u, '');
		if (
			predicate.includes(',') ||
			SPEECH_WITHOUT_WORDS.test(predicate) ||
			(SPEECH_VERB.test(predicate) && /["“”:]/u.test(m.sentence.text.slice(words.to)))
		)
			return null;
	}
	if (!prompt) return null;
	if (
		/["“”]/u.test(prompt) ||
		/^Who and\b/u.test(prompt) ||
		/^Who (said|told|says)\b[,?]/u.test(prompt)
	)
		return null;
	prompt = withContext(prompt, ctx);
	const n = prompt.split(/\s+/u).length;
	if (n < 5 || n > 40 || /\b(today|yesterday|tomorrow)\b/iu.test(prompt)) return null;
	const keyText = readsAs(v);
	if (normaliseAnswerText(prompt).includes(normaliseAnswerText(keyText))) return null;
	const cited = quoteOfClause(ctx.article, m) ?? quoteOf(ctx.article, m.sentence);
	if (!cited) return null;
	const wrong = distractorsFor(ctx, m, OPTIONS_PER_QUESTION - 1, readsAs, { standsAlone: true });
	const explanation = `${capitalise(sourceOf(ctx.article))} says so: ${keyText}${v.kind === 'number' ? ` ${unitWords(m)}` : v.kind === 'person' && v.role ? ` (${v.role})` : ''}.`;
	const base = { explanation, tags: tagsFor(v, v.kind), difficulty: 2 as const };
	let question: Draft['question'];
	if (wrong.texts.length >= 2)
		question = { ...base, type: 'single', prompt, options: choices(keyText, wrong.texts, prompt) };
	else if (v.kind === 'number')
		question = {
			...base,
			type: 'numeric',
			prompt,
			answer: v.amount,
			tolerance: toleranceFor(ctx, m, cited.quote),
			unit: unitWords(m)
		};
	else return null;
	const draft = scored(
		{
			key: draftKey(v.kind, `${keyText} ${m.start}`),
			kind: v.kind,
			form: 'wh-question',
			...(speaks(ctx, m) ? { asks: 'speaker' as const } : {}),
			question,
			quote: cited.quote,
			span: cited.span,
			value: v,
			bankFacts: [],
			similarTo: similarQuestions(ctx, cited.span, v)
		},
		ctx,
		m,
		0.95,
		wrong.texts.length >= 2 ? wrong : { texts: ['', '', ''], own: 0 }
	);
	const asked = { start: m.sentence.start + words.from, end: m.sentence.start + words.to };
	return place(draft, m, asked, cited.span);
}

/** "“…”, Macron said": who said the quoted words, the speaker among other people. */
function whoSaidFor(ctx: Context, m: Mention): Draft | null {
	if (m.value.kind !== 'person') return null;
	const speech = m.sentence.text.match(/["“]([^"“”]{20,})["”]/u);
	// "…,” Kent Walker, the company's president of global affairs, said in a statement.
	const saidAfter =
		/^(?:,\s+(?:the|a|an|its|his|her|their|\p{Lu}[\p{L}.-]*['’]s)\s+[^,;"“”]{2,80},)?\s*(said|says|told|added|wrote)\b/u.test(
			ctx.article.text.slice(m.end, m.sentence.end)
		);
	const saidBefore = /\b(said|says|told \w+|added|wrote)[:,]?\s*$/u.test(
		ctx.article.text.slice(m.sentence.start, m.start)
	);
	if (!speech || !(saidAfter || saidBefore)) return null;
	if (m.sentence.text.slice(speech.index! + speech[0].length).includes('"')) return null;
	// The speaker named inside the quoted words would answer the question.
	const words = speech[1].replace(/[,.]\s*$/u, '');
	// "…said the pier “has been a danger for years”": a piece of a sentence, whose subject the prompt cuts off.
	if (!/^\p{Lu}/u.test(words)) return null;
	if (
		normaliseAnswerText(words).includes(normaliseAnswerText(m.value.name.split(' ').slice(-1)[0]))
	)
		return null;
	const cited = quoteOf(ctx.article, m.sentence);
	if (!cited) return null;
	const prompt = `Who said, in ${reportName(ctx.article)}: “${nestQuotes(words)}”?`;
	if (prompt.split(/\s+/u).length > 40) return null;
	// Every speaker by a whole name, or every one by a surname: "Rahul" beside whole names stands out.
	const reading = inOneForm(ctx, m, (x) => valueText(x));
	const wrong = distractorsFor(ctx, m, OPTIONS_PER_QUESTION - 1, reading, { quoted: words });
	if (wrong.texts.length < 2) return null;
	const keyText = reading(m.value);
	const role = m.value.role ? ` (${m.value.role})` : '';
	const spoken = {
		start: m.sentence.start + speech.index!,
		end: m.sentence.start + speech.index! + speech[0].length
	};
	const draft = scored(
		{
			key: draftKey('person-said', `${keyText} ${m.start}`),
			kind: 'person',
			form: 'who-said',
			question: {
				type: 'single',
				prompt,
				options: choices(keyText, wrong.texts, prompt),
				explanation: `${capitalise(sourceOf(ctx.article))} gives these words to ${keyText}${role}.`,
				tags: ['drafted', 'actors'],
				difficulty: 2
			},
			quote: cited.quote,
			span: cited.span,
			value: m.value,
			bankFacts: [],
			similarTo: similarQuestions(ctx, cited.span, m.value)
		},
		ctx,
		m,
		1,
		wrong
	);
	return place(draft, m, { start: m.start, end: m.end }, spoken);
}

/**
 * The one person the sentence right before `s` names, when its pronouns of that gender all come after the name
 * ("Jonas Deibe, a Swede travelling with his family, told…": "his" is his) and the report gives no other gender:
 * whom the next sentence's "he" stands for. Null otherwise.
 */
function soleAntecedent(ctx: Context, s: Sentence, gender: Gender): string | null {
	const previous = ctx.mentions
		.filter((x) => x.sentence.end <= s.start)
		.reduce<Sentence | null>((p, x) => (!p || x.sentence.start > p.start ? x.sentence : p), null);
	if (!previous || /\S/u.test(ctx.article.text.slice(previous.end, s.start))) return null;
	const people = ctx.mentions.filter(
		(x) => x.sentence.start === previous.start && x.value.kind === 'person'
	);
	const names = new Set(people.map((x) => valueText(x.value)));
	if (names.size !== 1) return null;
	const [name] = [...names];
	const theirs = gendersIn(ctx).of(name);
	if (theirs && theirs !== gender) return null;
	const first = Math.min(...people.map((x) => x.start)) - previous.start;
	const pronoun =
		gender === 'f' ? /\b(?:she|her|hers|herself)\b/giu : /\b(?:he|him|his|himself)\b/giu;
	return [...previous.text.matchAll(pronoun)].every((p) => p.index > first) ? name : null;
}

/**
 * "“I'm gone, I'm dead,” he told his team": who said the words, when "he"/"she" stands for the one person the
 * sentence before names (personBefore); asked as whoSaidFor asks it, with that person as the key.
 */
function whoSaidAfterPronoun(ctx: Context, s: Sentence): Draft | null {
	const said = /^["“][^"“”]{20,}["”],?\s+(he|she)\s+(?:said|says|told|added)\b/u.exec(s.text);
	if (!said) return null;
	const who =
		personBefore(ctx, { ...s, text: said[1] === 'she' ? 'She' : 'He' }) ??
		soleAntecedent(ctx, s, said[1] === 'she' ? 'f' : 'm');
	const named = who
		? ctx.mentions.find((x) => x.value.kind === 'person' && samePerson(valueText(x.value), who))
		: undefined;
	if (!named) return null;
	const at = s.start + said[0].lastIndexOf(said[1]);
	return citingTheNaming(
		ctx,
		s,
		who!,
		whoSaidFor(ctx, { ...named, sentence: s, start: at, end: at + said[1].length })
	);
}

/** The sentence that names the speaker of a who-said draft after "…," he said. (its start and words). */
const namingSentences = new WeakMap<Draft, { start: number; text: string }>();

/**
 * "“…,” he said." names no one: a who-said draft of it cites the sentence before, which names the speaker, with
 * it (one quote over both), so that the cited words state the key. Null when the two cannot be quoted together.
 */
function citingTheNaming(ctx: Context, s: Sentence, who: string, d: Draft | null): Draft | null {
	if (!d) return null;
	const naming = ctx.mentions
		.filter(
			(x) =>
				x.sentence.end <= s.start &&
				x.value.kind === 'person' &&
				samePerson(valueText(x.value), who)
		)
		.reduce<Sentence | null>((p, x) => (!p || x.sentence.start > p.start ? x.sentence : p), null);
	if (!naming) return null;
	const cited = quoteOf(ctx.article, { ...s, start: naming.start, end: s.end });
	if (!cited) return null;
	const draft: Draft = { ...d, quote: cited.quote, span: cited.span };
	const p = placements.get(d);
	if (p) placements.set(draft, p);
	namingSentences.set(draft, { start: naming.start, text: normaliseAnswerText(naming.text) });
	return draft;
}

/**
 * Whether kept draft `k` shows the sentence that names the speaker of who-said draft `d` (it asks about that
 * sentence, or quotes it as a lead-in): set in one quiz, `k` would give `d`'s answer away.
 */
export function showsTheSpeaker(k: Draft, d: Draft): boolean {
	const naming = namingSentences.get(d);
	if (!naming || k === d) return false;
	if (placements.get(k)?.sentence === naming.start) return true;
	const lead = leadInOf(k);
	return !!lead && lead.includes(naming.text);
}

/** The drafts one mention could give, best first: who said it, a safe wh-question, a gap-fill of its sentence or of its clause alone. */
/**
 * Whether words that start at `start` only attribute quoted words that stand before them ("‘We pulled it off!’
 * Boskalis Chief Executive Peter Berdowski said in a statement."): shown without them, "said" says nothing.
 */
function saysNothing(text: string, start: number, shown: string): boolean {
	return (
		/["“”]/u.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start)) &&
		!/["“”]/u.test(shown) &&
		/\b(?:said|says|told\s+\S+|wrote|added|declared)(?:\s+(?:in|on|at)\s+[^,;]{1,40})?\s*[.…]?\s*$/iu.test(
			shown
		)
	);
}

/**
 * Whether a place stands in a list of places none of which is a country, a state or a continent ("in _____,
 * Brussels, Santiago and Tokyo"): a list of cities, so the key is one.
 */
function listedWithCities(ctx: Context, key: Mention): boolean {
	// "Colombo, Sri Lanka" is a city and its country, not a list.
	if (key.value.kind !== 'place' || isCountry(key.value.name) || isState(key.value.name))
		return false;
	const text = ctx.article.text;
	const listed = ctx.mentions.filter(
		(x) =>
			x !== key &&
			x.value.kind === 'place' &&
			x.sentence.start === key.sentence.start &&
			/^(?:,\s*|\s+and\s+|,\s*and\s+)$/u.test(
				text.slice(Math.min(x.end, key.end), Math.max(x.start, key.start))
			)
	);
	return (
		listed.length > 0 &&
		listed.every(
			(x) =>
				x.value.kind === 'place' &&
				!isCountry(x.value.name) &&
				!isState(x.value.name) &&
				!isContinent(x.value.name) &&
				x.label !== 'country'
		)
	);
}

/**
 * Keys no teacher asks (issue 16, the fourteenth reading): where words appeared ("hailed the rescue on _____", "told
 * _____ radio"), and a continent ("the southern tip of _____"), which is geography, not the report.
 */
function notWorthAsking(ctx: Context, m: Mention): boolean {
	const v = m.value;
	const text = ctx.article.text;
	const after = text.slice(m.end, m.sentence.end);
	// "smashed into an asteroid _____ weeks ago", "71 fewer than it won _____ years ago": an interval that restates a
	// date the prompt's own report date gives.
	// (Not "a lake more than 3.5 billion years ago", a fact of its own.)
	if (
		v.kind === 'number' &&
		v.amount <= 12 &&
		/^\s*(?:days?|weeks?|months?|years?)\s+ago\b/u.test(after)
	)
		return true;
	// "28, or _____, had no crises" of 29 patients, "_____ of 42 patients, or 93%": a count and the share that
	// restates it give each other by arithmetic (the twentieth reading's C6, C7, O21).
	if (
		v.kind === 'number' &&
		(SHARE_RESTATES.test(text.slice(m.sentence.start, m.start)) || RESTATED_BY_SHARE.test(after))
	)
		return true;
	// "the stewards threw out both": a count of two that "both" states.
	if (v.kind === 'number' && v.amount === 2 && /\bboth\b/iu.test(m.sentence.text)) return true;
	// A year or day the title states, which every prompt shows ("for the first time since 1994"); names the title
	// states have rules of their own (a who-said prompt then names the report by its date).
	if (!ctx.article.citedAs) {
		const written = text.slice(m.start, m.end).trim();
		if (v.kind === 'date' && written.length >= 4 && titleStates(titleOf(ctx.article), [written]))
			return true;
	}
	if (!('name' in v)) return false;
	if (v.kind === 'place' && isContinent(v.name)) return true;
	// "Artemis III", "Felipe VI": a serial or regnal number cut from its name is no name.
	if (/^[IVXLC]+$/u.test(v.name)) return true;
	// "Launch Complex 39B": a name cut from the code that makes it one is half a name.
	if (v.kind !== 'person' && /^\s+\d+[A-Z]\b/u.test(after)) return true;
	// "the bloc's Peace and _____", "The _____ Industrial Average": a gap cut through a longer name, whose other
	// words every wrong option reads as nonsense beside (the twentieth reading's G10, O20).
	if (v.kind !== 'person' && v.kind !== 'place') {
		const before = text.slice(m.sentence.start, m.start);
		const word = /(\p{Lu}[\p{L}'’-]*)\s+(?:and|of|for)\s+$/u.exec(before);
		if (
			word &&
			!ctx.mentions.some(
				(x) =>
					x.sentence.start === m.sentence.start &&
					x.end === m.start - word[0].length + word[1].length
			)
		)
			return true;
		if (/^\s+(?:\p{Lu}\p{Ll}+\s+)*(?:Average|Index|Exchange)\b/u.test(after)) return true;
	}
	// "the Coast Guard's First District": a numbered unit is filing, not the report's news.
	if (
		/^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|\d+(?:st|nd|rd|th))\s+(?:District|Division|Circuit|Fleet|Army|Corps|Brigade|Regiment|Battalion|Ward|Precinct)$/u.test(
			v.name
		)
	)
		return true;
	// "confirmation of Einstein's theory of general relativity", "Newton's laws": a name that belongs to its idea
	// is common knowledge, not the report's.
	if (
		v.kind === 'person' &&
		/^['’]s\s+(?:\p{Ll}+\s+)?(?:theory|theories|law|laws|equation|equations|principle|constant)\b/u.test(
			after
		)
	)
		return true;
	return (
		OUTLETS.test(v.name) &&
		(/\b(?:on|via|to|told|with)\s+(?:the\s+)?$/iu.test(text.slice(m.sentence.start, m.start)) ||
			/^\s+(?:radio|television|TV|interview|programme|program|podcast|account|post|page)\b/iu.test(
				text.slice(m.end, m.sentence.end)
			))
	);
}

function candidatesFor(ctx: Context, mention: Mention): Draft[] {
	let m = mention;
	// A place the report calls a city, or lists among cities ("in _____, Brussels, Santiago"), is asked as a city.
	if (
		m.value.kind === 'place' &&
		m.label === 'place' &&
		(ctx.cities.has(m.value.name) || listedWithCities(ctx, m))
	)
		m = { ...m, label: 'city' };
	// A weekday is worth nobody's learning, and its date comes from the report's, not its words.
	if (m.value.kind === 'date' && m.inferred && m.value.date.length === 10) {
		if (/day$/iu.test(ctx.article.text.slice(m.start, m.end))) return [];
	}
	if (notWorthAsking(ctx, m)) return [];
	// "_____ arrived home in Australia" under the title "Julian Assange pleads guilty…": the report's own subject,
	// which every prompt's title names, is asked only as who said what (the twenty-second reading's A1).
	const subject = m.value.kind === 'person' && titleNamesPerson(ctx, m.value.name);
	return [
		whoSaidFor(ctx, m),
		subject ? null : whQuestionFor(ctx, m),
		subject ? null : gapFillFor(ctx, m),
		subject ? null : gapFillFor(ctx, m, 'clause')
	]
		.filter((d): d is Draft => !!d)
		.sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
}

/**
 * A value of the key's kind that makes its sentence false: another of the article's (not one its sentence or a
 * sentence stating the key also gives) or the bank's, else for a count or a year one close to the key that the
 * article never states. Written as the sentence writes the key ("2,400", "2013").
 */
function falseValueFor(
	ctx: Context,
	m: Mention,
	reading: (v: FactValue) => string
): string | undefined {
	const v = m.value;
	// A false figure a careful reader can tell from the true one and a skimmer cannot: not 5.25% for 5.28%, nor
	// 300 yen for 150.
	const latitude =
		v.kind === 'number' &&
		/^\s*(?:degrees?|°)\s+(?:north|south)\b/iu.test(
			ctx.article.text.slice(m.start, m.sentence.end).replace(/^[\d.,]+/u, '')
		);
	const [picked] = distractorsFor(ctx, m, 1, reading, {
		accept: (c) =>
			v.kind !== 'number' ||
			(c.kind === 'number' && tellable(c.amount, v.amount) && !(latitude && c.amount > 90))
	}).texts;
	if (picked) return picked;
	const stated = (x: FactValue) => ctx.mentions.some((k) => sameValue(k.value, x));
	if (
		v.kind === 'number' &&
		(writtenScaled(m, ctx.article.text) ||
			/^[\d.,]+%?$/u.test(ctx.article.text.slice(m.start, m.end)))
	) {
		const range = rangeLimits(ctx, m);
		for (const amount of roundNeighbours(v.amount)) {
			const candidate: FactValue = { ...v, amount };
			if (range && !(amount > range.above && amount < range.below)) continue;
			// A share above 100%, or a latitude beyond 90 degrees, would be false at a glance (O5).
			if (v.unit === '%' && amount > 100) continue;
			if (latitude && amount > 90) continue;
			if (!stated(candidate)) return reading(candidate);
		}
	}
	if (v.kind === 'date' && v.date.length === 4) {
		const future = speaksOfFuture(ctx.article.text.slice(m.sentence.start, m.start));
		const sided = onSideOf(v.date, ctx.article.eventDate, future);
		for (const shift of [3, -3, 5, -5]) {
			const candidate: FactValue = { kind: 'date', date: String(Number(v.date) + shift) };
			// "Opened up in 2026" in a report of 2023 would be false at a glance.
			if (sided && !onSideOf(candidate.date, ctx.article.eventDate, future)) continue;
			if (!stated(candidate)) return reading(candidate);
		}
	}
	return undefined;
}

/** A person followed by an apposition that says who they are: "Tim Henman, a former British number one". */
function describedAfter(text: string, m: Mention): boolean {
	return /^,\s+(?:a|an|the)\s/u.test(text.slice(m.end, m.sentence.end));
}

/** A bound right before a figure: "fewer than", "up to", "nearly", "over" (with a currency sign). */
/** ", or 97%" after a count: the share restates it. */
const SHARE_RESTATES = /,\s+or\s+(?:about\s+|some\s+|nearly\s+|roughly\s+|almost\s+)?$/u;
/** A count followed by the share that restates it (", or 97%"). */
const RESTATED_BY_SHARE =
	/^(?:\s+[\p{L}-]+){0,3},\s+or\s+(?:about\s+|some\s+|nearly\s+|roughly\s+|almost\s+)?\d[\d.,]*\s*(?:%|per\s*cent)/u;

/** A bound before a gap's figure, under which every smaller (or over which every larger) figure is right too. */
const GAP_BOUND =
	/\b(?:(?:more|greater|higher|fewer|less|lower)\s+than|over|above|under|below|at\s+least|at\s+most|upwards\s+of|exceeding)\s+[$£€¥]?\s*$/iu;

const BOUND_BEFORE =
	/\b(?:(?:fewer|less|more|greater|higher|lower)\s+than|under|below|inside|within|over|above|at\s+least|at\s+most|up\s+to|nearly|almost|as\s+(?:many|much|few|little)\s+as|upwards\s+of|(?:over|within|in|during)\s+the\s+(?:next|following|first|past|last))\s+[$£€¥]?\s*$/iu;

/**
 * True or false, from a sentence that states a value: the sentence as the report gives it, or with the value
 * swapped for one of its own kind that the article never states (so the claim is false by the report, and
 * nothing else the report says makes it true). Half of them false, chosen by the sentence's words.
 */
function trueFalseFor(ctx: Context, s: Sentence, mentions: Mention[]): Draft | null {
	const text = s.text.replace(/\s+/gu, ' ');
	if (/["“”]/u.test(text) || /^(But|And|So|Yet|Or)\b/u.test(text)) return null;
	if (!/[.]$/u.test(text) || text.split(/\s+/u).length > 30) return null;
	// A claim that leans on the sentence before ("It", "The gap", "such cuts") is read after it (see gapFillOn).
	if (saysNothing(ctx.article.text, s.start, text)) return null;
	// "Red Bull argued he should…": read after a sentence that opens on one person, or not at all.
	// "In the quarter-finals on Wednesday she beat…" names her in brackets where the report says who she is.
	const pronounFirst = pronounBeforeAnyPerson(ctx, s.start, s.end);
	const named =
		pronounFirst || /^(?:He|She|His|Her)\b/u.test(text)
			? pronounNamed(ctx, s, s, { start: s.end, end: s.end }, { before: text, after: '' })
			: null;
	const unnamedPronoun = !named && pronounFirst;
	const leans = leansOn(ctx, s, named?.before ?? text) || unnamedPronoun;
	// A person swapped beside someone the claim tells by a role or a pronoun may be that someone ("The Canadian…
	// knocking out defending champion Leylah Fernandez", the twenty-first reading's R12).
	const speaksOfSomeone =
		leans ||
		!!named ||
		needsPerson(text) ||
		PERSONAL_PRONOUN.test(text) ||
		(/^The\s+\p{Lu}\p{Ll}+[,\s]/u.test(text) &&
			!ctx.mentions.some((x) => x.start <= s.start + 4 && s.start + 4 < x.end));
	// "…three of the aircraft's eight emergency exits" with a jet and a plane in the title: which one is unsaid.
	if (unnamedCraft(ctx, text)) return null;
	const rank = (m: Mention) =>
		m.value.kind === 'number'
			? 5
			: m.value.kind === 'person'
				? 4
				: m.value.kind === 'organisation' || m.value.kind === 'operation'
					? 3
					: m.value.kind === 'place' && m.label !== 'place'
						? 2
						: m.value.kind === 'date' && !m.inferred
							? 1
							: 0;
	// A number the sentence writes in words ("three weeks") would be swapped for digits ("2 weeks").
	const asWritten = (x: Mention) =>
		x.value.kind !== 'number' ||
		ctx.article.text.slice(x.start, x.end).replace(/[,\s]/gu, '') ===
			readingOf(x, ctx.article.text)(x.value).replace(/[,\s]/gu, '');
	const ranked = [...mentions]
		.filter(
			(x) =>
				rank(x) > 0 &&
				// The title's subject swapped ("the port of Porto" in a report on Lisbon's) is false at a glance.
				!namesTitle(ctx.article.title, x) &&
				!notWorthAsking(ctx, x) &&
				!('name' in x.value && (ctx.nameCounts.get(normaliseAnswerText(x.value.name)) ?? 0) >= 3)
		)
		.sort((a, b) => rank(b) - rank(a));
	// "fewer than 1,000": a figure under a bound stays true when moved the way the bound allows ("fewer than
	// 1,500"), so it is never the one a false claim swaps.
	const swappable = (x: Mention) =>
		asWritten(x) &&
		!partOfName.has(x) &&
		!(
			x.value.kind === 'number' &&
			BOUND_BEFORE.test(ctx.article.text.slice(x.sentence.start, x.start))
		) &&
		// "won it four times, from 2015 to 2017": a swapped count its own sentence contradicts.
		!listsItsCount(x) &&
		// "45 km (28 miles)": a swapped conversion its own figure contradicts.
		!(
			x.value.kind === 'number' &&
			CONVERTED_BEFORE.test(ctx.article.text.slice(x.sentence.start, x.start))
		) &&
		// "Of 29 patients, 28, or 97%, …": a count and the share that restates it; either swapped, the other shows
		// the claim false by arithmetic (the twentieth reading's C6, C7).
		!(
			x.value.kind === 'number' &&
			(SHARE_RESTATES.test(ctx.article.text.slice(x.sentence.start, x.start)) ||
				RESTATED_BY_SHARE.test(ctx.article.text.slice(x.end, x.sentence.end)))
		) &&
		!countBeforeOrdinal(ctx, x) &&
		// "22 witnesses: 20 … and two …": a swapped total or part its own sum contradicts (the twenty-first reading's T9).
		!partsAddUp(ctx, x) &&
		// "Tim Henman, a former British number one, …", "The Canadian … knocking out Naomi Osaka": a person told
		// by a role, or beside someone the claim speaks of unnamed, is swapped for someone the role or the cast rules
		// out (R18, R12).
		!(x.value.kind === 'person' && (describedAfter(ctx.article.text, x) || speaksOfSomeone));
	// Seven claims in eight are drafted false where a value can be swapped: a swap is not always found, and a half
	// left the tuning set's claims 72% true (now 50%), which a student who always answers "true" would game.
	const wantFalse = parseInt(hashOf(text), 16) % 8 !== 0;
	// A false claim swaps a value written as the drafter writes it; a true one may rest on any.
	const m = (wantFalse ? ranked.find(swappable) : undefined) ?? ranked[0];
	if (!m) return null;
	// "…no American spacecraft had landed on the Moon since Apollo 17 in December 1972" under the title "…the first
	// since 1972": the title every prompt shows judges the claim (the twenty-second reading's O14).
	if (
		(m.value.kind === 'number' || m.value.kind === 'date') &&
		titleStates(ctx.article.title, [ctx.article.text.slice(m.start, m.end)])
	)
		return null;
	const previous = leans ? sentenceBefore(ctx, m, keyWords(ctx, m)) : null;
	if (leans && !previous) return null;
	// "She earned her doctorate…" after a sentence that names nobody: whom it speaks of is left unnamed.
	if (previous && needsPerson(text) && !namesPerson(ctx, previous)) return null;
	if (previous && unnamedPronoun && !opensOnOnePerson(ctx, previous)) return null;
	if (previous && demonymOpening(text) && !namesOnePerson(ctx, previous)) return null;
	if (previous && !leadInNames(ctx, previous, text)) return null;
	const leadIn = previous ? previous.text.replace(/\s+/gu, ' ').trim() : '';
	const cited = quoteOf(ctx.article, s);
	if (!cited) return null;
	const reading = readingOf(m, ctx.article.text);
	const keyText = reading(m.value);
	const from = m.start - s.start;
	const to = m.end - s.start;
	const shown = s.text.slice(from, to);
	const wrong = wantFalse && swappable(m) ? falseValueFor(ctx, m, reading) : undefined;
	// "the European Space Agency" → "NASA", not "the NASA".
	// People named by a single name get their whole name and role, as in gap-fills.
	let opening = withPeopleNamed(ctx, s, s.start, m.start, m);
	let tail = withPeopleNamed(ctx, s, m.end, s.end, m);
	if (named) {
		const again = pronounNamed(ctx, s, s, m, { before: opening, after: tail });
		if (!again) return null;
		({ before: opening, after: tail } = again);
	}
	const head =
		wrong && /^[\p{Lu}\d]{2,}$/u.test(wrong) ? opening.replace(/\b[Tt]he\s+$/u, '') : opening;
	// And the other way: "ECOWAS has also suspended…" → "The United Nations has…", where the report writes it so.
	const wantsThe =
		!!wrong &&
		'name' in m.value &&
		!/\b[Tt]he\s+$/u.test(head) &&
		!/^[Tt]he\s/u.test(wrong) &&
		standsWithThe(ctx.article.text, wrong);
	const replacement = wrong
		? wantsThe
			? `${head.trim() ? 'the' : 'The'} ${wrong}`
			: wrong
		: shown;
	// "about 60 km (28 miles) wide": a false figure beside its true conversion is false at a glance, and a true one
	// beside it is checked by arithmetic; the claim leaves the conversion out.
	const statement =
		`${head}${replacement}${m.value.kind === 'number' ? tail.replace(CONVERSION_AFTER, '$1') : tail}`
			.replace(/\s+/gu, ' ')
			.replace(/[.]$/u, '');
	// The sentence stands whole after the colon, as the report writes it: nothing to lower or rearrange.
	const name = reportName(ctx.article);
	const prompt = leadIn
		? `In ${name}, after “${nestQuotes(leadIn)}”, true or false: ${statement}.`
		: `True or false, according to ${name}: ${statement}.`;
	const leadWords = leadIn ? leadIn.split(/\s+/u).length : 0;
	if (prompt.split(/\s+/u).length - titleWords(name) - leadWords > 40 || leadWords > 40)
		return null;
	const answer = wrong === undefined;
	const v = m.value;
	const draft = scored(
		{
			key: draftKey(`tf-${v.kind}`, `${keyText} ${m.start}`),
			kind: v.kind,
			form: 'true-false',
			question: {
				type: 'true_false',
				prompt,
				answer,
				explanation: answer
					? `True: ${sourceOf(ctx.article)} says so.`
					: `False: ${sourceOf(ctx.article)} gives ${keyText}, not ${wrong}.`,
				tags: tagsFor(v, v.kind),
				difficulty: 1
			},
			quote: cited.quote,
			span: cited.span,
			value: v,
			bankFacts: [],
			similarTo: similarQuestions(ctx, cited.span, v)
		},
		ctx,
		m,
		// The sentence whole, with nothing cut out and no options to rule out: the blind readings found claims the
		// form most often usable as drafted (19 of 27 in the last two), so a claim ranks about level with a gap-fill.
		0.95,
		{ texts: ['t', 'f', 'x'], own: 0 }
	);
	const whole = { start: s.start, end: s.end };
	return place(draft, m, whole, whole, true);
}

/** Options in an order that depends on the text only (the app shuffles again when it presents them). */
function shuffleStable<T extends { text: string }>(options: T[], seed: string): T[] {
	const score = (t: string) => {
		let h = 2166136261;
		for (const c of seed + t) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
		return h;
	};
	return [...options].sort((a, b) => score(a.text) - score(b.text));
}

/** "the leaders of Niger, Mali, Mauritania, Burkina Faso and Chad": a multiple-select on the list. */
function draftsForLists(ctx: Context, sentence: Sentence, mentions: Mention[]): Draft[] {
	const places = mentions.filter((m) => m.value.kind === 'place' && m.label === 'country');
	const drafts: Draft[] = [];
	for (let i = 0; i + 2 < places.length; i++) {
		let j = i;
		while (
			j + 1 < places.length &&
			/^(,\s*|\s+and\s+|,\s*and\s+)$/u.test(
				ctx.article.text.slice(places[j].end, places[j + 1].start)
			)
		)
			j++;
		if (j - i < 2) continue;
		const list = places.slice(i, j + 1);
		i = j;
		// "in Afghanistan, Ivory Coast, Djibouti and the Central African Republic": a list that goes on past the
		// countries the tagger knows would be cut in the middle ("in which countries and the Central African
		// Republic…?", the twentieth reading's G7).
		if (
			/^\s*(?:,\s*)?(?:and|or)\s+(?:the\s+)?\p{Lu}/u.test(
				ctx.article.text.slice(list[list.length - 1].end)
			)
		)
			continue;
		// Nor one that starts before them: "the Soviet Union, the United States, China and India" would leave "the
		// Soviet Union, the which countries?" (the twenty-second reading's O15).
		const opening = ctx.article.text.slice(sentence.start, list[0].start);
		if (/\p{Lu}[\p{L}'’.-]*\s*,\s*(?:the\s+)?$/u.test(opening)) continue;
		const cited = quoteOf(ctx.article, sentence);
		if (!cited || leansOnBefore(ctx, sentence, sentence.start, sentence.end)) continue;
		// "…in the United States, China and India": the list's "the" goes with it.
		const from = list[0].start - sentence.start - (/\bthe\s+$/iu.exec(opening)?.[0].length ?? 0);
		const to = list[list.length - 1].end - sentence.start;
		const asked = askAbout(sentence.text, from, to, 'which countries').replace(/\?$/u, '');
		const prompt = `According to ${reportName(ctx.article)}, ${lowerFirstUnlessName(asked)}? Select all that the report names.`;
		const names = list.map((m) => valueText(m.value));
		const wrong: string[] = [];
		// The article's own countries first; the bank's (the Sahel's) only beside a report on its subject.
		const own: Candidate[] = ctx.mentions.map((m) => ({
			value: m.value,
			label: m.label,
			article: ctx.article.slug
		}));
		for (const c of [...own, ...(ctx.related ? ctx.pool : [])]) {
			if (c.value.kind !== 'place' || c.label !== 'country') continue;
			const text = valueText(c.value);
			if (
				[...names, ...wrong].some((n) => sameValue({ kind: 'place', name: n }, c.value)) ||
				sentence.text.includes(text)
			)
				continue;
			wrong.push(text);
			if (wrong.length === 2) break;
		}
		if (wrong.length < 1) continue;
		const options = shuffleStable(
			[...names.map((text) => ({ text, correct: true })), ...wrong.map((text) => ({ text }))],
			prompt
		);
		const draft: Draft = {
			key: draftKey('list', names.join(' ')),
			kind: 'list',
			form: 'list',
			// Every name of the list is the article's own, and the options are countries: safe, and worth asking.
			score: 0.8,
			question: {
				type: 'multiple',
				prompt,
				options,
				explanation: `${capitalise(sourceOf(ctx.article))} names ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}.`,
				tags: ['drafted', 'places'],
				difficulty: 2
			},
			quote: cited.quote,
			span: cited.span,
			value: undefined,
			bankFacts: [],
			similarTo: similarQuestions(ctx, cited.span)
		};
		// A list shows its sentence's other names, and each of its own is a key: it stands alone, as a claim does.
		place(draft, list[0], cited.span, cited.span, true);
		drafts.push(draft);
	}
	return drafts;
}

/** A dated event in a few of our words: the clause without its date, shortened. */
function eventLabel(sentence: string, dateFrom: number, dateTo: number): string | null {
	const before = sentence.slice(0, dateFrom);
	// "until 2025", "by June": the end of a period or a deadline, not an event that happened then.
	if (/\b(until|by|before|after|since)\s+$/iu.test(before)) return null;
	const head = before.replace(/\b(in|on|from)\s+$/iu, '');
	// The date must close the event's clause ("France deployed troops… in 2013"): words after it
	// ("in 2014 as armed groups…", "elections in February, and…") would make the label say something else.
	const after = sentence.slice(dateTo).replace(/^["”]/u, '');
	if (!/^\s*($|[,.;]|\s+(when|but)\b)/u.test(after)) return null;
	let text = head
		.replace(/["“”]/gu, '')
		.replace(/^(But|And)\s+/u, '')
		.trim();
	// A label names an event with its subject: not "was joined by…", not "including the UN mission…".
	if (!/^\p{Lu}/u.test(text) || /^(As|When|While|After|Including|Which|In)\b/u.test(text))
		return null;
	const words = text.replace(/[,.!?]+\s*$/u, '').split(/\s+/u);
	// "The Takuba force, set up" is no event; "had promised to hold elections" one that was due, not one that happened.
	if (
		/,/u.test(text) ||
		/\b(promised|planned|proposed|pledged|expected|due|would|will|could|should|may|might|hopes?|aims?)\b/iu.test(
			text
		)
	)
		return null;
	// Long clauses would have to be cut, and a cut label misleads: leave them out.
	if (words.length < 4 || words.length > 14) return null;
	text = words.join(' ');
	return tidy(capitalise(text));
}

/** Events of the article being drafted: the bank's labelled events of it (when it is in the bank), else its dated clauses. */
function ownEvents(
	ctx: Context,
	dated: Mention[],
	bankEventsAll: DatedEvent[]
): (DatedEvent & { span: { start: number; end: number } })[] {
	const own: (DatedEvent & { span: { start: number; end: number } })[] = [];
	const sentences = splitSentences(ctx.article.text, ctx.article.furniture);
	for (const e of bankEventsAll) {
		if (e.article !== ctx.article.slug) continue;
		const span = findQuote(ctx.article.text, e.quote);
		if (!span) continue;
		// An event its authors told with more than the dated words ("hailed as heroes in 2013" and "their intervention
		// helped prevent… a push to… Bamako"): the draft quotes the whole sentence, so its quote holds what the label says.
		const sentence =
			e.factIds.length > 1
				? sentences.find((x) => x.start <= span.start && span.end <= x.end)
				: undefined;
		const whole = sentence ? quoteOf(ctx.article, sentence) : null;
		own.push({ ...e, factId: undefined, factIds: [], ...(whole ?? { quote: e.quote, span }) });
	}
	for (const m of dated) {
		if (m.value.kind !== 'date' || m.inferred) continue;
		if (own.some((e) => datesClash(e.date, (m.value as { date: string }).date))) continue;
		const label = eventLabel(m.sentence.text, m.start - m.sentence.start, m.end - m.sentence.start);
		const cited = label ? quoteOf(ctx.article, m.sentence) : null;
		if (label && cited)
			own.push({
				label,
				date: m.value.date,
				article: ctx.article.slug,
				factIds: [],
				quote: cited.quote,
				span: cited.span,
				deadline: false
			});
	}
	// The same event told twice (two facts on overlapping words) is one anchor; two events of one year are two.
	return bestPerDate(own, new Map([[ctx.article.slug, ctx.article.text]]));
}

/** Labels that start something (a deployment, an operation, a force, a command) and milestones of the same military presence. */
const STARTS =
	/\b(launch|interven|deploy|joins|joint command|discussions|meet in Paris|announces? (its|the) withdrawal|on the withdrawal)/iu;
const MILESTONES = /\b(withdraw|contingent|announce|joint command|joins|ends?\b|leave)/iu;
/** Labels that open or close the story: "which came first" cannot have an opening as its key, nor "last" a closing. */
const OPENINGS = /\b(interven|deploys?\b|launch|established)/iu;
const CLOSINGS = /\b(final|last|withdraw|ended|leave)/iu;

/**
 * One event per fact told twice (two facts of an article on the same date whose words overlap, "Zodi says…" and
 * "Zodi declares…"): the one whose label's names its quotes hold, then the best supported. Two events of one
 * day told in different words (Bazoum's post and Le Drian's remark) stay two.
 */
function bestPerDate<T extends DatedEvent>(events: T[], texts: Map<string, string>): T[] {
	const score = (e: T) => {
		const names = namesOf(e.label);
		const quotes = normaliseAnswerText(e.quote);
		// Then the longer label: "Macron holds a press conference in Paris on the withdrawal" says which one.
		return (
			(names.length ? names.filter((n) => quotes.includes(n)).length / names.length : 1) * 10 +
			e.label.split(/\s+/u).length / 10
		);
	};
	const spanOf = (e: T) => findQuote(texts.get(e.article) ?? '', e.quote);
	const kept: T[] = [];
	for (const e of [...events].sort((a, b) => score(b) - score(a))) {
		const at = spanOf(e);
		const same = kept.some((k) => {
			if (k.article !== e.article || k.date !== e.date) return false;
			const ks = spanOf(k);
			return !at || !ks || (ks.start < at.end && at.start < ks.end);
		});
		if (!same) kept.push(e);
	}
	return kept;
}

/** A report as an explanation names it: "the report of 15 August 2022". */
function reportOf(ctx: Context, slug: string): string {
	if (slug === ctx.article.slug) return `this report (${formatDate(ctx.article.eventDate)})`;
	const a = ctx.bank.articles.find((x) => x.slug === slug);
	return a ? `the report of ${formatDate(a.eventDate)}` : 'another report of the bank';
}

/** Calendar months (both dates with their month) or years (both bare years) from `a` to `b`, as a question can ask them. */
export function gapBetween(
	a: string,
	b: string
): { amount: number; unit: 'years' | 'months' } | null {
	const [ya, ma] = a.split('-').map(Number);
	const [yb, mb] = b.split('-').map(Number);
	if (ma && mb) {
		const months = (yb - ya) * 12 + (mb - ma);
		// Days within the same month, or gaps of years told in months ("25 months"), are not fair to ask.
		if (months <= 0 || months > 18) return null;
		return { amount: months, unit: 'months' };
	}
	// Years only between two bare years: "2014" to "17 February 2022" is seven and a half years or eight, as the
	// operation began early or late in 2014, and the reports do not say which.
	if (ma || mb || yb - ya <= 0) return null;
	return { amount: yb - ya, unit: 'years' };
}

/** Six hex digits that depend on the text only (FNV-1a). */
function hashOf(text: string): string {
	let h = 2166136261;
	for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619) >>> 0;
	return h.toString(16).padStart(8, '0').slice(0, 6);
}

/** Subsets of `pool` of `size`, in a stable order. */
function* combinations<T>(pool: T[], size: number, from = 0, prefix: T[] = []): Generator<T[]> {
	if (prefix.length === size) {
		yield prefix;
		return;
	}
	for (let i = from; i < pool.length; i++)
		yield* combinations(pool, size, i + 1, [...prefix, pool[i]]);
}

/** An event of the article being drafted, with the span of the words it rests on. */
type OwnEvent = DatedEvent & { span: { start: number; end: number } };

/**
 * Questions that put an event of this article among the bank's dated events of other articles: an ordering
 * of four, which of three comes first or last, which of three happened between two others, and how many years
 * or months lie between two. Each event is labelled in the bank authors' words (or the article's clause), rests
 * on a quote (this article's for its own event, bank facts for the others), and no two events of a question can
 * be confused in time (the same day, or a year and a month of it). Combinations the bank already asks (a
 * question of the bank dating all the same events) are left out, and so are events that share a name
 * ("Barkhane is launched", "the last Barkhane contingent leaves": the labels give their order away).
 *
 * One instance per article: it remembers what the article's drafts already turn on, so that no two of them ask
 * the same thing in other words. Each kind of question is one method; `draftsAcrossArticles` runs them.
 */
class TimelineDrafts {
	readonly drafts: Draft[] = [];
	/** The article's own dated events, earliest first: each is the anchor of some questions. */
	readonly own: OwnEvent[];
	/** The other articles' dated events, one per date and report. */
	private readonly others: DatedEvent[];
	/** The dates each bank question rests on: a draft whose events it already dates asks nothing new. */
	private readonly bankDates: string[][];
	/** The latest report's date: a deadline after it is the story's future. */
	private readonly lastReport: string;
	/** How often each event (report and date) has been used as a partner, so partners vary. */
	private readonly used = new Map<string, number>();
	/** The sets of dates already asked about. */
	private readonly seenSets = new Set<string>();
	/** The dates of each ordering drafted. */
	private readonly orderings: string[][] = [];
	/** The decisive pair of each "first" or "last" (the key and the option closest to it), as dates. */
	private readonly decisive = new Set<string>();
	/** The key of each "between". */
	private readonly betweenKeys = new Set<string>();
	/** The later event and length of each count. */
	private readonly counted = new Set<string>();

	constructor(
		private readonly ctx: Context,
		dated: Mention[]
	) {
		const all = bankEvents(ctx.bank, ctx.gazetteer);
		this.own = ownEvents(ctx, dated, all).sort((a, b) => a.date.localeCompare(b.date));
		this.others = bestPerDate(
			all.filter((e) => e.article !== ctx.article.slug),
			new Map(ctx.bank.articles.map((a) => [a.slug, a.text]))
		);
		const factDates = new Map<string, string>();
		const articleDates = new Map(ctx.bank.articles.map((a) => [a.slug, a.eventDate]));
		for (const f of ctx.bank.facts) {
			const d = dateOfFact(f, articleDates.get(f.article), ctx.gazetteer);
			if (d) factDates.set(f.id, d);
		}
		this.bankDates = ctx.bank.questions.map((q) =>
			q.facts.map((id) => factDates.get(id)).filter((d): d is string => !!d)
		);
		this.lastReport = ctx.bank.articles.reduce(
			(m, a) => (a.eventDate > m ? a.eventDate : m),
			ctx.article.eventDate
		);
	}

	/** No two events the same day (or a year and a month of it), with the same label, or sharing a name. */
	private compatible(events: DatedEvent[]): boolean {
		return events.every((a, i) =>
			events.every((b, j) => {
				if (i >= j) return true;
				if (datesClash(a.date, b.date)) return false;
				const [wordsA, wordsB] = [this.wordsOf(a.label), this.wordsOf(b.label)];
				return wordsA.label !== wordsB.label && !wordsA.names.some((n) => wordsB.names.includes(n));
			})
		);
	}

	/** A label as compared (normalised) and the names in it; `pick` weighs every pair of events, so kept. */
	private readonly labelWords = new Map<string, { label: string; names: string[] }>();

	private wordsOf(label: string): { label: string; names: string[] } {
		let words = this.labelWords.get(label);
		if (!words)
			this.labelWords.set(
				label,
				(words = { label: normaliseAnswerText(label), names: namesOf(label) })
			);
		return words;
	}

	private useOf(e: DatedEvent): number {
		return this.used.get(`${e.article} ${e.date}`) ?? 0;
	}

	private covered(dates: string[]): boolean {
		return this.bankDates.some((theirs) => dates.every((d) => theirs.includes(d)));
	}

	/**
	 * The least used partners that fit with the anchor, from as many articles as possible. `groups` gives the sets
	 * of dates no bank question may already date: by default all the question's events; for an ordering of four,
	 * any three of them (a bank ordering of three of the four is nearly the same question).
	 */
	private pick(
		anchor: DatedEvent,
		size: number,
		fits: (set: DatedEvent[]) => boolean,
		groups: (events: DatedEvent[]) => DatedEvent[][] = (events) => [events]
	): DatedEvent[] | null {
		const pool = this.others.filter((e) => this.compatible([anchor, e]));
		let best: { set: DatedEvent[]; score: number } | null = null;
		for (const set of combinations(pool, size)) {
			const events = [anchor, ...set];
			if (!this.compatible(events) || !fits(events)) continue;
			const key = events
				.map((e) => e.date)
				.sort()
				.join(' ');
			if (this.seenSets.has(key)) continue;
			if (groups(events).some((g) => this.covered(g.map((e) => e.date)))) continue;
			const articles = new Set(set.map((e) => e.article)).size;
			// Events close in time make the question turn on what the reports say, not on 2013 coming before 2022.
			const years = (d: string) => Number(d.slice(0, 4)) + (Number(d.slice(5, 7)) || 6) / 12;
			const spread = set.reduce(
				(s, e) => s + Math.min(6, Math.abs(years(e.date) - years(anchor.date))),
				0
			);
			const score = set.reduce((s, e) => s + this.useOf(e), 0) * 10 - articles * 2 + spread;
			if (!best || score < best.score) best = { set, score };
		}
		if (!best) return null;
		const events = [anchor, ...best.set];
		this.seenSets.add(
			events
				.map((e) => e.date)
				.sort()
				.join(' ')
		);
		for (const e of best.set) this.used.set(`${e.article} ${e.date}`, this.useOf(e) + 1);
		return best.set;
	}

	private make(
		anchor: OwnEvent,
		events: DatedEvent[],
		kind: Draft['kind'],
		question: Draft['question'],
		extra: Partial<Draft> = {}
	): Draft {
		return {
			// Short and unique within the article (a bank id is cut at 60 characters): the kind, the anchor's date and a hash of the rest.
			key: `${kind}-${question.type === 'ordering' ? 'order' : question.type === 'numeric' ? 'count' : /after/u.test(question.prompt) ? 'between' : /first\?$/u.test(question.prompt) ? 'first' : 'last'}-${anchor.date}-${hashOf(`${question.prompt} ${events.map((e) => `${e.date} ${e.label}`).join(' ')}`)}`,
			kind,
			question,
			quote: anchor.quote,
			span: anchor.span,
			value: { kind: 'date', date: anchor.date },
			bankFacts: [...new Set(events.filter((e) => e !== anchor).flatMap((e) => e.factIds))],
			similarTo: [],
			events: events.map((e) => ({
				label: e.label,
				date: e.date,
				article: e.article,
				...(e.factId ? { factId: e.factId } : {})
			})),
			...extra
		};
	}

	private explain(events: DatedEvent[]): string {
		return (
			[...events]
				.sort((a, b) => a.date.localeCompare(b.date))
				// Labels keep their capitals: most begin with a name (Macron, Bazoum, French…).
				.map((e) => `${formatDate(e.date)}: ${e.label} (${reportOf(this.ctx, e.article)})`)
				.join('; ')
		);
	}

	/**
	 * How many places of an ordering its labels give away: an opening of the story first, a date after every report
	 * last (the junta's 2025), a close of the story (the final contingent) last before it. One is fine; with two, a
	 * single pair is left to know.
	 */
	private given(sorted: DatedEvent[]): number {
		const future =
			sorted[sorted.length - 1].deadline && sorted[sorted.length - 1].date > this.lastReport
				? 1
				: 0;
		const closing = CLOSINGS.test(sorted[sorted.length - 1 - future].label) ? 1 : 0;
		return (OPENINGS.test(sorted[0].label) ? 1 : 0) + future + closing;
	}

	/** An ordering of four events from at least three reports, with the anchor among them. */
	ordering(anchor: OwnEvent): void {
		const four = this.pick(
			anchor,
			3,
			(events) => {
				if (new Set(events.map((e) => e.article)).size < 3) return false;
				if (this.given([...events].sort((a, b) => a.date.localeCompare(b.date))) > 1) return false;
				// "February 2022" and "17 February 2022" may be the same event told by two reports: they count as shared.
				const dates = events.map((e) => e.date);
				return !this.orderings.some(
					(o) => dates.filter((d) => o.some((x) => datesClash(x, d))).length >= 3
				);
			},
			(events) => [...combinations(events, 3)]
		);
		if (!four) return;
		const events = [anchor, ...four];
		this.orderings.push(events.map((e) => e.date));
		const ordered = [...events].sort((a, b) => a.date.localeCompare(b.date));
		const anyDeadline = events.some((e) => e.deadline);
		this.drafts.push(
			this.make(anchor, events, 'timeline', {
				type: 'ordering',
				prompt: anyDeadline
					? 'Put these in time order, earliest first, using the dates the reports give.'
					: 'Put these events from different reports in the order they happened, earliest first.',
				items: ordered.map((e) => e.label),
				explanation: `In order: ${this.explain(events)}.`,
				tags: ['drafted', 'timeline', 'comparison'],
				difficulty: 3
			})
		);
	}

	/**
	 * Which of three comes first, and which of three others comes last: the anchor and two events of other
	 * reports, the key never the opening of the story for "first" nor its close for "last" (the labels would tell).
	 */
	firstAndLast(anchor: OwnEvent, n: number): void {
		for (const last of n % 2 === 1 ? [true, false] : [false, true]) {
			const three = this.pick(anchor, 2, (set) => {
				if (set.some((e) => e.deadline) || new Set(set.slice(1).map((e) => e.article)).size < 2)
					return false;
				const ordered = [...set].sort((a, b) => a.date.localeCompare(b.date));
				if (this.decisive.has(decisivePair(ordered, last))) return false;
				// Nor two wrong options that both open the story for "last" (MINUSMA founded, Barkhane launched), or both
				// close it for "first": the labels would tell.
				const wrong = last ? ordered.slice(0, 2) : ordered.slice(1);
				if (wrong.every((e) => (last ? OPENINGS : CLOSINGS).test(e.label))) return false;
				return last ? !CLOSINGS.test(ordered[2].label) : !OPENINGS.test(ordered[0].label);
			});
			if (!three) continue;
			const events = [anchor, ...three];
			const ordered = [...events].sort((a, b) => a.date.localeCompare(b.date));
			this.decisive.add(decisivePair(ordered, last));
			const key = last ? ordered[ordered.length - 1] : ordered[0];
			this.drafts.push(
				this.make(anchor, events, 'timeline', {
					type: 'single',
					prompt: last
						? 'Which of these events happened last?'
						: 'Which of these events happened first?',
					options: shuffleStable(
						events.map((e) => (e === key ? { text: e.label, correct: true } : { text: e.label })),
						events.map((e) => e.label).join(' ')
					),
					explanation: `${this.explain(events)}.`,
					tags: ['drafted', 'timeline', 'comparison'],
					difficulty: 2
				})
			);
		}
	}

	/** Which of three happened between the anchor and an event of another report: one of the three inside, two outside. */
	between(anchor: OwnEvent): void {
		if (anchor.deadline) return;
		const span = (events: DatedEvent[]) =>
			[events[0], events[1]].sort((x, y) => x.date.localeCompare(y.date));
		const found = this.pick(
			anchor,
			4,
			(events) => {
				if (
					events.some((e) => e.deadline) ||
					new Set(events.slice(1).map((e) => e.article)).size < 3
				)
					return false;
				const [start, end] = span(events);
				const inside = events.slice(2).filter((e) => e.date > start.date && e.date < end.date);
				if (
					inside.length !== 1 ||
					this.betweenKeys.has(inside[0].date) ||
					this.decisive.has(betweenPair(start, inside[0], end))
				)
					return false;
				// Wrong options that each open or close the story (Serval, Barkhane's launch, the final contingent) give the key away.
				const outside = events.slice(2).filter((e) => e !== inside[0]);
				return !outside.every((e) => OPENINGS.test(e.label) || CLOSINGS.test(e.label));
			},
			(events) => {
				// A bank question dating both ends and the event between them would give the answer away.
				const [start, end] = span(events);
				return [
					[start, end, ...events.slice(2).filter((e) => e.date > start.date && e.date < end.date)]
				];
			}
		);
		if (!found) return;
		const events = [anchor, ...found];
		const [start, end] = span(events);
		const options = events.slice(2);
		const inside = options.find((e) => e.date > start.date && e.date < end.date)!;
		this.betweenKeys.add(inside.date);
		this.decisive.add(betweenPair(start, inside, end));
		this.drafts.push(
			this.make(anchor, events, 'timeline', {
				type: 'single',
				prompt: `Which of these happened after “${start.label}” and before “${end.label}”?`,
				options: shuffleStable(
					options.map((e) => (e === inside ? { text: e.label, correct: true } : { text: e.label })),
					events.map((e) => e.label).join(' ')
				),
				explanation: `${this.explain(events)}.`,
				tags: ['drafted', 'timeline', 'comparison'],
				difficulty: 3
			})
		);
	}

	/** How long between the anchor and an event of another report (two such questions at most, with other events). */
	gaps(anchor: OwnEvent): void {
		const gapPartners: DatedEvent[] = [];
		for (let k = 0; k < 2 && !anchor.deadline; k++) {
			// Only from a start (an intervention, a launch, a force joining) to a later milestone of the same presence:
			// the years between a UN mission's founding and a minister's remark mean nothing.
			const two = this.pick(anchor, 1, ([a, b]) => {
				const [early, late] = a.date < b.date ? [a, b] : [b, a];
				const gap = gapBetween(early.date, late.date);
				if (b.deadline || !STARTS.test(early.label) || !MILESTONES.test(late.label) || !gap)
					return false;
				// A second gap from the same event must count to something else ("the Paris meeting" and "the press conference"
				// the day after are the same six months).
				if (gapPartners.some((p) => p.date.slice(0, 7) === b.date.slice(0, 7))) return false;
				// Nor may another draft of the article count the same length to the same event.
				if (this.counted.has(`${late.date} ${gap.amount} ${gap.unit}`)) return false;
				// "a nine-year operation": a report of one of the two events already gives the length.
				return !this.ctx.bank.facts.some(
					(f) =>
						f.value?.kind === 'number' &&
						f.value.amount === gap.amount &&
						f.value.unit === gap.unit &&
						(f.article === a.article || f.article === b.article)
				);
			});
			if (!two) break;
			gapPartners.push(two[0]);
			const [early, late] = [anchor, two[0]].sort((a, b) => a.date.localeCompare(b.date));
			const gap = gapBetween(early.date, late.date)!;
			this.counted.add(`${late.date} ${gap.amount} ${gap.unit}`);
			this.drafts.push(
				this.make(anchor, [anchor, two[0]], 'gap', {
					type: 'numeric',
					prompt:
						gap.unit === 'years'
							? `Going by the years the reports give, how many years passed between “${early.label}” and “${late.label}”?`
							: `Going by the months the reports give, how many months passed between “${early.label}” and “${late.label}”?`,
					answer: gap.amount,
					tolerance: 0,
					unit: gap.unit,
					explanation: `${this.explain([early, late])}: ${gap.amount} ${gap.unit}${gap.unit === 'months' ? ' by the calendar' : ''}.`,
					tags: ['drafted', 'timeline', 'comparison'],
					difficulty: 2
				})
			);
		}
	}
}

/** The key of a "first" or "last" and the option closest to it in time, as dates in order. */
function decisivePair(ordered: DatedEvent[], last: boolean): string {
	const pair = last
		? [ordered[ordered.length - 2].date, ordered[ordered.length - 1].date]
		: [ordered[0].date, ordered[1].date];
	// Two years apart, the closest option's day does not matter (the Pau command against the Paris talks or the
	// announcement the next day is one question): the pair is told by its months.
	return pair[0].slice(0, 4) === pair[1].slice(0, 4)
		? pair.join(' ')
		: pair.map((d) => d.slice(0, 7)).join(' ');
}

/** A "between" turns on its key and the end of the interval closest to it, told as a "first" or "last" pair is. */
function betweenPair(start: DatedEvent, inside: DatedEvent, end: DatedEvent): string {
	const months = (d: string) =>
		Number(d.slice(0, 4)) * 12 + (Number(d.slice(5, 7)) || 6) + (Number(d.slice(8, 10)) || 15) / 31;
	const near =
		months(inside.date) - months(start.date) <= months(end.date) - months(inside.date)
			? start
			: end;
	return decisivePair(
		[near, inside].sort((a, b) => a.date.localeCompare(b.date)),
		false
	);
}

/** The timeline questions of an article, in two rounds over its dated events. */
function draftsAcrossArticles(ctx: Context, dated: Mention[]): Draft[] {
	const timeline = new TimelineDrafts(ctx, dated);
	timeline.own.forEach((anchor, n) => {
		timeline.ordering(anchor);
		timeline.firstAndLast(anchor, n);
		timeline.between(anchor);
		timeline.gaps(anchor);
	});
	// A second round: another ordering, "first" and "last" for each event of the article, with other events. The same
	// rules hold (no two orderings sharing three events, no "first"/"last" on a decisive pair already asked, nothing
	// the bank dates, nothing the labels give away), so what it adds turns on other events than the first round.
	timeline.own.forEach((anchor, n) => {
		timeline.ordering(anchor);
		timeline.firstAndLast(anchor, n);
	});
	return timeline.drafts;
}

function contextOf(
	article: DraftArticle,
	bank: DraftingBank,
	gazetteer: Context['gazetteer'],
	pool: Context['pool'],
	mentions: Mention[]
): Context {
	const cities = new Set(
		pool
			.filter((c) => c.label === 'city' && c.value.kind === 'place')
			.map((c) => (c.value as { name: string }).name)
	);
	const nameCounts = new Map<string, number>();
	for (const m of mentions)
		if ('name' in m.value) {
			const k = normaliseAnswerText(m.value.name);
			nameCounts.set(k, (nameCounts.get(k) ?? 0) + 1);
		}
	// On the bank's subject: two or more names the bank knows, and a quarter of the article's names at least, as
	// "Macron" and "Paris" alone are named by reports on anything French (a cathedral's fire).
	const names = new Set(mentions.filter((m) => 'name' in m.value).map((m) => valueText(m.value)));
	const knownNames = new Set(
		mentions.filter((m) => m.known && 'name' in m.value).map((m) => valueText(m.value))
	);
	const related = knownNames.size >= 2 && knownNames.size * 4 >= names.size;
	return {
		article,
		bank,
		gazetteer,
		pool,
		cities,
		mentions,
		nameCounts,
		related,
		sorts: new Map()
	};
}

/** Institutions named after a person ("the James Webb Space Telescope"): the person's name alone may mean either. */
const NAMED_AFTER =
	/^\s+(?:Space\s+)?(?:Telescope|Stadium|Centre|Center|Airport|University|College|School|Foundation|Institute|Prize|Cup|Trophy|Award|Station|Programme|Program|Bridge|Street|Road|Avenue|Square|Hospital|Museum|Hall|Observatory)\b/u;

function namedAfter(article: DraftArticle, name: string): boolean {
	const last = name.split(/\s+/u).slice(-1)[0];
	const re = new RegExp(`(?<![\\p{L}])${escape(last)}(?![\\p{L}])`, 'gu');
	for (const m of article.text.matchAll(re))
		if (NAMED_AFTER.test(article.text.slice(m.index + last.length))) return true;
	return false;
}

/**
 * A person named in full once is named by the surname after ("Bassirou Diomaye Faye" … "Faye said"): those
 * mentions become the full name, and surnames the tagger missed are added. Two people of one surname: neither.
 */
function withSurnames(all: { s: Sentence; mentions: Mention[] }[]): void {
	const full = new Map<string, { name: string; role?: string }[]>();
	for (const { mentions } of all)
		for (const m of mentions) {
			if (m.value.kind !== 'person' || !/\s/u.test(m.value.name)) continue;
			const last = m.value.name.split(/\s+/u).slice(-1)[0];
			const list = full.get(last) ?? [];
			if (!list.some((p) => p.name === (m.value as { name: string }).name))
				list.push({ name: m.value.name, role: m.value.role });
			full.set(last, list);
		}
	// "his wife, Stella," of the "Stella Assange" the report names later: a given name alone, of one person only.
	const given = new Map<string, Set<string>>();
	for (const people of full.values())
		for (const p of people) {
			const first = p.name.split(/\s+/u)[0];
			given.set(first, (given.get(first) ?? new Set()).add(p.name));
		}
	for (const entry of all) {
		const { s } = entry;
		const mentions = entry.mentions.map((m) => {
			if (m.value.kind !== 'person') return m;
			const byGiven = given.get(m.value.name);
			if (!/\s/u.test(m.value.name) && !full.has(m.value.name) && byGiven?.size === 1) {
				const [name] = byGiven;
				const role =
					m.value.role ?? full.get(name.split(/\s+/u).at(-1)!)?.find((p) => p.name === name)?.role;
				return { ...m, value: { kind: 'person' as const, name, ...(role ? { role } : {}) } };
			}
			const last = m.value.name.split(/\s+/u).slice(-1)[0];
			const people = full.get(last);
			if (!people || people.length !== 1 || people[0].name === m.value.name) return m;
			if (!people[0].name.endsWith(m.value.name)) return m;
			const role = m.value.role ?? people[0].role;
			return {
				...m,
				value: { kind: 'person' as const, name: people[0].name, ...(role ? { role } : {}) }
			};
		});
		for (const [last, people] of full) {
			if (people.length !== 1) continue;
			const re = new RegExp(`(?<![\\p{L}])${escape(last)}(?![\\p{L}])`, 'gu');
			const first = people[0].name.slice(0, -last.length);
			for (const hit of s.text.matchAll(re)) {
				// "Amadou Sy" that the tagger missed: the mention is the whole name, never the surname inside it.
				const whole = s.text.slice(0, hit.index).endsWith(first);
				const start = s.start + hit.index - (whole ? first.length : 0);
				const end = s.start + hit.index + last.length;
				if (mentions.some((m) => m.start < end && start < m.end)) continue;
				const role = people[0].role;
				mentions.push({
					value: { kind: 'person', name: people[0].name, ...(role ? { role } : {}) },
					start,
					end,
					label: 'person',
					sentence: s
				});
			}
		}
		entry.mentions = mentions.sort((a, b) => a.start - b.start);
	}
}

/** Words before a surname that are no first name: an opening word, an honorific. */
const NO_FIRST_NAME =
	/^(?:The|A|An|But|And|So|Yet|Then|When|After|Before|On|In|At|By|For|With|As|If|While|Since|Until|Under|During|Despite|Against|Without|Among|Amid|From|Former|Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Fly-half|Flanker|Hooker|Prop|Lock|Centre|Wing|Winger|Scrum-half|Full-back|Number)$/u;

/**
 * Whether asking `m` would cut a word or a name: letters right against the value ("the 1970s" would give
 * "the _____s"), or a surname standing after another name word ("Beauden Barrett" read as Jordie Barrett's
 * surname would give "Beauden _____" and "Beauden Sam Cane"). Such a value is not asked, nor swapped.
 */
function splitsAWord(text: string, m: Mention): boolean {
	if (/\p{L}/u.test(text.charAt(m.end)) || /\p{L}/u.test(text.charAt(m.start - 1))) return true;
	// "COVID" of "COVID-19", "Baghdadi" of "al-Baghdadi": a hyphen joins one word, and "a _____-19 vaccine" reads as none.
	if (/^-[\p{L}\p{N}]/u.test(text.slice(m.end, m.end + 2))) return true;
	if (/[\p{L}\p{N}]-$/u.test(text.slice(Math.max(0, m.start - 2), m.start))) return true;
	if (m.value.kind !== 'person' || /\s/u.test(text.slice(m.start, m.end).trim())) return false;
	const before = text.slice(m.sentence.start, m.start).match(/(?:^|\s)(\p{Lu}[\p{L}'’-]*)\s+$/u);
	return (
		!!before &&
		!NO_FIRST_NAME.test(before[1]) &&
		!TITLE_WORDS.test(before[1]) &&
		!ROLE_BEFORE_NAME.test(before[1])
	);
}

/** Capitalised words that open a phrase, not a name: "In Paris", "Northern Mali". */
const OPENING_WORD =
	/^(?:The|A|An|In|At|On|From|To|For|By|With|And|But|Or|Of|As|After|Before|Since|Near|Outside|Inside|Across|Through|Into|Both|Only|Then|When|While|Under|Over|Like|Unlike|Around|Throughout|Than|Via|Including|Against|Between|Beyond|Toward|Towards|Within|Without|About|Also|Meanwhile|Elsewhere|Northern|Southern|Eastern|Western|North|South|East|West|Central|Mr|Mrs|Ms|Dr)$/u;

/**
 * Whether a place is a word of a longer name: joined to a capitalised word before or after it, or by "de/of/du/del"
 * ("the Stade de France", "Oblique Seville", "University of Bergen", "U.S. District Judge Lewis Kaplan"). Asked or
 * swapped, it cuts the name ("the Stade de United States", "U.S. Manhattan Lewis Kaplan"), so it is neither.
 */
function placeInName(text: string, m: Mention): boolean {
	if (m.value.kind !== 'place') return false;
	const before = text
		.slice(m.sentence.start, m.start)
		.match(/(?:^|[\s(“"])(\p{Lu}[\p{L}.’'-]*)\s+(?:(?:de|of|du|del|des|da|di)\s+)?$/u);
	if (before && !OPENING_WORD.test(before[1]) && !/['’]s?$/u.test(before[1])) return true;
	return /^\s+(?:(?:de|of|du|del|des|da|di)\s+)?\p{Lu}/u.test(text.slice(m.end, m.sentence.end));
}

/** A name the report writes beside a model number ("737 MAX 9", "MAX 9 planes"): a product, no organisation. */
function modelName(text: string, name: string): boolean {
	return new RegExp(
		`(?:\\d\\s+${escape(name)}(?![\\p{L}])|(?<![\\p{L}])${escape(name)}\\s+\\d)`,
		'u'
	).test(text);
}

// One particle or a run of them ("van der", "de la"), lower case or opening a sentence ("Van der Berg said").
const NAME_PARTICLE =
	'(?:(?:[Dd]a|[Dd]e|[Dd]o|[Dd]os|[Dd]as|[Dd]el|[Dd]ella|[Dd]i|[Dd]u|[Vv]an|[Vv]on|der|den|ter|ten|la|le|bin|ibn|binti)\\s+)*(?:[Dd]a|[Dd]e|[Dd]o|[Dd]os|[Dd]as|[Dd]el|[Dd]ella|[Dd]i|[Dd]u|[Vv]an|[Vv]on|der|den|ter|ten|la|le|bin|ibn|binti)';

/**
 * Whether a person's mention is one side of a name joined by a particle ("Luiz Inacio Lula" and "Silva" of "Lula
 * da Silva"): either half is a broken name, as a key or as an option, so neither is used.
 */
/**
 * A name the tagger read out of words that are no name: an office ("Chief Financial", "Executive Parag Agrawal",
 * "Officer Ned Segal"), a sentence's opening word ("Over its main mission", "Entering Twitter HQ"), or a body cut
 * before the rest of its name ("the Delaware Court" of "the Delaware Court of Chancery").
 */
function misreadName(text: string, m: Mention): boolean {
	if (!('name' in m.value)) return false;
	const name = m.value.name;
	if (/^(?:Chief|Executive|Financial|Operating|Officer|Technology)\b/u.test(name)) return true;
	// "Yas Marina Circuit" read as a person: a name ending on a place's noun is nobody's.
	if (
		m.value.kind === 'person' &&
		/\b(?:Circuit|Stadium|Arena|Airport|Park|Centre|Center|Observatory|University|Hospital|Street|Square|Palace|Bridge|Station|Base|Complex)$/u.test(
			name
		)
	)
		return true;
	// "set by Chief _____" with "Justice Raymond Zondo" as the name: the title cut in two.
	if (
		/^(?:Justice|Minister|Secretary|Executive|Inspector|Constable)\s/u.test(name) &&
		/\bChief\s+$/u.test(text.slice(Math.max(0, m.start - 7), m.start))
	)
		return true;
	// "Grace Ocean Private Ltd" cut after "Ocean": a company's legal ending alone is no name.
	if (/^(?:Private|Pvt|Ltd|Limited|Inc|Corp|LLC|PLC|GmbH|SA|AG)\b/u.test(name)) return true;
	if (
		/^(?:Over|Under|After|Before|During|Inside|Outside|Across|Through|Since|Until|While|When|Once)\b/u.test(
			name
		)
	)
		return true;
	if (/^\p{Lu}\p{Ll}+ing\s/u.test(name)) return true;
	return m.value.kind === 'organisation' && /^\s+of\s+(?:the\s+)?\p{Lu}/u.test(text.slice(m.end));
}

function cutFromName(text: string, m: Mention): boolean {
	if (m.value.kind !== 'person') return false;
	return (
		new RegExp(String.raw`(?:\p{Lu}[\p{L}'’-]*\s+|^|[.!?"“]\s*)${NAME_PARTICLE}\s+$`, 'u').test(
			text.slice(m.sentence.start, m.start)
		) ||
		new RegExp(String.raw`^\s+${NAME_PARTICLE}\s+\p{Lu}`, 'u').test(text.slice(m.end, m.end + 40))
	);
}

const partOfName = new WeakSet<Mention>();

/** A number word between two capitalised words is part of a name ("Huis ten Bosch"): asking it cuts the name. */
function numberInName(text: string, m: Mention): boolean {
	return (
		m.value.kind === 'number' &&
		/^\p{Ll}+$/u.test(text.slice(m.start, m.end)) &&
		/\p{Lu}[\p{L}'’-]*\s+$/u.test(text.slice(m.sentence.start, m.start)) &&
		/^\s+\p{Lu}/u.test(text.slice(m.end, m.end + 3))
	);
}

/** "Britain's Chris Froome", "Spain's Basque Country": an owner (one to three capitalised words and "'s") before a name. */
const OWNER_OPENING = /^((?:\p{Lu}[\p{L}.-]*\s+){0,2}\p{Lu}[\p{L}.-]*)['’]s\s+(?=\p{Lu})/u;

/** Whether a person's or place's name opens on its owner ("Britain's Chris Froome"): no option reads so. */
function ownedName(v: FactValue): boolean {
	return (v.kind === 'person' || v.kind === 'place') && OWNER_OPENING.test(v.name);
}

/**
 * The mention without the owner its name opens on: "Britain's Chris Froome" is Chris Froome, and the gap stands
 * after "Britain's" (never "Britain's Britain's…" when swapped, nor the one option with an owner). A place keeps
 * an owner that is no country or city ("Martha's Vineyard"); one whose owner is a country is a region of it.
 */
function withoutOwner(text: string, m: Mention): Mention {
	if (m.value.kind !== 'person' && m.value.kind !== 'place') return m;
	const owner = m.value.name.match(OWNER_OPENING);
	if (!owner || text.slice(m.start, m.start + owner[0].length) !== owner[0]) return m;
	const ownerLabel = isCountry(owner[1]) ? 'country' : placeLabel(owner[1]);
	if (m.value.kind === 'place' && ownerLabel !== 'country' && ownerLabel !== 'city') return m;
	const name = m.value.name.slice(owner[0].length);
	return {
		...m,
		value: { ...m.value, name },
		start: m.start + owner[0].length,
		label: m.value.kind === 'place' ? (ownerLabel === 'country' ? 'region' : 'place') : m.label
	};
}

const NO_SURNAME = new RegExp(
	`^(?:${MONTH_NAMES.join('|')}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An|And|But|In|On|At)$`,
	'u'
);

/**
 * "General Augusto Pinochet's rule" read as "Augusto": a person's name right before a capitalised word (its
 * surname) is the whole name, so no gap ever stands between a first name and a surname ("General _____ Pinochet").
 */
function wholeName(text: string, m: Mention, others: Mention[]): Mention {
	if (m.value.kind !== 'person') return m;
	const next = text
		.slice(m.end, m.sentence.end)
		.match(/^ (\p{Lu}[\p{L}’'-]*?)(?:['’]s)?(?![\p{L}’'-])/u);
	if (!next || TITLE_WORDS.test(next[1]) || NO_SURNAME.test(next[1])) return m;
	const end = m.end + 1 + next[1].length;
	if (others.some((o) => o !== m && o.start < end && m.end < o.end)) return m;
	return { ...m, value: { ...m.value, name: `${m.value.name} ${next[1]}` }, end };
}

/** The article's sentences and the values each states, and the drafting context. */
/**
 * Whether the report writes `name` as a party to a court case ("Planned Parenthood v. Casey", "Roe v. Wade"): then
 * "Roe and Casey" name cases, not people, and no person's gap or swap may take them (the nineteenth reading, D7).
 */
function namesCase(text: string, name: string): boolean {
	const n = escape(name);
	return new RegExp(`\\bv\\.\\s+${n}(?![\\p{L}])|(?<![\\p{L}])${n}\\s+v\\.\\s`, 'u').test(text);
}

function prepare(article: DraftArticle, bank: DraftingBank) {
	const gazetteer = gazetteerOf(bank.facts);
	const pool = poolFor(bank, gazetteer, article.slug);
	const sentences = splitSentences(article.text, article.furniture);
	const all = sentences.map((s) => ({
		s,
		mentions: findMentions(s, article.eventDate, gazetteer).filter(
			(m) =>
				m.value.kind !== 'person' ||
				(!namedAfter(article, m.value.name) && !namesCase(article.text, m.value.name))
		)
	}));
	// "Tinubu, Bola Ahmed, of the APC": given names written after the surname (a formula) name the person the report
	// calls "Bola Tinubu" elsewhere, no second person.
	for (const a of all)
		a.mentions = a.mentions.filter((m) => {
			if (m.value.kind !== 'person') return true;
			const surname = /(\p{Lu}[\p{L}'’-]+),\s+$/u.exec(
				article.text.slice(m.sentence.start, m.start)
			)?.[1];
			const given = escape(m.value.name.split(/\s+/u)[0]);
			return !(
				surname &&
				new RegExp(`\\b${given}\\s+(?:\\p{Lu}[\\p{L}.]*\\s+)?${escape(surname)}\\b`, 'u').test(
					article.text
				)
			);
		});
	for (const a of all) {
		a.mentions = a.mentions.map((m) => withoutOwner(article.text, m));
		a.mentions = a.mentions.map((m) => wholeName(article.text, m, a.mentions));
	}
	withSurnames(all);
	// "the Christian Democratic Appeal (CDA)… Hoekstra of the CDA": the abbreviation is the body's, known by its full
	// name, so that neither form is ever a wrong option for the other.
	const abbreviations = bracketAbbreviations(article.text);
	for (const a of all)
		for (const m of a.mentions)
			if (m.value.kind === 'organisation' && abbreviations.has(m.value.name))
				m.value = { ...m.value, name: abbreviations.get(m.value.name)! };
	// "Milei, 53, takes office": a figure read with the comma after it would take the apposition's comma with it
	// when asked or swapped ("Milei, 70 takes office").
	for (const a of all)
		for (const m of a.mentions)
			while (m.value.kind === 'number' && m.end > m.start + 1 && article.text[m.end - 1] === ',')
				m.end -= 1;
	for (const a of all)
		a.mentions = a.mentions.filter(
			(m) =>
				!splitsAWord(article.text, m) &&
				!cutFromName(article.text, m) &&
				!misreadName(article.text, m) &&
				!placeInName(article.text, m) &&
				!(m.value.kind === 'organisation' && modelName(article.text, m.value.name)) &&
				// "the KVX vaccine", "COVID-19": a name the report only writes as a modifier is asked as no body,
				// nor offered as one.
				!(m.value.kind === 'organisation' && onlyModifier(article.text, m.value.name))
		);
	// "Huis ten Bosch": the figure stays for a true claim on its sentence, never asked nor swapped.
	for (const a of all)
		for (const m of a.mentions) if (numberInName(article.text, m)) partOfName.add(m);
	const ctx = contextOf(
		article,
		bank,
		gazetteer,
		pool,
		all.flatMap((a) => a.mentions)
	);
	return { ctx, all };
}

/**
 * Every draft the drafter can make of `article`, each with its score: per value the best of its forms (who said
 * it, a safe wh-question, a gap-fill), a true or false per sentence, lists, and the article's dated events among
 * the bank's. Places the article names three times or more (what the story is about) are not asked.
 */
export function draftCandidates(article: DraftArticle, bank: DraftingBank): Draft[] {
	const { ctx, all } = prepare(article, bank);
	const drafts: Draft[] = [];
	for (const { s, mentions } of all) {
		const inLists = new Set<Mention>();
		for (const d of draftsForLists(ctx, s, mentions)) {
			drafts.push(d);
			for (const m of mentions)
				if (
					m.value.kind === 'place' &&
					d.question.type === 'multiple' &&
					d.question.options.some((o) => o.correct && o.text === valueText(m.value))
				)
					inLists.add(m);
		}
		for (const m of mentions) {
			if (inLists.has(m) || partOfName.has(m)) continue;
			// The countries the story is about (named three times or more) would make every option guessable.
			if (
				m.value.kind === 'place' &&
				(ctx.nameCounts.get(normaliseAnswerText(m.value.name)) ?? 0) >= 3
			)
				continue;
			// A place every report of the bank names (the Sahel, Mali, France) is the subject of them all, not a question.
			if (m.value.kind === 'place' && everywhere(ctx, m.value.name)) continue;
			// The report's own subject (its words are in the title: the bridge of "…Baltimore Bridge") is no question.
			if (namesTitle(article.title, m)) continue;
			// Every form of every mention: which of them stand together is chosen later (chooseDrafts), once the bank's
			// duplicates are out, so that a value whose first mention cannot be asked is asked from another.
			drafts.push(...candidatesFor(ctx, m));
		}
		const claim = trueFalseFor(ctx, s, mentions);
		if (claim) drafts.push(claim);
		const quoted = whoSaidAfterPronoun(ctx, s);
		if (quoted) drafts.push(quoted);
	}
	// Events of other reports are put beside this one's only when it is on their subject.
	if (ctx.related)
		drafts.push(
			...draftsAcrossArticles(
				ctx,
				all.flatMap((a) => a.mentions.filter((m) => m.value.kind === 'date'))
			).map((d) => ({ ...d, form: 'timeline' as const, score: d.score ?? 0.6 }))
		);
	// "Today" means nothing without the report's date; a prompt of more than 40 words runs on (a list's sentence copied whole).
	return namedByDate(ctx, citingOwnFacts(ctx, drafts)).filter(
		(d) =>
			!/\b(today|yesterday|tomorrow)\b/iu.test(d.question.prompt) &&
			d.question.prompt.split(/\s+/u).length - contextWordsIn(d.question.prompt, article) <= 40
	);
}

// Words of a name that say nothing of which one it is.
const GENERIC_NAME_WORDS = new Set(['the', 'of', 'and', 'for', 'de', 'la', 'le', 'al']);

/**
 * Whether a place, body or operation of `m` is named by the report's title: every word of its name is the title's
 * ("Baltimore's Francis Scott Key Bridge"; not "United States" beside "the G5 Sahel states").
 */
function namesTitle(title: string, m: Mention): boolean {
	if (m.value.kind !== 'place' && m.value.kind !== 'organisation' && m.value.kind !== 'operation')
		return false;
	const titleWords = new Set(normaliseAnswerText(title).split(/\s+/u));
	const words = normaliseAnswerText(m.value.name.replace(/['’]s\b/gu, ''))
		.split(/\s+/u)
		.filter((w) => !GENERIC_NAME_WORDS.has(w));
	return words.length > 0 && words.every((w) => titleWords.has(w));
}

/**
 * Whether the title names a person: by the whole name, or by the surname where no other person of the report
 * shares it ("Raducanu wins…"; "Assange pleads guilty" is not Stella Assange's).
 */
function titleNamesPerson(ctx: Context, name: string): boolean {
	const title = ` ${normaliseAnswerText(ctx.article.title)} `;
	const words = normaliseAnswerText(name).split(/\s+/u);
	if (title.includes(` ${words.join(' ')} `)) return true;
	const surname = words.at(-1)!;
	const namesakes = new Set(
		ctx.mentions
			.filter((x) => x.value.kind === 'person')
			.map((x) => normaliseAnswerText(valueText(x.value)))
			.filter((other) => other.split(/\s+/u).at(-1) === surname)
	);
	return surname.length > 2 && namesakes.size <= 1 && title.includes(` ${surname} `);
}

/** The most drafts whose answer is the same value: a quiz should not ask the same answer again and again. */
export const MAX_DRAFTS_PER_KEY = 2;

/** What a draft's answer is, as one text: the right option(s), the number, or true/false with its value. */
function answerOf(d: Draft): string {
	const q = d.question;
	if (q.type === 'single' || q.type === 'multiple')
		return q.options
			.filter((o) => o.correct)
			.map((o) => normaliseAnswerText(o.text))
			.join('|');
	if (q.type === 'numeric') return String(q.answer);
	// A typed name is its value, as the same name chosen among options is: one answer, however it is asked.
	if (q.type === 'true_false' || q.type === 'short_text')
		return d.value ? normaliseAnswerText(valueText(d.value)) : d.key;
	return d.key;
}

/** The best-scored `MAX_DRAFTS_PER_KEY` drafts of each answer (orderings each count as their own), in order. */
export function fewRepeatsOfAKey(drafts: Draft[]): Draft[] {
	const byAnswer = new Map<string, Draft[]>();
	for (const d of drafts) {
		const a = d.question.type === 'ordering' ? d.key : answerOf(d);
		byAnswer.set(a, [...(byAnswer.get(a) ?? []), d]);
	}
	const kept = new Set(
		[...byAnswer.values()].flatMap((list) =>
			[...list].sort((a, b) => (b.score ?? 0) - (a.score ?? 0)).slice(0, MAX_DRAFTS_PER_KEY)
		)
	);
	return drafts.filter((d) => kept.has(d));
}

/**
 * Whether two drafts of one sentence may not both be proposed: they ask the same value, one is a claim to judge
 * (it states all of its sentence), or the prompt of one shows what the other asks (two gap-fills of one
 * sentence each show the other's answer; a quiz holding both would give both away).
 */
export function giveAway(a: Draft, b: Draft, acrossKinds = false): boolean {
	const pa = placements.get(a);
	const pb = placements.get(b);
	if (!pa || !pb || pa.sentence !== pb.sentence) return false;
	const kinds = acrossKinds && a.value && b.value && a.value.kind !== b.value.kind;
	// A claim states its whole sentence: beside it, only a value of another kind (one fact, as below).
	if (pa.claim || pb.claim) return !kinds;
	if (a.value && b.value && sameValue(a.value, b.value)) return true;
	const overlaps = (x: Span, y: Span) => x.start < y.end && y.start < x.end;
	const shows = (x: Placement, y: Placement) =>
		overlaps(x.shown, y.asked) && !overlaps(x.asked, y.asked);
	if (!shows(pa, pb) && !shows(pb, pa)) return false;
	// With `acrossKinds`, values of two kinds ("sold in _____ … for 4 million" and "sold in 2019 … for _____") may
	// stand together: they cite one fact (draftsYaml), and a quiz serves a second question on a fact only once no
	// fresh fact is left (generateQuiz).
	return !kinds;
}

/** The lead-in a prompt quotes before its sentence ("In …, after “…”, complete the next sentence: …"), normalised. */
function leadInOf(d: Draft): string | null {
	const m = d.question.prompt.match(
		/, after “(.+?)”, (?:complete the next sentence|true or false)/u
	);
	return m ? normaliseAnswerText(m[1]) : null;
}

/**
 * Whether the lead-in of `a` quotes the words `b` asks about (its sentence, or a clause of it): set in one quiz,
 * `a` would give `b`'s answer away (or state `b`'s claim).
 */
export function leadInShows(a: Draft, b: Draft): boolean {
	const lead = leadInOf(a);
	if (!lead || !placements.get(b)) return false;
	const quote = normaliseAnswerText(b.quote);
	return quote.length > 0 && (lead.includes(quote) || quote.includes(lead));
}

/** The most drafts of one sentence (timelines aside): four questions on one sentence read as one asked four times. */
const MAX_DRAFTS_PER_SENTENCE = 2;

/** How much a draft's rank drops per draft of its type already chosen: among drafts that exclude each other, variety. */
const TYPE_PENALTY = 0.15;

/**
 * The drafts that may stand together, best first: one question per value (a person once per sentence), each
 * answer at most MAX_DRAFTS_PER_KEY times, at most two drafts of a sentence and never two that give each other
 * away (giveAway). A draft of a type already chosen often ranks a little lower, so that where drafts exclude
 * each other the kept ones vary. Returned in the candidates' order.
 */
/**
 * Whether claim `k` states the figure draft `d` asks, with the same noun after it: "…everyone left by three of the
 * aircraft's eight emergency exits" beside "…evacuated through _____ emergency exits" asks one fact twice.
 */
export function claimStatesFigure(k: Draft, d: Draft): boolean {
	const p = placements.get(d);
	const pk = placements.get(k);
	if (k.form !== 'true-false' || d.form === 'true-false' || d.value?.kind !== 'number' || !p)
		return false;
	if (pk && pk.sentence === p.sentence) return false;
	const key = d.quote.slice(p.asked.start - d.span.start, p.asked.end - d.span.start).trim();
	const noun = d.quote
		.slice(p.asked.end - d.span.start)
		.match(/^\s+(\p{Ll}[\p{L}-]*(?:\s+\p{Ll}[\p{L}-]*)?)/u)?.[1];
	if (!key || !noun) return false;
	return new RegExp(
		`(?<![\\p{L}\\d])${escape(key)}(?:\\s+[\\p{L}'’-]+){0,4}?\\s+${escape(noun)}(?![\\p{L}])`,
		'iu'
	).test(k.quote);
}

/**
 * Whether answer `other` is draft `d`'s answer `own`: the same text, or, for a person, the same person by another
 * form of the name ("Ian Nepomniachtchi", "Nepomniachtchi"): one person keyed four times reads as one question.
 */
function sameAnswerOf(d: Draft, own: string, other: string): boolean {
	if (own === other) return true;
	return (
		d.value?.kind === 'person' &&
		!own.includes('|') &&
		!other.includes('|') &&
		samePerson(own, other)
	);
}

/** How many of the answers counted so far are `d`'s answer `own` (sameAnswerOf). */
function usesOfAnswer(answers: Map<string, number>, d: Draft, own: string): number {
	let uses = 0;
	for (const [a, n] of answers) if (sameAnswerOf(d, own, a)) uses += n;
	return uses;
}

/** A claim or a wh-question, which a sibling's bracket would leave with nothing to judge or ask of. */
const standsAlone = (d: Draft) => d.form === 'true-false' || d.form === 'wh-question';

export function selectCompatible(
	drafts: Draft[],
	taken = new Map<string, number>(),
	{ claimsAlone = true }: { claimsAlone?: boolean } = {}
): Draft[] {
	const chosen: Draft[] = [];
	const values = new Set<string>();
	// Answers already keys of the bank's questions count too: questions:check allows an answer twice in all.
	const answers = new Map(taken);
	const bySentence = new Map<number, Draft[]>();
	const types = new Map<DraftType, number>();
	const answerKey = (d: Draft) => (d.question.type === 'ordering' ? d.key : answerOf(d));
	let acrossKinds = false;
	const fits = (d: Draft) => {
		if (usesOfAnswer(answers, d, answerKey(d)) >= MAX_DRAFTS_PER_KEY) return false;
		// A lead-in quoting another kept draft's sentence gives its answer away: the two are not kept together.
		if (chosen.some((k) => leadInShows(k, d) || leadInShows(d, k))) return false;
		// A figure a kept claim states is not asked again in another sentence's words.
		if (chosen.some((k) => claimStatesFigure(k, d) || claimStatesFigure(d, k))) return false;
		// A who-said draft after "…," he said. is not kept beside a draft showing the sentence that names him.
		if (chosen.some((k) => showsTheSpeaker(k, d) || showsTheSpeaker(d, k))) return false;
		const p = placements.get(d);
		if (!p) return true;
		const same = bySentence.get(p.sentence) ?? [];
		// A claim shows its whole sentence: beside another draft of it, one of the two would hide the other's answer
		// by its kind, and a claim with "[a place]" in it is no statement to judge (the eighteenth reading, T13, T20).
		// A wh-question alike: "who co-founded [a body]?" asks of nothing (the twentieth reading, C17).
		if (claimsAlone && same.length > 0 && [d, ...same].some(standsAlone)) return false;
		return (
			!values.has(p.value) &&
			same.length < MAX_DRAFTS_PER_SENTENCE &&
			same.every((k) => !giveAway(k, d, acrossKinds))
		);
	};
	const rank = (d: Draft) => (d.score ?? 0) - TYPE_PENALTY * (types.get(draftType(d)) ?? 0);
	const take = () => {
		let pool = drafts.filter((d) => !chosen.includes(d) && fits(d));
		while (pool.length) {
			const best = pool.reduce((a, b) => (rank(b) > rank(a) ? b : a));
			chosen.push(best);
			answers.set(answerKey(best), (answers.get(answerKey(best)) ?? 0) + 1);
			types.set(draftType(best), (types.get(draftType(best)) ?? 0) + 1);
			const p = placements.get(best);
			if (p) {
				values.add(p.value);
				bySentence.set(p.sentence, [...(bySentence.get(p.sentence) ?? []), best]);
			}
			// What one choice rules out stays ruled out: the sets only grow.
			pool = pool.filter((d) => d !== best && fits(d));
		}
	};
	take();
	// A sentence of two clauses may hold two drafts where its one draft quotes it whole (or is a claim, which shows
	// all of it): two drafts of its clauses take its place, when neither shows the other's answer. The one draft's
	// value is free again for them.
	for (const [i, d] of chosen.entries()) {
		const p = placements.get(d);
		if (!p || bySentence.get(p.sentence)?.length !== 1) continue;
		const rest = drafts.filter(
			(x) => x !== d && !chosen.includes(x) && placements.get(x)?.sentence === p.sentence
		);
		const free = (x: Draft) => {
			const value = placements.get(x)!.value;
			const uses =
				usesOfAnswer(answers, x, answerKey(x)) -
				(sameAnswerOf(x, answerKey(x), answerKey(d)) ? 1 : 0);
			return (value === p.value || !values.has(value)) && uses < MAX_DRAFTS_PER_KEY;
		};
		let pair: [Draft, Draft] | null = null;
		for (const [k, a] of rest.entries())
			for (const b of rest.slice(k + 1)) {
				if (!free(a) || !free(b) || placements.get(a)!.value === placements.get(b)!.value) continue;
				if (claimsAlone && (standsAlone(a) || standsAlone(b))) continue;
				if (giveAway(a, b)) continue;
				const score = (a.score ?? 0) + (b.score ?? 0);
				if (!pair || score > (pair[0].score ?? 0) + (pair[1].score ?? 0)) pair = [a, b];
			}
		if (!pair) continue;
		values.delete(p.value);
		answers.set(answerKey(d), (answers.get(answerKey(d)) ?? 1) - 1);
		chosen[i] = pair[0];
		chosen.push(pair[1]);
		for (const x of pair) {
			values.add(placements.get(x)!.value);
			answers.set(answerKey(x), (answers.get(answerKey(x)) ?? 0) + 1);
		}
		bySentence.set(p.sentence, pair);
	}
	// Then, beside what is chosen, a value of another kind on a sentence that holds one draft (giveAway's
	// `acrossKinds`): added last, so that it takes no sentence's place from a draft the rules above keep.
	acrossKinds = true;
	take();
	const kept = new Set(chosen);
	return drafts.filter((d) => kept.has(d));
}

/** The most drafts kept of one article: enough for a quiz or two, few enough to review in one sitting. */
export const MAX_DRAFTS_PER_ARTICLE = 30;

/**
 * The drafts to propose from `candidates` (of draftCandidates): without what the bank already asks (unless
 * `keepBankDuplicates`), then the best-scored, no type more than a third of them.
 */
export function chooseDrafts(
	article: DraftArticle,
	bank: DraftingBank,
	candidates: Draft[],
	options: { keepBankDuplicates?: boolean } = {}
): Draft[] {
	const kept = options.keepBankDuplicates
		? candidates
		: candidates.filter((d) => bankDuplicates({ article, bank }, d).length === 0);
	const select = (claimsAlone: boolean) =>
		keepVaried(
			selectCompatible(kept, bankKeyCounts(bank), { claimsAlone }),
			MAX_DRAFTS_PER_ARTICLE
		);
	// A claim beside another draft of its sentence must hide that draft's answer by its kind ("[a place] has
	// cut…"), which a teacher then edits: such pairs are kept only where a report would otherwise give fewer than a
	// quiz's worth of drafts.
	let chosen = select(true);
	if (chosen.length < ENOUGH_DRAFTS) {
		const more = select(false);
		if (more.length > chosen.length) chosen = more;
	}
	return keyFirstAtMostHalf(maskSiblingKeys(article, chosen));
}

/** Drafts enough for a quiz or two from one report (issue 16 asks at least 15 of a report of 500 words or more). */
const ENOUGH_DRAFTS = 15;

/** What a value another draft asks is shown as in a prompt of the same sentence: its kind, not its words. */
function maskOf(d: Draft, written: string): string {
	const v = d.value;
	if (!v) return '[…]';
	if (v.kind === 'number')
		return /^[$€£]|\b(?:million|billion|trillion)\b/u.test(written)
			? '[a sum]'
			: /%$/u.test(written)
				? '[a share]'
				: '[a number]';
	if (v.kind === 'date') return /^\d{4}$/u.test(written) ? '[a year]' : '[a date]';
	if (v.kind === 'person') return '[a person]';
	if (v.kind === 'place') return '[a place]';
	return '[a body]';
}

/**
 * Two drafts kept on one sentence ask values of two kinds (selectCompatible): each prompt would show the other's
 * answer ("…level on 369.5 points, the first time since _____…" beside "…level on _____ points, the first time since
 * 1974…"). Each shows the other's value by its kind instead ("since [a year]"), so the two may stand in one quiz.
 */
export function maskSiblingKeys(article: DraftArticle, drafts: Draft[]): Draft[] {
	const title = titleOf(article);
	return drafts.map((a) => {
		const pa = placements.get(a);
		if (!pa) return a;
		let prompt = a.question.prompt;
		// Only the words quoted after the report's name: the title and date stay as they are.
		const named = title ? prompt.indexOf(`“${title}”`) : -1;
		const from = named >= 0 ? named + title.length + 2 : 0;
		for (const b of drafts) {
			const pb = placements.get(b);
			if (b === a || !pb || pb.sentence !== pa.sentence) continue;
			const written = article.text.slice(pb.key.start, pb.key.end).trim();
			if (written.length < 2 || (pb.key.start < pa.key.end && pa.key.start < pb.key.end)) continue;
			const at = prompt.indexOf(written, from);
			if (at < 0 || prompt.indexOf(written, at + written.length) >= 0) continue;
			// "St. John's" is a place's name, not a person to hide.
			if (/\bSt\.?\s+$/u.test(prompt.slice(from, at))) continue;
			// "the Democratic Alliance" → "[a body]", not "the [a body]"; a place keeps its "the" ("the Washington
			// state company" → "the [a place] state company").
			const the = /\b[Tt]he\s+$/u.exec(prompt.slice(from, at));
			const body = b.value?.kind === 'organisation' || b.value?.kind === 'operation';
			const start = the && body ? from + the.index : at;
			// "[Emmanuelle Charpentier, a French microbiologist]", the drafter's naming of a person the sentence calls
			// by surname: hidden whole, not as "[Emmanuelle [a person], a French microbiologist]" (the twentieth
			// reading's C18).
			const open = prompt.lastIndexOf('[', at);
			const close = prompt.indexOf(']', at);
			if (open >= from && open > prompt.lastIndexOf(']', at) && close > at) {
				prompt = `${prompt.slice(0, open)}${maskOf(b, written)}${prompt.slice(close + 1)}`;
				continue;
			}
			// "The United Arab Emirates' Hope probe" → "The [a place]'s Hope probe".
			const rest = prompt.slice(at + written.length).replace(/^(['’])(?=\s)/u, '$1s');
			prompt = `${prompt.slice(0, start)}${maskOf(b, written)}${rest}`;
		}
		return prompt === a.question.prompt ? a : rewritten(a, { ...a.question, prompt });
	});
}

/**
 * The drafts with the key first in no more than half of their choice questions, as questions:check asks of a file
 * (a teacher may turn shuffling off). The excess keys, last first and numbers (whose options read in order) last,
 * move one place down.
 */
export function keyFirstAtMostHalf(drafts: Draft[]): Draft[] {
	const choice = drafts.filter(
		(d) => d.question.type === 'single' || d.question.type === 'multiple'
	);
	// The check's own reading of "leads with the key" (keyLeads), so a drafted file passes it.
	const leading = choice.filter(
		(d) => (d.question.type === 'single' || d.question.type === 'multiple') && keyLeads(d.question)
	);
	const excess = leading.length - Math.floor(choice.length / 2);
	if (excess <= 0) return drafts;
	const moved = new Set(
		[...leading]
			.reverse()
			.sort((a, b) => Number(a.value?.kind === 'number') - Number(b.value?.kind === 'number'))
			.slice(0, excess)
	);
	return drafts.map((d) => {
		const q = d.question;
		if (!moved.has(d) || (q.type !== 'single' && q.type !== 'multiple')) return d;
		const right = q.options.filter((o) => o.correct).length;
		const options = [
			...q.options.slice(right, right + 1),
			...q.options.slice(0, right),
			...q.options.slice(right + 1)
		];
		return rewritten(d, { ...q, options });
	});
}

/** `d` with its question rewritten, keeping where it stands in its sentence (placements). */
function rewritten(d: Draft, question: Draft['question']): Draft {
	const copy = { ...d, question };
	const at = placements.get(d);
	if (at) placements.set(copy, at);
	return copy;
}

/** How many of the bank's questions have each answer as their key (where the bank gives its questions' keys). */
export function bankKeyCounts(bank: DraftingBank): Map<string, number> {
	const counts = new Map<string, number>();
	for (const q of bank.questions) {
		if (q.items?.length) continue;
		const correct = (q.options ?? []).filter((o) => o.correct);
		const key =
			correct.length === 1
				? normaliseAnswerText(correct[0].text)
				: typeof q.answer === 'number'
					? String(q.answer)
					: q.accepted?.length
						? normaliseAnswerText(q.accepted[0])
						: null;
		if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return counts;
}

/**
 * Draft questions for `article`, against `bank` (its facts give the distractors and the other articles'
 * dated events): overgenerate, score, keep the best and varied (chooseDrafts).
 */
export function draftQuestions(
	article: DraftArticle,
	bank: DraftingBank,
	options: { keepBankDuplicates?: boolean } = {}
): Draft[] {
	return chooseDrafts(article, bank, draftCandidates(article, bank), options);
}

/** Whether every report of the bank (three or more) names `name`. */
function everywhere(ctx: Context, name: string): boolean {
	const re = new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])`, 'u');
	return ctx.bank.articles.length >= 3 && ctx.bank.articles.every((a) => re.test(a.text));
}

/**
 * Bank questions that already ask what `d` asks: not orderings, citing a fact of this article whose words overlap
 * the draft's quote and whose typed value is the draft's key, or untyped whose words hold the key (any such
 * question, for a list of countries).
 */
export function bankDuplicates(
	ctx: { article: DraftArticle; bank: DraftingBank },
	d: Draft
): string[] {
	if (d.kind === 'timeline' || d.kind === 'gap') return [];
	const own = ctx.bank.articles.find((a) => a.slug === ctx.article.slug);
	if (!own) return [];
	const q0 = d.question;
	const keyText =
		q0.type === 'single'
			? q0.options.find((o) => o.correct)?.text
			: q0.type === 'numeric' && d.value
				? valueText(d.value)
				: undefined;
	const key = keyText ? normaliseAnswerText(keyText) : undefined;
	const overlapping = ctx.bank.facts.filter((f) => {
		if (f.article !== ctx.article.slug) return false;
		const at = findQuote(own.text, f.quote);
		return !!at && at.start < d.span.end && d.span.start < at.end;
	});
	const ids = new Set(overlapping.map((f) => f.id));
	// A fact typed with the draft's value is what a question citing it asks (an ordering aside).
	const typedSame = new Set(
		overlapping
			.filter(
				(f) => d.value && f.value && f.value.kind === d.value.kind && sameValue(f.value, d.value)
			)
			.map((f) => f.id)
	);
	// A question whose answer holds the key asks it already ("February" in the right option on the junta's 2025,
	// "al Qaeda" in the right option on the 2,400 troops "deployed… to combat groups linked to al Qaeda"); so does
	// an ordering with an item stating it ("… a press conference in Paris"). A key the bank only names in a prompt
	// or a wrong option is a new question (the quiz never puts two questions of one passage side by side).
	const wordsOf = (q: DraftingBank['questions'][number]) =>
		` ${normaliseAnswerText(
			[
				...(q.items ?? []).map((i) => (typeof i === 'string' ? i : i.text)),
				...(q.options ?? []).filter((o) => o.correct).map((o) => o.text),
				...(q.accepted ?? []),
				// The app's copy of the bank gives no answers: its prompts are all that can be read.
				...(q.options || q.accepted || q.answer !== undefined ? [] : [q.prompt])
			].join(' ')
		)} `;
	const asks = (q: DraftingBank['questions'][number]) => {
		// No list is asked twice about the same passage.
		if (!d.value) return true;
		if (!q.items?.length && q.facts.some((f) => typedSame.has(f))) return true;
		if (d.value.kind === 'number' && typeof q.answer === 'number' && q.answer === d.value.amount)
			return true;
		return !!key && wordsOf(q).includes(` ${key} `);
	};
	return ctx.bank.questions
		.filter((q) => q.facts.some((f) => ids.has(f)) && asks(q))
		.map((q) => q.id);
}
