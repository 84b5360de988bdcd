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
	/(?:\b(?:REUTERS|AFP|AP|EPA|ANP|Getty Images|Reuters|AP Photo)(?:\s*[-/|–]\s*[\p{Lu}][\p{L}\p{M} .'’-]+)?\s*\)?\s*$)|(?:^\s*(?:\(?\s*(?:Photo|Picture|Image|FILE PHOTO|File photo|Credit)\s*:))/u;

const MONTH_WORDS =
	'(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';

/**
 * A photo caption of any agency: a line that closes on the day the picture was taken and a credit in capitals
 * ("… in Gao, Mali, June 9, 2021. REUTERS/Name/File Photo", "… 23 March 2022. AFP PHOTO / NAME"), or ends on a
 * credit after "Photo:" ("… December 23, 2021. Photo: Staff").
 */
const DATED_CAPTION = new RegExp(
	`(?:${MONTH_WORDS}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH_WORDS}\\s+\\d{4})\\.\\s+(?:\\p{Lu}[\\p{Lu}\\d .&'’-]{1,40}(?:\\s*/\\s*[\\p{L} .'’-]{1,40})+|(?:Photo|Picture|Credit)\\s*:.{1,60})\\s*$`,
	'u'
);

/**
 * A photo credit standing on a line of its own, under its caption: "Massachusetts General Hospital/Handout via
 * SQ WIRE", "(AP Photo/Evan Vucci)", "Getty Images", "REUTERS/Name". Short, no full stop, an agency's word.
 */
const CREDIT_WORDS =
	/(?:\b(?:REUTERS|Reuters|AFP|EPA|ANP|Getty Images|AP Photo|Handout|WIRE|Pool|Shutterstock|Courtesy of|File Photo|PHOTO)\b|^\(?AP\b)/u;

export function isCreditLine(line: string): boolean {
	const text = line.trim();
	return (
		!!text &&
		!SENTENCE_END.test(text.replace(/\)$/u, '')) &&
		text.split(/\s+/u).length <= 12 &&
		CREDIT_WORDS.test(text)
	);
}

/** A line that closes on a day ("… in Boston, March 16, 2024."): a caption when a credit line follows it. */
const ENDS_ON_DAY = new RegExp(
	`(?:${MONTH_WORDS}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH_WORDS}\\s+\\d{4})\\.?\\s*$`,
	'u'
);

/** Whether `line` is the caption of a photo whose credit is `next` (the next non-empty line). */
export function captionAbove(line: string, next: string | undefined): boolean {
	return next !== undefined && isCreditLine(next) && ENDS_ON_DAY.test(line.trim());
}

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
	if (PHOTO_CREDIT.test(text) || DATED_CAPTION.test(text) || isCreditLine(text)) return 'caption';
	if (!SENTENCE_END.test(text) && (first || capitalisedShare(text) >= 0.75)) return 'headline';
	return null;
}

/**
 * The dateline that opens a paragraph, if any: "BAMAKO, Feb 17 (Reuters) - ", "PARIS (AFP) — ",
 * "KOUROU, French Guiana, Dec 25 (Reuters) - " (a city and its country or state), "SAN FRANCISCO/LONDON, July 20
 * (SQ Wire) - " (two cities: "SAN" is no body),
 * "Belgium (Brussels Morning Newspaper) ", "date 2022-02-18 ". Its length is cut off the sentence.
 */
export function datelineAt(line: string): string | null {
	const m = line.match(
		/^\s*(?:\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:\/\p{Lu}[\p{Lu}\p{M} .'’-]{1,40})*(?:,\s*\p{Lu}[\p{L}\p{M} .'’-]{1,30}?)?(?:,\s*[\p{L}.]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)]{1,60}\))?\s*[-–—]{1,2}\s+|(?!(?:The|A|An)\s)\p{Lu}[\p{L} ]*\([^)]{1,60}\)\s+|date \d{4}-\d{2}-\d{2}\s+)/u
	);
	return m ? m[0] : null;
}

/** How many of a report's first paragraphs may open on its dateline (a headline and a byline come before it). */
export const DATELINE_LINES = 4;

/** The report's dateline, from the first of its opening paragraphs that has one; null when none does. */
export function datelineOf(text: string): string | null {
	for (const line of text.split('\n', DATELINE_LINES)) {
		const dateline = datelineAt(line);
		if (dateline) return dateline;
	}
	return null;
}
