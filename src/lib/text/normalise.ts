// Text comparisons used by the bank and by grading. Pure functions, no dependencies.

/**
 * How typed answers are compared: case, accents, punctuation and spacing do not count.
 * "Opération  Barkhane!" and "operation barkhane" are the same answer.
 */
export function normaliseAnswerText(s: string): string {
	return s
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[\p{P}\p{S}]/gu, ' ')
		.replace(/\s+/gu, ' ')
		.trim();
}

const DOUBLE_QUOTES = /[“”„‟«»″〝〞＂]/u;
const SINGLE_QUOTES = /[‘’‚‛′`´]/u;

/** One character of quote-matching form: typographic quotes become straight ones. */
function quoteChar(ch: string): string {
	if (DOUBLE_QUOTES.test(ch)) return '"';
	if (SINGLE_QUOTES.test(ch)) return "'";
	return ch;
}

/**
 * Text in the form quotes are matched in: every run of whitespace is one space and typographic quotes
 * are straight. `origin[i]` is the offset in the original text of character i of the result, so a match
 * can be mapped back to the words as they stand in the article.
 */
export function quoteMatchingForm(text: string): { text: string; origin: number[] } {
	let out = '';
	const origin: number[] = [];
	let inSpace = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (/\s/u.test(ch)) {
			if (!inSpace) {
				out += ' ';
				origin.push(i);
			}
			inSpace = true;
			continue;
		}
		inSpace = false;
		out += quoteChar(ch);
		origin.push(i);
	}
	return { text: out, origin };
}

/**
 * Where a cited quote stands in an article: [start, end) offsets in the original text, or null.
 * Tolerates differences of whitespace and quote style, nothing else (not case, not punctuation).
 */
export function findQuote(article: string, quote: string): { start: number; end: number } | null {
	const needle = quoteMatchingForm(quote.trim()).text;
	if (needle === '') return null;
	const haystack = quoteMatchingForm(article);
	const at = haystack.text.indexOf(needle);
	if (at < 0) return null;
	return { start: haystack.origin[at], end: haystack.origin[at + needle.length - 1] + 1 };
}
