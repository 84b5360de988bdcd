// The noun a sentence writes right before a gap says what sort of body or person fills it: "the Dutch airline
// _____", "the broadcaster _____", "the town's mayor, _____". A wrong option must be one the report writes with
// the same noun (and the same nationality, where one is written), or a reader strikes it out at a glance (issue
// 16, the tenth reading: the FAA and NHS England as a Dutch airline, a president as a town's mayor). Pure.
import { escapeRegExp as escape } from '../text/regexp.ts';

/** Nouns that sort bodies: "the airline KLM", "the carmaker Stellantis". */
const BODY_NOUNS =
	/^(?:airline|carrier|broadcaster|newspaper|paper|carmaker|automaker|chipmaker|drugmaker|insurer|retailer|lender|regulator|bank|channel|network|magazine|website|operator|manufacturer|supplier|startup)$/u;

/** Nouns of a role written before a person's name and a comma: "the town's mayor, _____". */
const ROLE_NOUNS =
	/^(?:mayor|coordinator|minister|president|chief|director|spokesman|spokeswoman|spokesperson|secretary|governor|leader|coach|manager|chairman|chairwoman|chair|commissioner|ambassador|prosecutor|judge|captain|founder|executive|officer|adviser|advisor|editor|head|premier|chancellor|volcanologist|scientist|economist|analyst)$/u;

const FUNCTION_WORDS =
	/^(?:a|an|and|or|of|to|in|on|at|by|for|with|from|as|that|which|who|said|says|told|after|before|but|is|was|were|are|has|had|have)$/iu;

/** A nationality adjective: "Dutch", "British", "American", "Japanese", "Swiss", "Iraqi". */
const NATIONALITY =
	/^(?:Dutch|French|Swiss|Thai|Greek|Czech|\p{Lu}\p{Ll}+(?:ian|ean|ese|ish|an|i))$/u;

export type SortNoun = { noun: string; nationality: string | null };

/**
 * The sort noun written right before a gap (`before`: the sentence up to it), after "the" or an owner ("the Dutch
 * airline ", "Australia's National Cyber Security Coordinator, "). For a person only with a comma before the gap
 * (the office rule of roles.ts reads "Prime Minister _____"). Null when there is none.
 */
export function sortNounBefore(before: string, kind: 'organisation' | 'person'): SortNoun | null {
	const words = before.trimEnd().split(/\s+/u);
	const last = words.at(-1) ?? '';
	const comma = last.endsWith(',');
	if (kind === 'person' && !comma) return null;
	const written = comma ? last.slice(0, -1) : last;
	if (!/^[\p{L}-]+$/u.test(written)) return null;
	const noun = written.toLowerCase();
	if (!(kind === 'person' ? ROLE_NOUNS : BODY_NOUNS).test(noun)) return null;
	const between: string[] = [];
	for (let i = words.length - 2; i >= 0 && i >= words.length - 7; i--) {
		const w = words[i];
		// "the" or an owner ("Australia's", "the town's") opens the phrase.
		if (/^(?:the|The)$/u.test(w) || /^[\p{L}.-]+['’]s$/u.test(w)) {
			const nationality = between.find((x) => NATIONALITY.test(x)) ?? null;
			return { noun, nationality };
		}
		if (!/^[\p{L}-]+$/u.test(w) || FUNCTION_WORDS.test(w)) return null;
		between.unshift(w);
	}
	return null;
}

/**
 * Whether the report writes `name` with the sort noun: "the airline X", "X, the Dutch airline", "mayor, X", "X, the
 * town's mayor"; a body whose own name holds the noun ("American Airlines") too, unless a nationality is asked. A
 * person's role as the drafter read it counts too.
 */
export function writtenWithNoun(text: string, name: string, sort: SortNoun, role = ''): boolean {
	const n = escape(name);
	const noun = `${escape(sort.noun)}s?`;
	const nationality = sort.nationality
		? `${escape(sort.nationality)}\\s+(?:[\\p{L}-]+\\s+){0,2}`
		: '';
	const before = new RegExp(
		`(?<![\\p{L}])${nationality}${noun},?\\s+(?:the\\s+)?(?:[\\p{L}.'’-]+\\s+){0,1}?${n}(?![\\p{L}])`,
		sort.nationality ? 'u' : 'iu'
	);
	const after = new RegExp(
		`(?<![\\p{L}])${n},\\s+(?:the|a|an|[\\p{L}.-]+['’]s)\\s+(?:[\\p{L}'’-]+\\s+){0,4}?${noun}(?![\\p{L}])`,
		'iu'
	);
	if (before.test(text)) return true;
	if (after.test(text)) {
		if (!sort.nationality) return true;
		const phrase = after.exec(text)?.[0] ?? '';
		return new RegExp(`(?<![\\p{L}])${escape(sort.nationality)}(?![\\p{L}])`, 'u').test(phrase);
	}
	if (sort.nationality) return false;
	const own = new RegExp(`(?<![\\p{L}])${noun}(?![\\p{L}])`, 'iu');
	return own.test(name) || own.test(role);
}

/** The continents and parts of the world a gap for a city, a town or an airport never takes. */
const CONTINENTS =
	/^(?:Europe|Asia|Africa|North America|South America|Latin America|Central America|Oceania|Antarctica|the Americas|the Middle East|the Arctic)$/u;

/** Whether a place's name is a continent or a like part of the world ("Europe", "Asia"). */
export function isContinent(name: string): boolean {
	return CONTINENTS.test(name.trim());
}
