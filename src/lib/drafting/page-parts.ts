// The parts of a pasted news page that are not reporting: the headline, the byline, photo captions and
// credits, and the dateline that opens the first paragraph ("BAMAKO, Feb 17 (Reuters) - "). A teacher pastes
// whole pages; a question drafted from a headline or a caption quotes what the report never said in a
// sentence. Pure: one line (and where it stands) in, a verdict out.

export type PagePart = 'headline' | 'byline' | 'caption';

/** Ends like a sentence: a full stop, "!" or "?", perhaps inside a closing quote or bracket. */
const SENTENCE_END = /[.!?…]["”’)\]]?\s*$/u;

/** "By Jane Doe", "By Jane Doe and John Roe", "Reporting by …; Editing by …" (the Reuters footer). */
const BYLINE =
	/^\s*(?:(?:By|Par|Von)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:and\s+|&\s+|,\s*)?\p{Lu}[\p{L}.'’-]*){0,7}(?:\s*[,|]\s*[\p{L} ]{2,40})?|(?:Reporting|Writing|Editing|Additional reporting|Compiled)\s+by\b.*)\s*$/u;

/** A photo credit at the end of a line ("… leave. REUTERS - ANNE MIMAULT", "… (AFP)", "Photo: AP"). */
const PHOTO_CREDIT =
	/(?:\b(?:REUTERS|AFP|AP|EPA|ANP|Getty Images|Reuters|AP Photo)(?:\s*[-/|–]\s*[\p{Lu}][\p{Lu}\p{M} .'’-]+)?\s*\)?\s*$)|(?:^\s*(?:\(?\s*(?:Photo|Picture|Image|FILE PHOTO|File photo|Credit)\s*:))/u;

/** The share of a line's longer words that start with a capital: "Mali Junta Expels French Envoy" → 1. */
function capitalisedShare(line: string): number {
	const words = line.split(/\s+/u).filter((w) => /^\p{L}{4,}/u.test(w));
	if (!words.length) return 0;
	return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
}

/**
 * What part of the page a line is, or null when it is reporting. `first` says whether it is the first
 * non-empty line of the text (where a headline stands).
 */
export function pagePartOf(line: string, { first }: { first: boolean }): PagePart | null {
	const text = line.trim();
	if (!text) return null;
	if (BYLINE.test(text)) return 'byline';
	if (PHOTO_CREDIT.test(text)) return 'caption';
	if (!SENTENCE_END.test(text) && (first || capitalisedShare(text) >= 0.75)) return 'headline';
	return null;
}

/**
 * The dateline that opens a paragraph, if any: "BAMAKO, Feb 17 (Reuters) - ", "PARIS (AFP) — ",
 * "Belgium (Brussels Morning Newspaper) ", "date 2022-02-18 ". Its length is cut off the sentence.
 */
export function datelineAt(line: string): string | null {
	const m = line.match(
		/^\s*(?:\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:,\s*[\p{L}.]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)]{1,60}\))?\s*[-–—]{1,2}\s+|\p{Lu}[\p{L} ]*\([^)]{1,60}\)\s+|date \d{4}-\d{2}-\d{2}\s+)/u
	);
	return m ? m[0] : null;
}
