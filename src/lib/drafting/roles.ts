// The title or office a sentence writes right before a person's name ("English referee", "South Africa's head
// coach", "Former Prime Minister"): a person gap after one takes wrong options only among people of the same office
// and side, or it is not drafted. Pure text work, no compromise.

/** An office before a name: its sort ("coach", "minister"…) and the side words that qualify it ("south africa"). */
export type RoleBefore = { office: string; side: string };

// Offices grouped as a reader groups them: ministers and secretaries of a cabinet, coaches and managers.
const OFFICES: Record<string, string> = {
	coach: 'coach',
	manager: 'coach',
	referee: 'referee',
	umpire: 'referee',
	minister: 'minister',
	secretary: 'minister',
	chancellor: 'minister',
	premier: 'prime minister',
	president: 'president',
	governor: 'governor',
	mayor: 'mayor',
	senator: 'senator',
	superintendent: 'police',
	commissioner: 'commissioner',
	ambassador: 'ambassador',
	envoy: 'ambassador',
	chair: 'chair',
	chairman: 'chair',
	chairwoman: 'chair',
	director: 'director',
	judge: 'judge',
	prosecutor: 'prosecutor',
	spokesman: 'spokesperson',
	spokeswoman: 'spokesperson',
	spokesperson: 'spokesperson',
	king: 'monarch',
	queen: 'monarch',
	leader: 'leader',
	'co-leader': 'leader'
};
// Ranks and titles written before a name: "General _____" takes only generals, "Dr _____" only doctors. Only
// before a name (never read as an office after a gap: "_____ General Assembly" is no office).
const TITLES: Record<string, string> = {
	general: 'general',
	colonel: 'colonel',
	admiral: 'admiral',
	sergeant: 'sergeant',
	lieutenant: 'lieutenant',
	dr: 'doctor',
	doctor: 'doctor',
	professor: 'professor',
	prof: 'professor',
	gen: 'general',
	col: 'colonel',
	sen: 'senator'
};
// Titles abbreviated with a full stop: "Dr. Smith", "Gen. Prats".
const ABBREVIATED = /^(?:Dr|Gen|Col|Sen|Prof)\.$/u;
// A player's position is no office: the players of a match are all fair options for one another.
const POSITIONS =
	/^(?:flanker|centre|center|hooker|fly-half|scrum-half|wing|winger|prop|lock|fullback|full-back|forward|midfielder|defender|striker|goalkeeper|captain|player|batsman|bowler|pitcher|quarterback)$/iu;
// Words of an office's name that say neither the office nor the side ("head coach", "outgoing Prime Minister").
const MODIFIERS =
	/^(?:head|former|outgoing|incoming|new|deputy|assistant|interim|acting|senior|vice|chief|prime|state|police|general|national|then)$/iu;
// Words that end the phrase going back: the sentence's own words, not the office's.
const FUNCTION_WORDS =
	/^(?:for|in|of|the|a|an|and|or|by|with|after|before|to|as|at|on|from|said|says|told|when|while|but|that|which|who|whom|also|its|his|her|their)$/iu;

/**
 * The office written right before `at` in `before` (the sentence up to a name), or null when the word before the
 * name is no office (or a player's position).
 */
export function roleBefore(before: string): RoleBefore | null {
	const words = before.trimEnd().split(/\s+/u);
	const written = words.at(-1) ?? '';
	const last = ABBREVIATED.test(written) ? written.slice(0, -1) : written;
	if (/[^\p{L}-]$/u.test(last)) return null;
	const office =
		OFFICES[last.toLowerCase()] ?? (/^\p{Lu}/u.test(last) ? TITLES[last.toLowerCase()] : undefined);
	if (!office || POSITIONS.test(last)) return null;
	const side: string[] = [];
	let prime = false;
	for (let i = words.length - 2; i >= 0; i--) {
		const w = words[i];
		if (/[^\p{L}'’-]/u.test(w) || FUNCTION_WORDS.test(w)) break;
		if (/^prime$/iu.test(w)) prime = true;
		if (MODIFIERS.test(w) || OFFICES[w.toLowerCase()]) continue;
		if (!/^\p{Lu}/u.test(w)) break;
		side.unshift(w.replace(/['’]s$/u, '').toLowerCase());
	}
	return {
		office: prime && office === 'minister' ? 'prime minister' : office,
		side: side.join(' ')
	};
}

/** Whether a person the report gives `other` may stand in a gap after `wanted`: the same office and side. */
export function sameRole(wanted: RoleBefore, other: RoleBefore): boolean {
	return wanted.office === other.office && wanted.side === other.side;
}

/** Whether `after` (the words after a gap) opens with an office: "_____ Governor Wes Moore", "_____ President X". */
export function officeFollows(after: string): boolean {
	const word = /^\s+([\p{L}-]+)/u.exec(after)?.[1] ?? '';
	return /^\p{Lu}/u.test(word) && !!OFFICES[word.toLowerCase()];
}

/** The office a phrase names ("a spokesman for the ministry" → spokesperson), or null when it names none. */
export function officeIn(phrase: string): string | null {
	for (const w of phrase.split(/[^\p{L}-]+/u)) {
		const office = OFFICES[w.toLowerCase()];
		if (office && !POSITIONS.test(w)) return office;
	}
	return null;
}

// The parts people play in a report beyond an office: a reader who knows the report strikes out the judge offered
// as the prosecutor, or the defendant's parents as his lawyer (issue 16, the eleventh reading). Each word gives a
// part; words of one part are alike ("lawyer", "counsel").
const PARTS: Record<string, string> = {
	...OFFICES,
	...TITLES,
	justice: 'judge',
	magistrate: 'judge',
	attorney: 'attorney',
	prosecutors: 'prosecutor',
	lawyer: 'lawyer',
	counsel: 'lawyer',
	barrister: 'lawyer',
	solicitor: 'lawyer',
	professor: 'academic',
	professors: 'academic',
	scientist: 'academic',
	researcher: 'academic',
	mother: 'parent',
	father: 'parent',
	parent: 'parent',
	parents: 'parent',
	son: 'child',
	daughter: 'child',
	wife: 'spouse',
	husband: 'spouse',
	widow: 'spouse',
	girlfriend: 'partner',
	boyfriend: 'partner',
	brother: 'sibling',
	sister: 'sibling',
	executive: 'executive',
	ceo: 'executive',
	founder: 'founder',
	'co-founder': 'founder',
	founded: 'founder',
	'co-founded': 'founder',
	head: 'executive',
	officer: 'executive',
	servant: 'official',
	official: 'official',
	diplomat: 'ambassador',
	journalist: 'journalist',
	reporter: 'journalist',
	singer: 'artist',
	actor: 'artist',
	actress: 'artist',
	writer: 'artist',
	footballer: 'athlete',
	player: 'athlete',
	runner: 'athlete'
};

/** The parts that `words` give, by PARTS. */
function partsIn(words: string): string[] {
	return words
		.split(/[^\p{L}-]+/u)
		.map((w) => PARTS[w.toLowerCase()])
		.filter((p): p is string => !!p);
}

/**
 * The parts a sentence gives the person named between `before` and `after` (the sentence's words on either side of
 * the name): the word right before it ("U.S. District Judge Lewis Kaplan", "his lead lawyer, Mark Cohen", "the law
 * professors Joseph Bankman and Barbara Fried") and its apposition ("Caroline Ellison, Alameda's former chief
 * executive and his former girlfriend", "Gary Wang, who co-founded FTX").
 */
export function partsAround(before: string, after: string): string[] {
	// A list of names before this one shares the words before the list.
	const trimmed = before.replace(
		/(?:(?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}[\p{L}.'’-]*(?:,\s+|\s+and\s+|\s+or\s+))+$/u,
		''
	);
	// Only the word right before the name (or its comma): "the judge told Bankman-Fried" gives him no part; "chaired
	// by" makes the person the chair.
	const lead = /\bchaired\s+by\s*$/iu.test(trimmed)
		? 'chair'
		: (/([\p{L}-]+),?\s*$/u.exec(trimmed)?.[1] ?? '');
	const apposition =
		/^,\s+((?:(?:formerly|former|once|now|then|also|until recently)\s+)?(?:the|a|an|his|her|their|its|\p{Lu}[\p{L}.-]*['’]s)\s+(?:[^,.;:()"“”]|(?<=\b\p{Lu})\.|\.(?=\S)){2,80}|who\s+[^.;:()"“”]{2,80})/u.exec(
			after
		)?.[1] ?? '';
	return [...new Set([...partsIn(lead), ...partsIn(apposition)])];
}
