// Recognising typed values in an article: numbers with their unit, dates, people with their role, places,
// organisations and operations. compromise (an English NLP library: tagger, number parsing, dates
// plugin) finds them; the bank's own typed facts act as a gazetteer, so "Macron" alone is still Emmanuel
// Macron and "Barkhane" an operation. Pure: text in, mentions out.
import { MONTH_NAMES } from '../time/months.ts';
import nlp from 'compromise';
import datesPlugin from 'compromise-dates';
import type { FactValue } from '../bank/types.ts';
import { normaliseAnswerText } from '../text/normalise.ts';
import {
	captionAbove,
	DATELINE_LINES,
	datelineAt,
	isCreditLine,
	pagePartOf
} from './page-parts.ts';
import type { BankFactForDrafting, Mention, Sentence } from './types.ts';
import { escapeRegExp } from '../text/regexp.ts';

nlp.plugin(datesPlugin as never);

type Term = { text: string; pre: string; post: string; tags: string[]; start: number; end: number };

const MIN_SENTENCE_WORDS = 6;

/** Abbreviations whose full stop is not a sentence's end: initials ("U.N.", "S. Somanath"), times, titles. */
const ABBREVIATION_END =
	/(?:\b(?:\p{Lu}\.)+|\b[ap]\.m\.|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Capt|Sgt|Gov|Sen|Prof|No|vs|v|Inc|Corp|Ltd|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)["”’]?$/u;

/**
 * Sentences of the article: furniture lines, headlines, bylines and photo captions (page-parts.ts) and
 * headings (short lines without a full stop) left out, and a dateline cut off the sentence it opens.
 */
export function splitSentences(text: string, furniture: number[]): Sentence[] {
	const out: Sentence[] = [];
	let offset = 0;
	let seenText = false;
	// A line broken in the middle of a sentence (the next line starts in lower case) joins the next one.
	const raw = text.split('\n');
	const lines: { text: string; start: number; line: number }[] = [];
	raw.forEach((line, i) => {
		const start = offset;
		offset += line.length + 1;
		if (furniture.includes(i + 1)) return;
		const first = !seenText && line.trim() !== '';
		if (line.trim()) seenText = true;
		if (pagePartOf(line, { first })) return;
		// A fact box's list line ("- Player of the match: …") restates the report in notes, not in sentences.
		if (/^\s*[-•*]\s/u.test(line)) return;
		// A caption whose credit stands on the next line ("… in Boston, March 16, 2024." / "…/Handout via SQ WIRE").
		if (
			captionAbove(
				line,
				raw.slice(i + 1).find((l) => l.trim() !== '')
			)
		)
			return;
		const prev = lines[lines.length - 1];
		if (
			prev &&
			prev.line + prev.text.split('\n').length === i + 1 &&
			/^\s*\p{Ll}/u.test(line) &&
			!/[.!?]["”’]?\s*$/u.test(prev.text)
		) {
			prev.text += `\n${line}`;
			return;
		}
		lines.push({ text: line, start, line: i + 1 });
	});
	lines.forEach(({ text: line, start: lineStart, line: lineNumber }, lineIndex) => {
		// A sentence ends at . ! ? (perhaps followed by a closing quote) before a capital or an opening quote.
		const boundary = /(?<=[.!?]["”’]?)\s+(?=["“]?[A-Z])/gu;
		let from = 0;
		const pieces: [number, number][] = [];
		for (const m of line.matchAll(boundary)) {
			// "6:04 p.m. India time", "The U.N. Security Council": a full stop of an abbreviation ends no sentence.
			if (ABBREVIATION_END.test(line.slice(0, m.index))) continue;
			// '"…I hear no objection. The accord is adopted," said…': a quotation of several sentences is read whole,
			// or a prompt would quote half of it with a stray quote mark.
			if (insideQuotation(line.slice(from, m.index))) continue;
			pieces.push([from, m.index]);
			from = m.index + m[0].length;
		}
		pieces.push([from, line.length]);
		const pieceText = ([a, b]: [number, number]) => line.slice(a, b);
		pieces.forEach(([from0, b], k) => {
			// A caption and its credit run on one line ("…, March 16, 2024. Massachusetts General Hospital/Handout
			// via SQ WIRE"): neither is a sentence.
			if (isCreditLine(pieceText(pieces[k]))) return;
			const next = pieces[k + 1];
			if (next && captionAbove(pieceText(pieces[k]), pieceText(next))) return;
			// A dateline ("BAMAKO, Feb 17 (Reuters) - ", "Belgium (Brussels Morning Newspaper) ") is not the sentence.
			// Only where a dateline stands: at the start of one of the first paragraphs.
			const dateline =
				from0 === 0 && lineIndex < DATELINE_LINES ? datelineAt(line.slice(from0, b)) : null;
			const a = from0 + (dateline ? dateline.length : 0);
			const raw = line.slice(a, b);
			const trimmed = raw.trim();
			if (trimmed.split(/\s+/u).length < MIN_SENTENCE_WORDS) return;
			const start = lineStart + a + (raw.length - raw.trimStart().length);
			out.push({ text: trimmed, start, end: start + trimmed.length, line: lineNumber });
		});
	});
	return out;
}

/** Whether `text` (a sentence so far) leaves a quotation open: an odd number of straight quotes, or “ before its ”. */
function insideQuotation(text: string): boolean {
	const straight = (text.match(/"/gu) ?? []).length;
	const opened = (text.match(/“/gu) ?? []).length;
	const closed = (text.match(/”/gu) ?? []).length;
	return straight % 2 === 1 || opened > closed;
}

function termsOf(sentence: Sentence): Term[] {
	const json = nlp(sentence.text).json({ offset: true }) as {
		terms: {
			text: string;
			pre: string;
			post: string;
			tags: string[];
			offset: { start: number; length: number };
		}[];
	}[];
	return json.flatMap((s) =>
		s.terms.map((t) => ({
			text: t.text,
			pre: t.pre,
			post: t.post,
			tags: t.tags,
			start: sentence.start + t.offset.start,
			end: sentence.start + t.offset.start + t.offset.length
		}))
	);
}

const MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());
export const WEEKDAYS = [
	'sunday',
	'monday',
	'tuesday',
	'wednesday',
	'thursday',
	'friday',
	'saturday'
];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Whether the words just before a date speak of the future ("will meet again in June", "would start work in
 * March", "set out plans… by June"): then a date without a year is the next one after the report, else the last.
 */
export function speaksOfFuture(before: string): boolean {
	const words = before.trim().split(/\s+/u).slice(-14).join(' ');
	return (
		// "The US Open starts in New York on Aug. 28": a present-tense start is a plan.
		/\b(will|would|shall|next|due|starts|begins|opens)\b|['’]ll\b/iu.test(words) ||
		// "the nominee to face Biden in the Nov. 5 election": a contest someone is to face is ahead.
		/\bto\s+(?:face|meet|play|host|contest|fight|challenge)\b/iu.test(words) ||
		// "an election expected in November", "a vote scheduled for May": what is awaited lies ahead.
		/\b(expected|scheduled|planned|set)\s+(?:\w+\s+)?(?:in|for|by|on)(?:\s+(?:early|late|mid))?\s*$/iu.test(
			words
		) ||
		/\b(by|until)\s*$/iu.test(before)
	);
}

/**
 * The date a date phrase means, read against the article's own date when the phrase leaves out the year.
 * `before` is the sentence up to the phrase: its tense decides between the last and the next such day or month.
 */
export function resolveDate(
	phrase: string,
	before: string,
	eventDate: string
): { date: string; inferred: boolean } | null {
	const words: string[] = phrase.toLowerCase().match(/[a-z]+|\d+/gu) ?? [];
	const year = words.find((w) => /^(19|20)\d{2}$/u.test(w));
	// "Oct. 25", "Sept. 12": a wire report's short month names count as the month.
	const month = MONTHS.findIndex(
		(m) =>
			words.includes(m) ||
			words.includes(m.slice(0, 3)) ||
			(m === 'september' && words.includes('sept'))
	);
	const day = words.find((w) => /^\d{1,2}$/u.test(w) && Number(w) >= 1 && Number(w) <= 31);
	const weekday = WEEKDAYS.findIndex((d) => words.includes(d));
	const [ey, em, ed] = eventDate.split('-').map(Number);
	const future = speaksOfFuture(before);
	if (year) {
		if (month >= 0)
			return {
				date: day ? `${year}-${pad(month + 1)}-${pad(Number(day))}` : `${year}-${pad(month + 1)}`,
				inferred: false
			};
		return { date: year, inferred: false };
	}
	if (month >= 0) {
		// "in December" said in January 2020 is December 2019; "will meet in June" is June 2020.
		let y = ey;
		if (future && month + 1 < em) y++;
		if (!future && month + 1 > em) y--;
		return {
			date: day ? `${y}-${pad(month + 1)}-${pad(Number(day))}` : `${y}-${pad(month + 1)}`,
			inferred: true
		};
	}
	if (weekday >= 0) {
		// News speaks of the week around the report: the last such day (or the next one, for plans).
		const base = new Date(Date.UTC(ey, em - 1, ed));
		const diff = future
			? (weekday - base.getUTCDay() + 7) % 7
			: -((base.getUTCDay() - weekday + 7) % 7);
		const d = new Date(base.getTime() + diff * 86_400_000);
		return {
			date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
			inferred: true
		};
	}
	return null;
}

/** Currencies written before their amount. */
const CURRENCIES: Record<string, string> = { $: 'dollars', '€': 'euros', '£': 'pounds' };

// Nouns that follow a number without being what is counted ("2,400 of them", "220 more").
const NOT_UNITS = new Set(['of', 'more', 'percent', 'times']);

/** The counted noun phrase after a number: "2,400 French soldiers" → modifiers "French", unit "soldiers". */
/** Units written as abbreviations, which take no plural "s". */
const UNIT_ABBREVIATIONS =
	/^(?:km|kg|mph|kmh|km\/h|cm|mm|m|mg|g|lb|lbs|ft|mi|ha|gw|mw|kw|kwh|mwh|gwh|bn|mn)$/iu;

function unitAfter(terms: Term[], i: number): { unit: string; phrase: string; end: number } | null {
	const modifiers: string[] = [];
	for (let j = i + 1; j < Math.min(terms.length, i + 5); j++) {
		const t = terms[j];
		const word = t.text.toLowerCase();
		if (NOT_UNITS.has(word)) return null;
		const duration = /^(seconds|minutes|hours|days|weeks|months|years|decades|centuries)$/iu.test(
			word
		);
		if (
			t.tags.includes('Noun') &&
			!t.tags.includes('ProperNoun') &&
			// "79 MAX 9 planes": a capitalised word after a number names a model, it is no counted noun.
			!CAPITALISED.test(t.text) &&
			!t.tags.includes('Pronoun') &&
			(!t.tags.includes('Date') || duration)
		) {
			// "special forces": keep a compound head together.
			let unit = word;
			let end = t.end;
			const next = terms[j + 1];
			if (
				t.post.trim() === '' &&
				next &&
				next.tags.includes('Plural') &&
				!next.tags.includes('ProperNoun')
			) {
				unit = `${word} ${next.text.toLowerCase()}`;
				end = next.end;
			}
			// "five world championship matches": a singular noun before the plural one it qualifies is part of what
			// is counted (not "five worlds").
			else if (!t.tags.includes('Plural')) {
				const run: Term[] = [];
				for (let k = j + 1; k < Math.min(terms.length, j + 4); k++) {
					const n = terms[k];
					if (terms[k - 1].post.trim() !== '' || n.tags.includes('ProperNoun')) break;
					if (CAPITALISED.test(n.text)) break;
					// "eight mountain stages spread over…": a plural read as a verb right after the noun it follows.
					const pluralAsVerb =
						k === j + 1 &&
						// ("one man dies": a singular count's noun is followed by its verb.)
						!/^(?:one|1|a|an|single)$/iu.test(terms[i].text) &&
						n.tags.includes('Verb') &&
						/^\p{Ll}+s$/u.test(n.text) &&
						!/ss$/u.test(n.text);
					if (!n.tags.includes('Noun') && !pluralAsVerb) break;
					run.push(n);
					if (n.tags.includes('Plural') || pluralAsVerb) break;
				}
				const head = run.at(-1);
				if (head && (head.tags.includes('Plural') || head.tags.includes('Verb'))) {
					unit = [word, ...run.map((n) => n.text.toLowerCase())].join(' ');
					end = run[run.length - 1].end;
				}
			}
			// An abbreviated unit ("km", "kg", "mph") has no plural: "472 million kms" reads wrong.
			if (!/s$/u.test(unit) && !UNIT_ABBREVIATIONS.test(unit))
				unit = nlp(unit).nouns().toPlural().text() || unit;
			unit = unit.replace(/[^\p{L}\s-]/gu, '');
			// "cubic metres a second": a rate is said with its time, though it counts the same unit.
			const last = terms.findIndex((x) => x.end === end);
			const [per, time] = [terms[last + 1], terms[last + 2]];
			const rate =
				per &&
				time &&
				terms[last].post.trim() === '' &&
				/^(?:a|an|per)$/iu.test(per.text) &&
				/^(?:second|minute|hour|day|week|month|year)[.,;:]?$/iu.test(time.text)
					? ` ${per.text.toLowerCase()} ${time.text.toLowerCase().replace(/[.,;:]$/u, '')}`
					: '';
			return { unit, phrase: `${[...modifiers, unit].join(' ')}${rate}`, end };
		}
		if (
			t.tags.includes('Adjective') ||
			t.tags.includes('Demonym') ||
			t.tags.includes('ProperNoun')
		) {
			modifiers.push(t.text);
			if (t.post.trim() !== '') return null;
			continue;
		}
		return null;
	}
	return null;
}

/** What may follow a figure that names no noun of its own: the end of its clause, or when it was so. */
const BARE_FIGURE_AFTER =
	/^(?:\s*[,.;:)]|\s*$|\s+(?:a|per|each|this|last|next)\s+(?:year|month|week|day)\b|\s+in\s+(?:19|20)\d{2}\b)/u;

/**
 * "Asylum applications… rose to over 46,000, and the government expects about 70,000 this year": a figure in digits
 * with no noun after it counts the plural noun its sentence opens on ("applications"); with none, it is no count.
 */
function subjectCounted(
	terms: Term[],
	i: number,
	after: string
): { unit: string; phrase: string; end: number } | null {
	// "46,000," is read with its comma: the figure is the last term in digits up to `i`.
	while (i > 0 && terms[i] && !/\d/u.test(terms[i].text)) i--;
	const t = terms[i];
	if (!t || !/\d/u.test(t.text) || !BARE_FIGURE_AFTER.test(after)) return null;
	const modifiers: string[] = [];
	for (let j = 0; j < i; j++) {
		const w = terms[j];
		const plainNoun =
			w.tags.includes('Noun') && !w.tags.includes('ProperNoun') && !w.tags.includes('Pronoun');
		// ("Earps, 30, won…": a capitalised "plural" is a name, and its figure an age.)
		if (plainNoun && w.tags.includes('Plural') && /^\p{Ll}/u.test(w.text)) {
			const unit = w.text.toLowerCase().replace(/[^\p{L}-]/gu, '');
			return { unit, phrase: [...modifiers, unit].join(' ').toLowerCase(), end: t.end };
		}
		// Only the words of the opening noun phrase: "Asylum applications", "The new orders".
		if (!plainNoun && !w.tags.includes('Adjective') && !w.tags.includes('Determiner')) return null;
		if (w.post.trim() !== '') return null;
		if (plainNoun || w.tags.includes('Adjective')) modifiers.push(w.text);
	}
	return null;
}

export type Gazetteer = {
	kind: 'person' | 'place' | 'organisation' | 'operation';
	name: string;
	role?: string;
	aliases: string[];
}[];

/** Names the bank already knows, with the short forms the articles use ("Macron", "Operation Barkhane"). */
export function gazetteerOf(facts: BankFactForDrafting[]): Gazetteer {
	// The same loaded bank gives the same gazetteer, so what is read through it can be kept with it.
	let gazetteer = gazetteers.get(facts);
	if (!gazetteer) gazetteers.set(facts, (gazetteer = buildGazetteer(facts)));
	return gazetteer;
}

const gazetteers = new WeakMap<BankFactForDrafting[], Gazetteer>();

function buildGazetteer(facts: BankFactForDrafting[]): Gazetteer {
	const seen = new Map<string, Gazetteer[number]>();
	for (const f of facts) {
		const v = f.value;
		if (
			!v ||
			(v.kind !== 'person' &&
				v.kind !== 'place' &&
				v.kind !== 'organisation' &&
				v.kind !== 'operation')
		)
			continue;
		const key = `${v.kind}:${normaliseAnswerText(v.name)}`;
		if (seen.has(key)) continue;
		const aliases = [v.name];
		if (v.kind === 'person') aliases.push(v.name.split(/\s+/u).slice(-1)[0]);
		if (v.kind === 'operation') aliases.push(`Operation ${v.name}`);
		seen.set(key, {
			kind: v.kind,
			name: v.name,
			role: v.kind === 'person' ? v.role : undefined,
			aliases
		});
	}
	return [...seen.values()];
}

/** A capitalised preposition that may open a sentence before a name, never part of it. */
const OPENING_PREPOSITION =
	/^(?:Under|In|On|At|After|Before|For|With|By|From|Since|During|As|Despite|Against|Without|Unlike|Like|Until|Beside|Behind|Beyond|Toward|Towards|Among|Amid)$/u;

/** The last word of a building's or venue's name, never a person's. */
const BUILDING_END =
	/\s(?:Hotel|Hospital|Stadium|Arena|Centre|Center|Airport|Church|Cathedral|Mosque|School|College|University|Hall|Palace|Tower|Bridge|Park|Square|Station|Prison|Museum|Theatre|Theater)$/u;

export const TITLE_WORDS =
	/^(president|prime|minister|general|chief|executive|colonel|leader|spokesman|spokeswoman|spokesperson|head|secretary|commander|foreign|defence|defense|army|junta|interim|king|queen|chancellor|administrator|chairman|chairwoman|governor|director|ambassador|envoy|captain|major|lieutenant|commissioner|mayor|senator|goalkeeper|striker|coach|manager|justice|justices|judge)$/iu;
const CAPITALISED = /^\p{Lu}/u;
/** Offices that are no title word but still end the words before a name. */
/** The last word of a body's name, which the tagger may read as a person's word before a title. */
const INSTITUTION_HEADS =
	/^(?:Bank|Council|Commission|Committee|Authority|Agency|Union|Court|Fund|Ministry|Office|Board|Assembly|Parliament|Federation|Association|Institute)$/u;
const OFFICE_IN_NAME = /^(?:superintendent|referee|umpire|secretary|chair)$/iu;
/** Words that introduce a person's name: their office or role. */
export const ROLE_BEFORE_NAME =
	/^(president|minister|general|colonel|captain|major|lieutenant|leader|spokesman|spokeswoman|spokesperson|secretary|commander|chairman|chairwoman|chair|governor|director|administrator|ambassador|envoy|candidate|mentor|rival|official|inspector|commissioner|mayor|senator|goalkeeper|striker|forward|midfielder|defender|coach|manager|king|queen|prince|chancellor|economist|scientist|astronaut|chief|head|premier|pope|judge|prosecutor|executive|founder|co-founder|lawyer|attorney|professor|analyst|engineer|researcher)$/iu;

/** A word that may be part of a person's name: capitalised, no place, organisation, date or title of the lexicon. */
function isNameWord(t: Term): boolean {
	return (
		/^\p{Lu}[\p{L}'’-]+$/u.test(t.text.replace(/['’]s$/u, '')) &&
		!TITLE_WORDS.test(t.text) &&
		![
			'Place',
			'Country',
			'City',
			'Organization',
			'Date',
			'Month',
			'WeekDay',
			'Demonym',
			'Pronoun',
			'Determiner'
		].some((tag) => t.tags.includes(tag))
	);
}
/** Words compromise tags as organisations that are not what a question could ask about. */
// Credit words ("Handout via SQ WIRE", "Getty Images") and molecules ("DNA") are no bodies either.
const NOT_NAMES = new Set([
	'French',
	'British',
	'European',
	'African',
	'GMT',
	'UTC',
	'Malian',
	'WIRE',
	'Handout',
	'Getty',
	'Getty Images',
	'Pool',
	'PHOTO',
	'DNA',
	'RNA'
]);

/** Diseases and viruses: the acronym rule and the tagger take "COVID", "HIV" or "Ebola" for bodies; none is one. */
const DISEASE =
	/^(?:COVID(?:-19)?|Covid(?:-19)?|SARS(?:-CoV-2)?|MERS|Ebola|mpox|Mpox|monkeypox|HIV|AIDS|Zika|H5N1|H1N1|Marburg|Omicron|cholera|malaria|measles|polio|dengue)$/u;

/** A capitalised name (with "of", "for", "and", "the" and figures inside) and its abbreviation in brackets. */
const BODY_WITH_ABBREVIATION =
	/(\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?(?:\p{Lu}[\p{L}'’-]*|\d+))*)\s+\((\p{Lu}[\p{Lu}\d&-]{1,7})\)/gu;
const LEADING_DETERMINER = /^(?:The|A|An|His|Her|Its|Their|Our)\s+/u;

/**
 * The abbreviations a report defines in brackets after a body's name ("Democrats 66 (D66)"), each with the full
 * name: a later "D66" is the same body, never a wrong option for it.
 */
export function bracketAbbreviations(text: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const b of bodiesWithAbbreviation(text))
		if (!found.has(b.abbreviation)) found.set(b.abbreviation, b.name);
	return found;
}

/**
 * Each "Name (ABBR)" of `text`: where the name starts (after "the", "His", or an owner: "Britain's Competition and
 * Markets Authority (CMA)"), the name and its abbreviation. A name of one word, or one the bracket's next word
 * shows to be a modifier ("Additional Tier 1 (AT1) bonds"), is none.
 */
function bodiesWithAbbreviation(
	text: string
): { start: number; end: number; name: string; abbreviation: string }[] {
	const out: { start: number; end: number; name: string; abbreviation: string }[] = [];
	for (const m of text.matchAll(BODY_WITH_ABBREVIATION)) {
		let lead = m[1].match(LEADING_DETERMINER)?.[0].length ?? 0;
		// An owner's possessive is no part of the name ("People's" in "People's Party" is).
		const owner = m[1]
			.slice(lead)
			.match(/^(?:\p{Lu}[\p{L}.-]*\s+)*\p{Lu}[\p{L}.-]*['’]s\s+(?=\p{Lu})/u);
		if (owner && !/^People['’]s\s/u.test(owner[0])) lead += owner[0].length;
		let name = m[1].slice(lead);
		// "Atiku Abubakar of the Peoples Democratic Party (PDP)": the bracket abbreviates the body after "of" only,
		// and the words before it are a person's name.
		if (!abbreviates(m[2], name))
			for (const cut of name.matchAll(/\s+of\s+(?:the\s+)?/gu)) {
				const tail = name.slice(cut.index + cut[0].length);
				if (!abbreviates(m[2], tail)) continue;
				lead += cut.index + cut[0].length;
				name = tail;
				break;
			}
		const next = text.slice(m.index + m[0].length).match(/^\s+(\p{Ll}+)/u)?.[1];
		if (!/\s/u.test(name) || TITLE_WORDS.test(name.split(/\s+/u)[0])) continue;
		// Read in its sentence: "bonds would be…" is a noun, "governed with…" a verb.
		const tags = next
			? ((
					nlp(
						`${m[2]} ${text.slice(m.index + m[0].length, m.index + m[0].length + 40)}`
					).json() as {
						terms: { tags: string[] }[];
					}[]
				)[0]?.terms[1]?.tags ?? [])
			: [];
		if (tags.includes('Noun') && !tags.includes('Verb')) continue;
		out.push({ start: m.index + lead, end: m.index + m[0].length, name, abbreviation: m[2] });
	}
	return out;
}

/** Whether `abbreviation` is made of the initials of `name`'s capitalised words, or of all its words ("ECOWAS"). */
function abbreviates(abbreviation: string, name: string): boolean {
	const letters = abbreviation.replace(/[^\p{Lu}]/gu, '');
	const words = name.split(/\s+/u);
	const initials = (ws: string[]) => ws.map((w) => w[0].toUpperCase()).join('');
	return (
		letters === initials(words.filter((w) => /^\p{Lu}/u.test(w))) || letters === initials(words)
	);
}

/** Whether [from, to) of the text sits in brackets, or is followed by a bracketed alias ("ISIS (ISIL)"). */
function insideBrackets(text: string, from: number, to: number): boolean {
	const before = text.slice(0, from);
	const open = Math.max(before.lastIndexOf('('), before.lastIndexOf('['));
	const close = Math.max(before.lastIndexOf(')'), before.lastIndexOf(']'));
	return open > close || /^\s*\(/u.test(text.slice(to));
}

/** Last words of names of things (not people) that the tagger takes for a person's name. */
const THING_ENDINGS =
	/\s(Telescope|Observatory|Station|Stadium|Airport|Agency|Bank|Fund|Council|Committee|Commission|Party|Prize|Cup|Trophy|Award|Building|Tower|Bridge|Centre|Center|University|College|School|Hospital|Institute|Programme|Program|Treaty|Accord|Act|Law|Mission|Rocket|Ship)$/u;

const COUNTRY_FIRST_NAMES = new Set(['Chad', 'Jordan', 'Georgia', 'Israel']);
const DESCRIPTIVE =
	/^(The|A|An|This|That|These|Those|Its|Their|Our|His|Her|Each|Every|Another|Such|New|European|French|African|Russian|American|Malian|British|German|Canadian|UN|EU|\d+-\p{L}+)$/u;

/** "The 25-year-old Scot": nouns of nationality the tagger does not know as such, never a person's name. */
const NATIONALITY_NOUN =
	/^(?:Dane|Swede|Finn|Pole|Scot|Briton|Turk|Dutch(?:man|woman)|French(?:man|woman)|English(?:man|woman)|Scots(?:man|woman)|Welsh(?:man|woman)|Irish(?:man|woman))$/u;

const demonyms = new Map<string, boolean>();
/** "Danish", "Senegalese", "Malian": a nationality, never a name of an organisation, place or person. */
function isDemonym(name: string): boolean {
	if (/\s/u.test(name)) return false;
	let known = demonyms.get(name);
	if (known === undefined) {
		known = (nlp(name).json() as { terms: { tags: string[] }[] }[]).some((s) =>
			s.terms.some((t) => t.tags.includes('Demonym'))
		);
		demonyms.set(name, known);
	}
	return known;
}

const placeLabels = new Map<string, string>();
/** "country", "city" or "place", as compromise's lexicon knows the name. */
export function placeLabel(name: string): string {
	let label = placeLabels.get(name);
	if (!label) {
		const tags = (nlp(name).json() as { terms: { tags: string[] }[] }[]).flatMap((s) =>
			s.terms.flatMap((t) => t.tags)
		);
		label = /\b(of|Gulf|West|East|North|South|Central)\b/u.test(name)
			? 'place'
			: tags.includes('Country')
				? 'country'
				: tags.includes('City')
					? 'city'
					: /region$/u.test(name)
						? 'region'
						: 'place';
		placeLabels.set(name, label);
	}
	return label;
}

/** Every typed value the sentence states, in text order, overlapping ones resolved (the longer wins). */
/** Words that open a sentence on an approximate figure: "About 400 firefighters…", "Nearly 50…". */
const HEDGE_OPENING =
	/^(?:About|Nearly|Almost|Around|Some|Roughly|Approximately|Over|Under|Only|Just|Fewer than|More than|At least|Up to)\s+$/u;

export function findMentions(
	sentence: Sentence,
	eventDate: string,
	gazetteer: Gazetteer
): Mention[] {
	const terms = termsOf(sentence);
	const found: Mention[] = [];
	const add = (m: Omit<Mention, 'sentence'>) => found.push({ ...m, sentence });
	const at = (start: number, end: number) =>
		sentence.text.slice(start - sentence.start, end - sentence.start);

	// Dates: the compromise-dates plugin finds the phrases; we read them against the article's date.
	const dateDoc = nlp(sentence.text) as unknown as {
		dates: (o: object) => {
			json: (o: object) => { text: string; offset: { start: number; length: number } }[];
		};
	};
	for (const d of dateDoc.dates({ today: eventDate }).json({ offset: true })) {
		const start = sentence.start + d.offset.start;
		const phrase = d.text.replace(/[\s,.;:"”]+$/u, '');
		const resolved = resolveDate(phrase, sentence.text.slice(0, d.offset.start), eventDate);
		if (!resolved) continue;
		// Keep only the words that name the date: "until 2025" → "2025", "on Monday" → "Monday".
		const core = phrase.match(
			/((January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)( \d{1,2}(?![\d:]))?(,? (19|20)\d{2})?|(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\b(19|20)\d{2}\b)/u
		);
		if (!core || core.index === undefined) continue;
		const s = start + d.text.indexOf(core[0]);
		// A month the words give without its day ("in April in 2:04:25": the 2 is a time's) is the month only;
		// "2 April" gives its day before the month.
		const dayFirst = /(?:^|\s)\d{1,2}\s+$/u.test(d.text.slice(0, d.text.indexOf(core[0])));
		// "after 1 a.m. on Dec. 4": the plugin may take the hour for the day; the day is the one the month names.
		const named =
			core[3] && resolved.date.length === 10
				? `${resolved.date.slice(0, 8)}${core[3].trim().padStart(2, '0')}`
				: resolved.date;
		const date = core[2] && !core[3] && !dayFirst ? resolved.date.slice(0, 7) : named;
		// "in August": a month stored with a year its sentence does not state would be a key the quote lacks.
		if (date.length === 7 && resolved.inferred) continue;
		// "On March 11 that year": the year is one the report named before, not the report's own.
		const afterCore = sentence.text.slice(s - sentence.start + core[0].length);
		if (
			resolved.inferred &&
			/^,?\s+(?:of\s+)?(?:that|the same|the following|the next|the previous)\s+year\b/u.test(
				afterCore
			)
		)
			continue;
		add({
			value: { kind: 'date', date },
			start: s,
			end: s + core[0].length,
			label: date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day',
			inferred: resolved.inferred
		});
	}
	// Years the plugin leaves out ("since 2013" inside a longer phrase).
	for (const m of sentence.text.matchAll(/(?<![\d-])(19[5-9]\d|20\d{2})(?![\d-])/gu)) {
		const s = sentence.start + m.index;
		if (found.some((f) => f.start <= s && s < f.end)) continue;
		add({ value: { kind: 'date', date: m[0] }, start: s, end: s + 4, label: 'year' });
	}

	// Numbers with the noun they count.
	const numbers = nlp(sentence.text).numbers().json({ offset: true }) as {
		text: string;
		number?: { num: number | null };
		offset: { start: number; length: number };
	}[];
	for (const n of numbers) {
		const raw = n.number?.num;
		if (raw === null || raw === undefined || !Number.isFinite(raw)) continue;
		// The tagger scales "2.07 million" in floating point (2069999.9999999998): the report wrote 2,070,000.
		const num = Number(raw.toPrecision(12));
		const start = sentence.start + n.offset.start;
		const end = start + n.offset.length;
		if (found.some((f) => f.value.kind === 'date' && f.start < end && start < f.end)) continue;
		// A year is written without a comma: "2,000 people" is a count.
		if (/^(19|20)\d{2}[,.;:]?$/u.test(n.text.trim()) && num >= 1900 && num <= 2100) continue;
		const last = terms.findIndex((t) => t.end >= end);
		if (last < 0) continue;
		// "a second takeover", "half": only digits and plain counting words are counts.
		if (
			!/\d/u.test(n.text) &&
			!/^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)\b/iu.test(
				n.text.trim()
			)
		)
			continue;
		// "the first images", "its 20th member": an order, not a count.
		if (/^(first|second|third)$|\d(st|nd|rd|th)$|th$/iu.test(n.text.trim())) continue;
		// "Ariane 5", "Chandrayaan-3", "Luna-25": a number that is part of a name counts nothing.
		// ("About 400 firefighters", "Nearly 50 ministers": a hedge opening the sentence is no name.)
		const before = sentence.text.slice(0, start - sentence.start);
		if (
			/^\d{1,3}$/u.test(n.text) &&
			/\p{Lu}[\p{L}]*[\s-]$/u.test(before) &&
			!HEDGE_OPENING.test(before)
		)
			continue;
		// "8.6%", "54.28 percent": a share, which a gap can ask as it stands.
		const percent = /%$/u.test(n.text.replace(/[,.;:]+$/u, ''))
			? ''
			: (sentence.text.slice(end - sentence.start).match(/^\s?(?:%|per ?cent\b)/u)?.[0] ?? null);
		if (percent !== null) {
			add({
				value: { kind: 'number', amount: num, unit: '%' },
				start,
				end: start + n.text.replace(/[,.;:]+$/u, '').length + percent.length,
				label: 'per cent'
			});
			continue;
		}
		// "$3 billion", "€100 million": an amount of money, asked as the article writes it.
		const currency = n.text.match(/^[$€£]/u)?.[0];
		if (currency) {
			const written = n.text.replace(/[,.;:\s]+$/u, '');
			add({
				value: { kind: 'number', amount: num, unit: CURRENCIES[currency] },
				start,
				end: start + written.length,
				label: CURRENCIES[currency]
			});
			continue;
		}
		// "the 14-member force" counts members.
		// "several hundred-strong", "a nine-year mission": vague, or a compound our questions cannot ask well.
		if (
			/\b(several|a few|hundreds|thousands)\s+$/iu.test(
				sentence.text.slice(0, start - sentence.start)
			)
		)
			continue;
		if (
			/^-(?!member)/u.test(sentence.text.slice(end - sentence.start)) ||
			(n.text.endsWith('-') && !/^member/u.test(sentence.text.slice(end - sentence.start)))
		)
			continue;
		const hyphened =
			sentence.text.slice(end - sentence.start).match(/^-(\p{L}+)/u) ??
			(n.text.endsWith('-') ? sentence.text.slice(end - sentence.start).match(/^(\p{L}+)/u) : null);
		const unit = hyphened
			? {
					unit: nlp(hyphened[1]).nouns().toPlural().text() || `${hyphened[1]}s`,
					phrase: nlp(hyphened[1]).nouns().toPlural().text() || `${hyphened[1]}s`,
					end
				}
			: // "to over 12,500, and officials expect…": no noun after the clause's end counts the figure.
				((/[,.;:]$/u.test(n.text) ? null : unitAfter(terms, last)) ??
				subjectCounted(
					terms,
					last,
					sentence.text.slice(start - sentence.start + n.text.replace(/[,.;:]+$/u, '').length)
				));
		if (!unit) continue;
		const numberText = at(start, end).replace(/[-–]$/u, '');
		add({
			value: { kind: 'number', amount: num, unit: unit.unit },
			start,
			end: start + numberText.length,
			label: unit.phrase
		});
	}

	// People, places and organisations: runs of capitalised words tagged alike by compromise.
	const runs: {
		kind: 'person' | 'place' | 'organisation';
		from: number;
		to: number;
		label: string;
	}[] = [];
	for (let i = 0; i < terms.length; i++) {
		const t = terms[i];
		const kind = t.tags.includes('Person')
			? 'person'
			: t.tags.includes('Place')
				? 'place'
				: t.tags.includes('Organization')
					? 'organisation'
					: null;
		if (!kind || !CAPITALISED.test(t.text) || t.tags.includes('Demonym')) continue;
		let j = i;
		while (
			j + 1 < terms.length &&
			terms[j].post.trim() === '' &&
			CAPITALISED.test(terms[j + 1].text) &&
			(terms[j + 1].tags.includes(
				kind === 'person' ? 'Person' : kind === 'place' ? 'Place' : 'Organization'
			) ||
				(kind === 'place' && /^(of|the)$/u.test(terms[j + 1].text)) ||
				// "Economic Community of West African States", "Bank of England".
				// "International Committee of the Red Cross": "of the" inside the name too.
				(kind === 'organisation' &&
					/^(of|for|and|the|on)$/u.test(terms[j + 1].text) &&
					j + 2 < terms.length &&
					(CAPITALISED.test(terms[j + 2].text) ||
						(terms[j + 2].text === 'the' &&
							j + 3 < terms.length &&
							CAPITALISED.test(terms[j + 3].text)))) ||
				// "Bassirou Diomaye Faye": a name the tagger knows only in part.
				(kind === 'person' && isNameWord(terms[j + 1])))
		)
			j++;
		// "All England Club": a body's name may open on a word the tagger does not know (never the sentence's first).
		while (
			kind === 'organisation' &&
			i > 1 &&
			terms[i - 1].post.trim() === '' &&
			CAPITALISED.test(terms[i - 1].text) &&
			!TITLE_WORDS.test(terms[i - 1].text) &&
			!/['’]s$/u.test(terms[i - 1].text) &&
			!['Demonym', 'Date', 'Month', 'WeekDay', 'Person', 'Place', 'Pronoun'].some((tag) =>
				terms[i - 1].tags.includes(tag)
			)
		)
			i--;
		// …and the capitalised words before it ("Bassirou" before "Diomaye Faye").
		while (
			kind === 'person' &&
			i > 0 &&
			terms[i - 1].post.trim() === '' &&
			isNameWord(terms[i - 1]) &&
			!(i - 1 === 0 && !terms[i - 1].tags.includes('Person'))
		)
			i--;
		// "Rich nations", "the Gothic cathedral": one capitalised word qualifying the noun after it is no person
		// or body (a name is followed by its verb or by punctuation, not by a common noun).
		const next = terms[j + 1];
		if (
			kind !== 'place' &&
			i === j &&
			next &&
			terms[j].post.trim() === '' &&
			/^\p{Ll}/u.test(next.text) &&
			next.tags.includes('Noun') &&
			!next.tags.includes('Verb') &&
			!next.tags.includes('Pronoun')
		) {
			i = j;
			continue;
		}
		const label =
			kind === 'place'
				? t.tags.includes('Country')
					? 'country'
					: t.tags.includes('City')
						? 'city'
						: 'place'
				: kind;
		runs.push({ kind, from: i, to: j, label });
		i = j;
	}
	// Names the tagger does not know, told by the role before them: "opposition leader Ousmane Sonko",
	// "Colonel Assimi Goïta", "former prime minister, Amadou Ba".
	for (let i = 0; i + 2 < terms.length; i++) {
		if (!ROLE_BEFORE_NAME.test(terms[i].text) || /[.;:]/u.test(terms[i].post)) continue;
		let j = i + 1;
		while (
			j < terms.length &&
			j - i <= 4 &&
			isNameWord(terms[j]) &&
			(j === i + 1 || terms[j - 1].post.trim() === '')
		)
			j++;
		const count = j - (i + 1);
		if (count < 2) continue;
		if (runs.some((r) => r.from <= j - 1 && i + 1 <= r.to && r.kind !== 'person')) continue;
		const k = runs.findIndex((r) => r.from <= j - 1 && i + 1 <= r.to);
		if (k >= 0) runs.splice(k, 1);
		runs.push({ kind: 'person', from: i + 1, to: j - 1, label: 'person' });
		i = j - 1;
	}
	// Names romanised from Chinese or Korean ("Hou Yu-ih", "Tsai Ing-wen"): the tagger splits the hyphenated given
	// name and knows neither half, so such people were never asked about. A short syllable each side of the hyphen
	// keeps out compounds ("Cup-winning", "Minister-designate").
	for (let i = 0; i + 2 < terms.length; i++) {
		const [family, given, rest] = [terms[i], terms[i + 1], terms[i + 2]];
		if (
			!/^\p{Lu}\p{Ll}{1,6}$/u.test(family.text) ||
			TITLE_WORDS.test(family.text) ||
			['Place', 'Country', 'City', 'Date', 'Month', 'WeekDay', 'Demonym', 'Pronoun'].some((tag) =>
				family.tags.includes(tag)
			) ||
			family.post !== ' ' ||
			!/^\p{Lu}\p{Ll}{0,4}$/u.test(given.text) ||
			given.post !== '-' ||
			!/^\p{Ll}{1,5}$/u.test(rest.text) ||
			(i > 0 && terms[i - 1].post === '-')
		)
			continue;
		for (let k = runs.length - 1; k >= 0; k--)
			if (runs[k].from <= i + 2 && i <= runs[k].to) runs.splice(k, 1);
		runs.push({ kind: 'person', from: i, to: i + 2, label: 'person' });
		i += 2;
	}
	// "Ramona V. Manglona": a middle initial's full stop ends no name; the surname after it is the run's.
	const absorbed = new Set<(typeof runs)[number]>();
	for (const r of runs) {
		if (r.kind !== 'person' || absorbed.has(r)) continue;
		const initial = (k: number) =>
			/^\p{Lu}$/u.test(terms[k]?.text ?? '') && /^\.\s$/u.test(terms[k].post);
		const step = initial(r.to) ? 1 : initial(r.to + 1) && terms[r.to].post === ' ' ? 2 : 0;
		const surname = terms[r.to + step];
		if (!step || !surname || !isNameWord(surname)) continue;
		for (const x of runs) if (x !== r && x.from <= r.to + step && r.to < x.to + 1) absorbed.add(x);
		r.to += step;
	}
	runs.splice(0, runs.length, ...runs.filter((r) => !absorbed.has(r)));
	runs.sort((a, b) => a.from - b.from);
	for (const r of runs) {
		let from = r.from;
		// Titles are part of the tagged run ("President Emmanuel Macron"): the name starts after them. So is a
		// sentence's opening preposition ("Under Bashir, …", the twenty-fifth reading's S15).
		while (
			r.kind === 'person' &&
			from < r.to &&
			(TITLE_WORDS.test(terms[from].text) || OPENING_PREPOSITION.test(terms[from].text))
		)
			from++;
		// An office inside the run ("State Police Superintendent Roland Butler"): the name is what follows it.
		if (r.kind === 'person')
			for (let k = from; k < r.to - 1; k++)
				if (OFFICE_IN_NAME.test(terms[k].text) || ROLE_BEFORE_NAME.test(terms[k].text))
					from = k + 1;
		const start = terms[from].start;
		const end = terms[r.to].end;
		const name = at(start, end).replace(/['’]s$/u, '');
		if (r.kind === 'person' && from === r.to && TITLE_WORDS.test(terms[from].text)) continue;
		// "Hurricane Ian", "Typhoon Haiyan": a storm, named as people are, is no person.
		if (r.kind === 'person' && /^(?:Hurricane|Typhoon|Cyclone|Storm)\s/u.test(name)) continue;
		// "the Serena Hotel", "Arthur Ashe Stadium": a building named as people are is a place (the twenty-third
		// reading's K3, K10 offered a hotel as a person).
		if (r.kind === 'person' && BUILDING_END.test(name)) {
			add({ value: { kind: 'place', name }, start, end: start + name.length, label: 'place' });
			continue;
		}
		if (r.kind === 'person') {
			// The role is the title before the name: "French President Emmanuel Macron".
			let k = r.from - 1;
			const before: string[] = [];
			while (
				k >= 0 &&
				(TITLE_WORDS.test(terms[k].text) || terms[k].tags.includes('Demonym')) &&
				terms[k].post.trim() === ''
			)
				before.unshift(terms[k--].text);
			// "Secretary-General Ban Ki-moon": the title's first half before a hyphen is the title's too.
			while (k >= 0 && terms[k].post === '-' && TITLE_WORDS.test(terms[k].text) && before.length)
				before[0] = `${terms[k--].text}-${before[0]}`;
			const titles = [...before, ...terms.slice(r.from, from).map((t) => t.text)];
			const known = gazetteer.find(
				(g) =>
					g.kind === 'person' &&
					g.aliases.some((a) => normaliseAnswerText(a) === normaliseAnswerText(name))
			);
			const role = titles.length ? titles.join(' ') : known?.role;
			add({
				value: { kind: 'person', name: known?.name ?? name, ...(role ? { role } : {}) },
				start,
				end: end - (at(start, end).length - name.length),
				label: 'person'
			});
		} else if (r.kind === 'place') {
			// "the second Lagrange point": a name used as a word of a term, not a place.
			if (
				/\b(first|second|third|fourth|fifth)\s+$/iu.test(
					sentence.text.slice(0, start - sentence.start)
				)
			)
				continue;
			add({ value: { kind: 'place', name }, start, end: start + name.length, label: r.label });
		} else {
			// "European Central Bank President…": the tagger reads "Bank" before a title as a person's word and cuts
			// the body short ("European Central"); an institution's head noun right after the run is its name's.
			let to = r.to;
			while (terms[to + 1] && terms[to].post === ' ' && INSTITUTION_HEADS.test(terms[to + 1].text))
				to++;
			const whole = to === r.to ? name : at(start, terms[to].end).replace(/['’]s$/u, '');
			const head = terms[to + 1];
			const isOperation = /operation/iu.test(whole) || (head && /^operations?$/iu.test(head.text));
			add({
				value: isOperation
					? { kind: 'operation', name: whole.replace(/^Operation\s+/u, '') }
					: { kind: 'organisation', name: whole },
				start,
				end: start + whole.length,
				label: isOperation ? 'operation' : 'organisation'
			});
		}
	}

	// Names the bank knows: found by their words, typed as the bank types them.
	for (const g of gazetteer) {
		for (const alias of [...g.aliases].sort((a, b) => b.length - a.length)) {
			const re = new RegExp(`(?<![\\p{L}-])${escapeRegExp(alias)}(?![\\p{L}-])`, 'gu');
			for (const m of sentence.text.matchAll(re)) {
				const start = sentence.start + m.index;
				const end = start + alias.length;
				const value: FactValue =
					g.kind === 'person'
						? { kind: 'person', name: g.name, ...(g.role ? { role: g.role } : {}) }
						: { kind: g.kind, name: g.name };
				add({
					value,
					start,
					end,
					label: g.kind === 'place' ? placeLabel(g.name) : g.kind,
					known: true
				});
			}
		}
	}

	// Acronyms and "Operation X": organisations compromise does not tag.
	for (const m of sentence.text.matchAll(
		/\b(Operation (\p{Lu}\p{L}+)|\p{Lu}{3,}[\p{Lu}\d]*( \p{Lu}\p{Ll}+)?)\b/gu
	)) {
		const start = sentence.start + m.index;
		const op = m[2];
		// "NASA Administrator Bill Nelson": the title after the acronym is the person's, not the organisation's name.
		const words = m[0].split(' ');
		if (!op && words.length === 2 && TITLE_WORDS.test(words[1])) {
			add({
				value: { kind: 'organisation', name: words[0] },
				start,
				end: start + words[0].length,
				label: 'organisation'
			});
			continue;
		}
		add({
			value: op ? { kind: 'operation', name: op } : { kind: 'organisation', name: m[0] },
			start,
			end: start + m[0].length,
			label: op ? 'operation' : 'organisation'
		});
	}
	// "the People's Party for Freedom and Democracy (VVD)", "Democrats 66 (D66)": a body named with its abbreviation
	// in brackets is one body, asked and offered by its full name; the bracket is never a gap of its own.
	for (const b of bodiesWithAbbreviation(sentence.text)) {
		// "Norway's Fair Trade Authority": the tagger's longer run takes the owner in; the bracket decides.
		const [from, to] = [sentence.start + b.start, sentence.start + b.end];
		for (let i = found.length - 1; i >= 0; i--)
			if ('name' in found[i].value && found[i].start < to && from < found[i].end)
				found.splice(i, 1);
		add({
			value: { kind: 'organisation', name: b.name },
			start: sentence.start + b.start,
			end: sentence.start + b.end,
			label: 'organisation'
		});
	}
	// "the Takuba force", "the Wagner Russian mercenary group": a capitalised name before an organisation noun.
	for (const m of sentence.text.matchAll(
		/\b((?:\p{Lu}[\p{L}\d-]+ )+)((?:[a-z-]+ ){0,2})(force|group|mission|operation|coalition)\b/gu
	)) {
		// "the 14-member European Takuba force": the name is Takuba; nationalities describe it.
		const words = m[1].trim().split(' ');
		let skip = 0;
		while (skip < words.length && DESCRIPTIVE.test(words[skip])) skip++;
		let keep = words.length;
		while (keep > skip && DESCRIPTIVE.test(words[keep - 1])) keep--;
		if (keep <= skip) continue;
		const name = words.slice(skip, keep).join(' ');
		const start = sentence.start + m.index + words.slice(0, skip).join(' ').length + (skip ? 1 : 0);
		const isOperation = /operation|force/u.test(m[3]) && !/mercenary|group/u.test(m[0]);
		add({
			value: isOperation ? { kind: 'operation', name } : { kind: 'organisation', name },
			start,
			end: start + name.length,
			label: isOperation ? 'operation' : 'organisation'
		});
	}

	// Armed groups compromise reads as places or people.
	for (const m of sentence.text.matchAll(
		/\b(al[- ]Qaeda|Islamic State(?: in the Greater Sahara)?|Boko Haram)\b/gu
	)) {
		const start = sentence.start + m.index;
		add({
			value: { kind: 'organisation', name: m[0] },
			start,
			end: start + m[0].length,
			label: 'organisation'
		});
	}

	// Parts of compounds ("anti-Islamist", "EU-Africa"), adjectives of nationality ("the Malian capital") and
	// names in brackets or ISO dates (a dateline) are not values to ask about.
	// "the Malian capital Bamako", "the southwestern town of Pau": a city, whatever the lexicon says.
	for (let i = 0; i < found.length; i++) {
		const m = found[i];
		if (
			m.value.kind === 'place' &&
			/(capital|town|city)[\s,]*(of\s+)?$/iu.test(
				sentence.text.slice(Math.max(0, m.start - sentence.start - 30), m.start - sentence.start)
			)
		)
			found[i] = { ...m, label: 'city' };
	}
	// Country names compromise also knows as first names ("Chad"): a country unless a surname follows.
	for (let i = 0; i < found.length; i++) {
		const m = found[i];
		if (m.value.kind === 'person' && COUNTRY_FIRST_NAMES.has(m.value.name))
			found[i] = { ...m, value: { kind: 'place', name: m.value.name }, label: 'country' };
	}
	// "in Bamako", "from Kourou": a one-word name after a preposition of place is a place the tagger took for a person.
	for (let i = 0; i < found.length; i++) {
		const m = found[i];
		if (
			m.value.kind === 'person' &&
			!/\s/u.test(m.value.name) &&
			!m.known &&
			/\b(in|at|from|to|near|outside|into|across)\s+$/u.test(
				sentence.text.slice(Math.max(0, m.start - sentence.start - 12), m.start - sentence.start)
			)
		)
			found[i] = {
				...m,
				value: { kind: 'place', name: m.value.name },
				label: placeLabel(m.value.name) === 'place' ? 'city' : placeLabel(m.value.name)
			};
	}
	// "James Webb Space Telescope", "Lusail Stadium": a name that ends in a thing is not a person.
	for (let i = 0; i < found.length; i++) {
		const m = found[i];
		if (m.value.kind === 'person' && THING_ENDINGS.test(m.value.name)) found.splice(i--, 1);
	}
	bodyNames(sentence, found);
	wholeNames(sentence, found);
	const kept = resolveOverlaps(found).filter(
		(m) =>
			!insideBrackets(sentence.text, m.start - sentence.start, m.end - sentence.start) &&
			!(
				'name' in m.value &&
				(NOT_NAMES.has(m.value.name) ||
					DISEASE.test(m.value.name) ||
					m.value.name.length < 3 ||
					/\b(African|European|Asian|American|Arab|French)$/u.test(m.value.name) ||
					/-led\b/u.test(m.value.name) ||
					/[()[\]]/u.test(m.value.name) ||
					/^\p{Lu}\p{Ll}+(ian|ese|ish)$/u.test(m.value.name) ||
					NATIONALITY_NOUN.test(m.value.name) ||
					isDemonym(m.value.name))
			) &&
			!/\d{4}-\d{2}/u.test(
				sentence.text.slice(Math.max(0, m.start - sentence.start - 1), m.end - sentence.start + 6)
			) &&
			!/-$/u.test(sentence.text.slice(0, m.start - sentence.start)) &&
			// "the CFA franc": the name of a currency, not of an organisation.
			!(
				'name' in m.value &&
				/^\s+(francs?|dollars?|euros?|pounds?|rupees?|cedis?|nairas?|yuan|yen|shillings?)\b/iu.test(
					sentence.text.slice(m.end - sentence.start)
				)
			) &&
			!/^-\p{L}/u.test(sentence.text.slice(m.end - sentence.start)) &&
			// "RTS,S/AS01": a comma with no space after it joins the parts of one name.
			!/^,\S/u.test(sentence.text.slice(m.end - sentence.start)) &&
			!/\S,$/u.test(sentence.text.slice(0, m.start - sentence.start)) &&
			// "Planned Parenthood v. Casey", "Roe v. Wade": a party's name in a case is the case's, no person.
			!/\bv\.\s+$/u.test(sentence.text.slice(0, m.start - sentence.start)) &&
			!/^\s+v\.\s/u.test(sentence.text.slice(m.end - sentence.start))
	);
	// "Niger, Mali, Mauritania, Burkina Faso and Chad": a one-word "person" closing a list of places is a place.
	kept.forEach((m, i) => {
		const prev = kept[i - 1];
		if (
			m.value.kind !== 'person' ||
			!prev ||
			prev.value.kind !== 'place' ||
			/\s/u.test(at(m.start, m.end))
		)
			return;
		if (!/^(,\s*|\s+and\s+|,\s*and\s+)$/u.test(at(prev.end, m.start))) return;
		kept[i] = { ...m, value: { kind: 'place', name: at(m.start, m.end) }, label: prev.label };
	});
	return kept;
}

/** Heads of a body's name before "of": "Bank of Japan", "University of Ghana". */
const BODY_HEADS =
	/^(Bank|University|College|Institute|Museum|Court|Council|Church|Cathedral|School|Academy|Ministry|Department|Palace|Chamber|Assembly|Parliament|Commission|Committee|Federation|Association|Society|Embassy|Hospital|Club|Agency|Office|Board|Fund|League|Party|Army|Navy|Order)$/u;
/** Titles "of" a place that name a person, not the place: "Princess of Wales", "Duke of Edinburgh". */
const NOBLE_TITLES =
	/^(Prince|Princess|Duke|Duchess|Earl|Count|Countess|Archbishop|Bishop|Lord|Lady|Baron|Baroness|Emir|Sultan|Marquess|Viscount)$/u;
/** Heads of a place's name before "of": "Democratic Republic of Congo", "Gulf of Guinea". */
const PLACE_HEADS =
	/^(Republic|Kingdom|Gulf|Bay|Isle|Isles|Lake|Cape|Strait|Straits|Sea|Islands|Sultanate|Emirate|Principality)$/u;
/** Last words of a body's name after a place: "All England Club", "Japan Airlines". */
const BODY_ENDINGS =
	/^(Reserve|Administration|Agency|Department|Ministry|Service|Guard|Police|Army|Navy|Senate|Congress|Parliament|Office|Commission|Committee|Court|Forces|Club|Bank|Airlines?|Association|Federation|University|Hospital|Stadium|Council|Cup|Open|Party|Championships?|Institute|Museum|Group|Company|Corporation|Games|Times|Post|Survey|Bureau)\b/u;

/** Last words that make a capitalised run a body, never a place: "Coast Guard", "Secret Service". */
const BODY_WORDS =
	/(?:^|\s)(?:Guard|Service|Department|Agency|Ministry|Council|Court|Commission|Parliament|Senate|Congress|Police|Army|Navy)$/u;

/**
 * A run the tagger read as a place but that ends in a body's word is an organisation ("Coast Guard"), and so is
 * "House" as a chamber or an office ("White House", "House of Commons", "the House"): options of the key's own
 * kind must not put a body beside Maryland. Rewrites `found` in place.
 */
function bodyNames(sentence: Sentence, found: Mention[]): void {
	const text = sentence.text;
	found.forEach((m, i) => {
		if (m.value.kind !== 'place') return;
		const from = m.start - sentence.start;
		const to = m.end - sentence.start;
		let [start, end] = [m.start, m.end];
		if (/(?:^|\s)House$/u.test(m.value.name)) {
			const of = text.slice(to).match(/^\s+of\s+\p{Lu}[\p{L}'’-]*/u);
			const white = /\bWhite\s+$/u.test(text.slice(0, from)) && m.value.name === 'House';
			if (of) end += of[0].length;
			else if (white) start -= text.slice(0, from).match(/White\s+$/u)![0].length;
			else if (m.value.name !== 'White House' && !/\bthe\s+$/iu.test(text.slice(0, from))) return;
		} else if (!BODY_WORDS.test(m.value.name)) return;
		const name = text.slice(start - sentence.start, end - sentence.start);
		found[i] = { ...m, start, end, value: { kind: 'organisation', name }, label: 'organisation' };
	});
}

/**
 * A place (or a body the tagger found) inside a longer name is not asked as it stands: "Bank of Japan" is a body,
 * "Princess of Wales" a person's title, "Republic of Congo" the whole place's name, "Tower of London" a name of
 * no known kind, and "Japan Airlines" a body. Rewrites `found` in place.
 */
function wholeNames(sentence: Sentence, found: Mention[]): void {
	const text = sentence.text;
	const dropped: { start: number; end: number }[] = [];
	const added: Mention[] = [];
	for (const m of found) {
		if (m.value.kind !== 'place' && m.value.kind !== 'organisation') continue;
		const from = m.start - sentence.start;
		const to = m.end - sentence.start;
		const before = text
			.slice(0, from)
			.match(/((?:\p{Lu}[\p{L}'’-]*\s+)*?(\p{Lu}[\p{L}'’-]*))\s+of\s+(?:the\s+)?$/u);
		if (before && before.index !== undefined && !TITLE_WORDS.test(before[2])) {
			// "The Bank of Japan": the article opening the sentence is not part of the name.
			const lead = before[1].match(/^(?:The|A|An)\s+/u)?.[0].length ?? 0;
			const start = sentence.start + before.index + lead;
			const name = text.slice(start - sentence.start, to);
			const atOpening = before.index + lead === 0;
			// "Foreign Minister Wopke Hoekstra of the CDA", "Carola Schouten of the Christian Union": a person (with the
			// office before the name) and the body they belong to, not one body's name.
			const person = m.value.kind === 'organisation' && personOfBody(before[1], found, start);
			if (person) {
				added.push({ ...m, ...person, sentence: m.sentence });
				continue;
			}
			if (NOBLE_TITLES.test(before[2])) dropped.push(m);
			// "International Committee of the Red Cross": a body inside a longer name is the longer name's.
			else if (BODY_HEADS.test(before[2]) || m.value.kind === 'organisation')
				added.push({ ...m, value: { kind: 'organisation', name }, start, label: 'organisation' });
			else if (PLACE_HEADS.test(before[2]))
				added.push({ ...m, value: { kind: 'place', name }, start, label: 'place' });
			else if (!atOpening) dropped.push(m);
			continue;
		}
		// "Japan Airlines", "the U.S. Food and Drug Administration": a place or a short name opening a body's name.
		const after = text
			.slice(to)
			.match(/^(\s+\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:and|of|for|the)\s+)?\p{Lu}[\p{L}'’-]*)*)/u);
		if ((m.value.kind === 'place' || /^(?:\p{Lu}\.){2,}$/u.test(m.value.name)) && after) {
			const words = after[1].trim().split(/\s+/u);
			let last = -1;
			words.forEach((w, k) => {
				if (BODY_ENDINGS.test(w) && words.slice(0, k).every((x) => !BODY_ENDINGS.test(x))) last = k;
			});
			if (last < 0) continue;
			const lead = text.slice(0, from).match(/(?:^|\s)((?:\p{Lu}[\p{L}'’-]*\s+)+)$/u);
			const leadWords = (lead?.[1] ?? '').trim().split(/\s+/u).filter(Boolean);
			// "the All England Club": capitalised words before, unless the sentence opens on them.
			const leadText =
				lead &&
				lead.index !== undefined &&
				from - lead[1].length > 0 &&
				!/^(The|A|An)$/u.test(leadWords[0])
					? lead[1]
					: '';
			const start = m.start - leadText.length;
			const end = m.end + after[1].indexOf(words[last]) + words[last].length;
			const name = text.slice(start - sentence.start, end - sentence.start);
			added.push({
				...m,
				value: { kind: 'organisation', name },
				start,
				end,
				label: 'organisation'
			});
		}
	}
	for (const m of [...dropped, ...added]) {
		for (let i = found.length - 1; i >= 0; i--)
			if (found[i].start >= m.start && found[i].end <= m.end) found.splice(i, 1);
	}
	found.push(...added);
}

/**
 * The person of "Foreign Minister Wopke Hoekstra of the CDA": the capitalised words before "of" when the run holds an
 * office ("Minister") or the tagger found a person there, and the last word is no body's head ("Bank of Japan").
 */
function personOfBody(
	words: string,
	found: Mention[],
	start: number
): Pick<Mention, 'value' | 'start' | 'end' | 'label'> | null {
	const parts = words.trim().split(/\s+/u);
	if (BODY_HEADS.test(parts[parts.length - 1]) || INSTITUTION_HEADS.test(parts[parts.length - 1]))
		return null;
	// "Finance Minister Jan Ooms": the name follows the run's last office word.
	let t = 0;
	parts.forEach((w, k) => {
		if (k < parts.length - 1 && (TITLE_WORDS.test(w) || ROLE_BEFORE_NAME.test(w))) t = k + 1;
	});
	const name = parts.slice(t);
	const end = start + words.trim().length;
	const tagged = found.some((f) => f.value.kind === 'person' && f.start >= start && f.end <= end);
	// Two or three plain capitalised words no lexicon knows as a place or body read as a name ("Carola Schouten").
	const plain =
		name.length <= 3 &&
		name.every(
			(w) => /^\p{Lu}\p{Ll}+$/u.test(w) && !BODY_ENDINGS.test(w) && !PLACE_HEADS.test(w)
		) &&
		!found.some((f) => f.value.kind !== 'person' && f.start < end && start < f.end);
	if (name.length < 2 || name.length > 4 || (!t && !tagged && !plain)) return null;
	const nameStart = start + parts.slice(0, t).reduce((n, w) => n + w.length + 1, 0);
	const role = parts.slice(0, t).join(' ');
	return {
		value: { kind: 'person', name: name.join(' '), ...(role ? { role } : {}) },
		start: nameStart,
		end,
		label: 'person'
	};
}

const PRIORITY: Record<FactValue['kind'], number> = {
	date: 6,
	number: 5,
	operation: 4,
	organisation: 3,
	person: 3,
	place: 2,
	range: 1
};

/** Where two mentions overlap, the gazetteer's and the longer, more specific one stays. */
function resolveOverlaps(mentions: Mention[]): Mention[] {
	const sorted = [...mentions].sort(
		(a, b) =>
			b.end - b.start - (a.end - a.start) ||
			Number(b.known ?? false) - Number(a.known ?? false) ||
			PRIORITY[b.value.kind] - PRIORITY[a.value.kind]
	);
	const kept: Mention[] = [];
	for (const m of sorted) {
		if (m.end <= m.start) continue;
		if (kept.some((k) => k.start < m.end && m.start < k.end)) continue;
		kept.push(m);
	}
	return kept.sort((a, b) => a.start - b.start);
}
