// What a teacher (or the CLI) gives for a new article, checked with zod; each problem names its field.
import { z } from 'zod';

/**
 * The largest article text taken. A long news report is 10–15,000 characters; drafting reads every sentence
 * with an NLP tagger in the request (about a second per 500 words), so a book-length text is refused.
 */
export const MAX_ARTICLE_CHARS = 40_000;
const MIN_ARTICLE_WORDS = 50;

const realDay = (s: string) => {
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export const articleInputSchema = z.object({
	title: z
		.string()
		.trim()
		.min(3, 'Give the article a title of at least 3 characters.')
		.max(200, 'Keep the title under 200 characters.'),
	publisher: z
		.string()
		.trim()
		.max(120, 'Keep the publisher under 120 characters.')
		.transform((s) => (s === '' ? null : s)),
	eventDate: z
		.string()
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/u, 'Give the date of the reported events as YYYY-MM-DD.')
		.refine(realDay, 'This date does not exist.'),
	text: z
		.string()
		.max(
			MAX_ARTICLE_CHARS,
			`The article is longer than ${MAX_ARTICLE_CHARS.toLocaleString('en-GB')} characters.`
		)
		.transform((s) =>
			s
				.replace(/\r\n?/gu, '\n')
				.replace(/^\uFEFF/u, '')
				.trim()
		)
		.refine(
			(s) => s.split(/\s+/u).filter(Boolean).length >= MIN_ARTICLE_WORDS,
			`Paste the whole article: at least ${MIN_ARTICLE_WORDS} words.`
		)
});

export type ArticleInput = z.infer<typeof articleInputSchema>;

/** Problems per field, the way forms show them. */
export function articleInputErrors(error: z.ZodError): Partial<Record<keyof ArticleInput, string>> {
	const out: Partial<Record<keyof ArticleInput, string>> = {};
	for (const issue of error.issues) {
		const field = issue.path[0] as keyof ArticleInput;
		if (field && !out[field]) out[field] = issue.message;
	}
	return out;
}

/** A URL-safe slug for a new article: its title's words and a suffix that keeps it unique. */
export function articleSlug(title: string, suffix: string): string {
	const words = title
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/gu, '-')
		.replace(/^-+|-+$/gu, '')
		.split('-')
		.slice(0, 6)
		.join('-');
	return `${words || 'article'}-${suffix}`;
}
