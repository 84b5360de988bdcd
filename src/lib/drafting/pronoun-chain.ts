// Whom a "she" or "he" stands for, read back along the sentences before it: a pronoun that opens no name of its own
// carries on the person the last sentences spoke of ("Raducanu was born in Toronto… She took A-levels… In New York
// she showed no such nerves. In the quarter-finals on Wednesday she beat…"). The reading is the centering one, kept
// strict: the chain breaks, and no one is named, wherever it could stand for two people.

import type { Gender } from './gender.ts';

/** How many sentences back a pronoun's chain is read. */
export const CHAIN_REACH = 10;

/** A sentence, or the part of one before the pronoun, with the people it names and where. */
export type ChainSentence = { text: string; people: { name: string; at: number }[] };

const PRONOUNS: Record<Gender, RegExp> = {
	f: /\b(?:she|her|hers|herself)\b/giu,
	m: /\b(?:he|him|his|himself)\b/giu
};

/** Quoted words masked, lengths kept: a pronoun in someone's speech may speak of anyone. */
export function maskQuotes(text: string): string {
	return text.replace(/[“"][^”"]*(?:[”"]|$)/gu, (q) => ' '.repeat(q.length));
}

/** Where the first pronoun of gender `g` outside quotation marks stands in `text`, or -1. */
export function firstPronoun(text: string, g: Gender): number {
	const re = new RegExp(PRONOUNS[g].source, 'iu');
	return maskQuotes(text).search(re);
}

/**
 * The one person of gender `g` that a pronoun stands for, read from `opening` (its own sentence up to it) and then
 * from `before` (the nearest last). Going back, a sentence passes the chain on when a pronoun of that gender comes
 * before anyone it names who could be of that gender ("she was handed a wildcard… against Ajla Tomljanovic"). The
 * first sentence that names such a person first gives the answer when it names exactly one, of that gender. A
 * sentence with no such pronoun and no such name, or one that opens on a description ("The Canadian, ranked 73rd,
 * …"), may bring in someone else: the chain stops there and names nobody. At most `reach` sentences are read.
 */
export function chainAntecedent(
	opening: ChainSentence,
	before: ChainSentence[],
	g: Gender,
	genderOf: (name: string) => Gender | null,
	describesSomeone: (text: string) => boolean,
	reach = CHAIN_REACH
): string | null {
	const other: Gender = g === 'f' ? 'm' : 'f';
	const namedFirst = ({ people }: ChainSentence, pronoun: number) =>
		new Set(
			people
				.filter((p) => genderOf(p.name) !== other && (pronoun < 0 || p.at < pronoun))
				.map((p) => p.name)
		);
	const answer = (names: Set<string>) => {
		const [name] = names;
		return names.size === 1 && genderOf(name) === g ? name : null;
	};
	// "…Bencic 6-3 6-4, and a day later she": her own sentence's names after an earlier "she" are no answer either.
	const own = namedFirst(opening, firstPronoun(opening.text, g));
	if (own.size > 0) return answer(own);
	if (describesSomeone(opening.text)) return null;
	for (let i = before.length - 1; i >= 0 && before.length - i <= reach; i--) {
		const pronoun = firstPronoun(before[i].text, g);
		const names = namedFirst(before[i], pronoun);
		if (names.size > 0) return answer(names);
		if (pronoun < 0 || describesSomeone(before[i].text)) return null;
	}
	return null;
}
