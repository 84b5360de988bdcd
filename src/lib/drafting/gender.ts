/**
 * Which people a report ties to women or to men, and whether a sentence ties the person asked in it to one.
 * "In the women's race, _____" with three men as options, or a man swapped into a women's record, is struck
 * out at a glance: such a gap takes only people the report ties to the same gender. The report's own words
 * decide (pronouns of a person's own sentences, "women's"/"men's" around them, titles); a name alone never does,
 * so a person the report does not tie to either stays unknown and is not offered against a known one.
 */

export type Gender = 'f' | 'm';

/** A sentence, the paragraph (line) it stands in, and the people it names (by name as the report writes it). */
export type PeopleSentence = { text: string; line: number; people: string[] };

const WORDS: Record<Gender, RegExp> = {
	f: /\b(?:women['’]s|women|woman|female|girls['’]?|businesswoman|congresswoman|spokeswoman|sportswoman)\b/iu,
	m: /\b(?:men['’]s|men|man|male|boys['’]?|businessman|congressman|spokesman|sportsman)\b/iu
};

const TITLES: Record<Gender, RegExp> = {
	f: /\b(?:Ms|Mrs|Miss|Madam|Dame|Lady|Queen|Princess)\.?\s+$/u,
	m: /\b(?:Mr|Sir|Lord|King|Prince)\.?\s+$/u
};

/**
 * Pronouns that speak of the person named before them in the sentence: a possessive or a reflexive ("her victory
 * speech", "Lopez Obrador himself"). An object ("congratulated her") or a subject after "said" ("he said she
 * had won") speaks of someone else, so neither counts.
 */
const OWN_PRONOUN: Record<Gender, RegExp> = {
	f: /\b(?:herself|her(?=\s+(?!(?:in|on|to|at|for|with|by|from|and|or|as|that|the|a|an|after|before|into|over|when|while|since|because|of|out|up|down|back|again)\b)\p{Ll}))/u,
	m: /\b(?:himself|his)\b/u
};

/**
 * The words that name a division of a contest ("the women's race", "the men's final"): they hold for a whole
 * paragraph, and for the next one that goes on about its people. "The first woman to lead the country" holds
 * for its own sentence only.
 */
const DIVISIONS: Record<Gender, RegExp> = {
	f: /\b(?:women['’]s|girls['’])/iu,
	m: /\b(?:men['’]s|boys['’])/iu
};

/** Whether a report holds divisions of both genders ("the men's final", "the women's race"). */
export function bothDivisions(text: string): boolean {
	const bare = unquoted(text);
	return DIVISIONS.f.test(bare) && DIVISIONS.m.test(bare);
}

function divisionGender(text: string): Gender | null {
	const bare = unquoted(text);
	const f = DIVISIONS.f.test(bare);
	const m = DIVISIONS.m.test(bare);
	return f === m ? null : f ? 'f' : 'm';
}

const PRONOUNS: Record<Gender, RegExp> = {
	f: /\b(?:she|her|hers|herself)\b/iu,
	m: /\b(?:he|him|his|himself)\b/iu
};

/** A sentence opening on "He" or "She" speaks of the one person of the sentence before. */
const OPENING: Record<Gender, RegExp> = { f: /^["“]?She\b/u, m: /^["“]?He\b/u };

/** Words inside quotation marks are someone's speech: their pronouns and nouns may speak of anyone. */
function unquoted(text: string): string {
	return text.replace(/[“"][^”"]*(?:[”"]|$)/gu, ' ');
}

/** The gender the words of `text` (quotations aside) speak of, when they speak of one only. */
export function wordsGender(text: string): Gender | null {
	const bare = unquoted(text);
	const f = WORDS.f.test(bare);
	const m = WORDS.m.test(bare);
	return f === m ? null : f ? 'f' : 'm';
}

function lastWord(name: string): string {
	return (
		name
			.replace(/['’]s$/u, '')
			.toLowerCase()
			.split(/\s+/u)
			.pop() ?? ''
	);
}

/** Whether two names are one person: the same surname (of three letters or more). */
function samePerson(a: string, b: string): boolean {
	const [x, y] = [lastWord(a), lastWord(b)];
	return x.length >= 3 && x === y;
}

/**
 * The gender the report ties each person to, or null when it ties them to none (or to both alike). Evidence, by
 * weight: a title before the name (3); a possessive or reflexive pronoun after the one person a sentence names,
 * or "He"/"She" opening the sentence after one naming one person (2); "women's"/"men's" words in a sentence
 * naming them (1), and in their paragraph, or in the paragraph before when theirs has none and names a person of
 * it (the story goes on: "In the women's race, Hassan…", then "Hassan… pulled away from Chepngetich") (1).
 */
export function gendersOf(
	sentences: PeopleSentence[],
	titled: { name: string; before: string }[] = []
): { of: (name: string) => Gender | null; paragraph: Map<number, Gender | null> } {
	const score: { name: string; g: Gender; w: number }[] = [];
	const add = (name: string, g: Gender, w: number) => score.push({ name, g, w });
	for (const { name, before } of titled)
		for (const g of ['f', 'm'] as const) if (TITLES[g].test(before)) add(name, g, 3);
	let lastWithPeople: PeopleSentence | null = null;
	for (const s of sentences) {
		const bare = unquoted(s.text);
		for (const g of ['f', 'm'] as const) {
			const other: Gender = g === 'f' ? 'm' : 'f';
			if (OPENING[g].test(s.text)) {
				// Not after a sentence with a pronoun of the same gender ("her share… than Lopez Obrador himself"):
				// "She" is that pronoun's person, whom it may not name.
				if (lastWithPeople?.people.length === 1 && !PRONOUNS[g].test(unquoted(lastWithPeople.text)))
					add(lastWithPeople.people[0], g, 2);
				continue;
			}
			if (s.people.length === 1) {
				// Only the pronouns after the name speak of it ("her share… than Lopez Obrador himself").
				const at = bare.toLowerCase().indexOf(lastWord(s.people[0]));
				const after = at >= 0 ? bare.slice(at) : '';
				if (OWN_PRONOUN[g].test(after) && !OWN_PRONOUN[other].test(after)) add(s.people[0], g, 2);
			} else if (OWN_PRONOUN[other].test(bare) || !OWN_PRONOUN[g].test(bare)) continue;
			else if (s.people.length === 0 && lastWithPeople?.people.length === 1)
				add(lastWithPeople.people[0], g, 2);
		}
		const g = wordsGender(s.text);
		if (g) for (const p of s.people) add(p, g, 1);
		if (s.people.length) lastWithPeople = s;
	}
	// Paragraphs: their own words, or those of the paragraph before that they carry on.
	const lines = [...new Set(sentences.map((s) => s.line))].sort((a, b) => a - b);
	let before: { people: string[]; g: Gender | null } | null = null;
	const paragraph = new Map<number, Gender | null>();
	for (const line of lines) {
		const own = sentences.filter((s) => s.line === line);
		const people = own.flatMap((s) => s.people);
		if (!people.length) continue;
		let g = divisionGender(own.map((s) => s.text).join(' '));
		if (!g && before?.g && people.some((p) => before!.people.some((q) => samePerson(p, q))))
			g = before.g;
		if (g) for (const p of people) add(p, g, 1);
		paragraph.set(line, g);
		before = { people, g };
	}
	const of = (name: string): Gender | null => {
		let f = 0;
		let m = 0;
		for (const x of score)
			if (samePerson(x.name, name)) {
				if (x.g === 'f') f += x.w;
				else m += x.w;
			}
		return f === m ? null : f > m ? 'f' : 'm';
	};
	return { of, paragraph };
}

/**
 * The gender a sentence ties the person asked in it to (the key's name spans `at`..`end` of `text`), or null:
 * a title right before it ("Ms _____"); "women's"/"men's" words of one gender in the sentence; a possessive or
 * reflexive pronoun after it when every other person of the sentence is known of the other gender ("_____ ran
 * as the heir of Lopez Obrador, her political mentor"). Never against what the report says of the key itself.
 * `context` is the paragraph's gender (gendersOf's), which ties the key only when the report ties it so too.
 */
export function gapGender(
	text: string,
	at: number,
	end: number,
	others: string[],
	genderOf: (name: string) => Gender | null,
	keyName: string,
	context: Gender | null = null
): Gender | null {
	const known = genderOf(keyName);
	const agrees = (g: Gender | null) => (g && (!known || known === g) ? g : null);
	for (const g of ['f', 'm'] as const) if (TITLES[g].test(text.slice(0, at))) return agrees(g);
	const words = agrees(wordsGender(text));
	if (words) return words;
	const after = unquoted(text.slice(end));
	for (const g of ['f', 'm'] as const) {
		const other: Gender = g === 'f' ? 'm' : 'f';
		if (
			OWN_PRONOUN[g].test(after) &&
			!OWN_PRONOUN[other].test(after) &&
			others.every((p) => genderOf(p) === other)
		)
			return agrees(g);
	}
	return known && context === known ? known : null;
}
