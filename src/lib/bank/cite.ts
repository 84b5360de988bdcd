// Checking a passage a teacher pastes to cite for one of their own questions: the same rules as a fact of
// the file bank (questions/README.md): the article's own words, whitespace and quote style aside, and
// never page furniture. Pure, so the rules are tested without a database.
import { findQuote } from '../text/normalise.ts';
import { furnitureRanges } from './parse.ts';
import type { Article } from './types.ts';

/** A citation names what it rests on: a word or two says nothing about where the answer comes from. */
export const MIN_PASSAGE_WORDS = 3;

export type PassageCheck =
	{ ok: true; span: { start: number; end: number }; quote: string } | { ok: false; reason: string };

/**
 * Where `passage` stands in the article, and the article's own words for it (whitespace runs made one
 * space), or why it cannot be cited.
 */
export function checkPassage(
	article: Pick<Article, 'title' | 'text' | 'furniture'>,
	passage: string
): PassageCheck {
	const trimmed = passage.trim();
	if (trimmed === '')
		return { ok: false, reason: 'Paste the passage of the article the question rests on.' };
	if (trimmed.split(/\s+/u).length < MIN_PASSAGE_WORDS)
		return {
			ok: false,
			reason: `Cite at least ${MIN_PASSAGE_WORDS} words of the article, so the passage shows what the answer rests on.`
		};
	const span = findQuote(article.text, trimmed);
	if (!span)
		return {
			ok: false,
			reason: `This passage is not in “${article.title}” word for word. Copy it from the article: only spacing and the style of quotation marks may differ, not case, punctuation or a word.`
		};
	const furniture = furnitureRanges(article).find((r) => span.start < r.end && r.start < span.end);
	if (furniture)
		return {
			ok: false,
			reason: `This passage is page furniture (line ${furniture.line} of the article: a date line, an advert, a caption or a form), not reporting. Cite the article's own text.`
		};
	return { ok: true, span, quote: article.text.slice(span.start, span.end).replace(/\s+/gu, ' ') };
}
