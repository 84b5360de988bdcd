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
