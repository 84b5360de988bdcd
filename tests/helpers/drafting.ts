// Shared setup of the drafter's rule tests (src/lib/drafting/draft-*.spec.ts, one file an area of rules): the real
// bank, loaded once per file, made-up articles drafted against it, and the few ways those tests read a draft.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll } from 'vitest';
import type { Bank } from '../../src/lib/bank/types.ts';
import { chooseDrafts, draftCandidates } from '../../src/lib/drafting/draft.ts';
import { findMentions, gazetteerOf, splitSentences } from '../../src/lib/drafting/extract.ts';
import type { Draft, DraftArticle } from '../../src/lib/drafting/types.ts';
import { loadRealBank } from './bank.ts';

/**
 * Loads the bank before the file's tests; `bank()` returns it, `draftsOf(text)` drafts a made-up article of that
 * text (and title, if given) (its slug from `slug` and the text's length, so two texts of a file never share a slug),
 * `draftsAsking(text, words)` those of its drafts whose prompt matches `words`.
 */
export function draftingBank(slug: string, eventDate: string) {
	let bank: Bank | undefined;
	beforeAll(() => {
		bank = loadRealBank();
	}, 60_000);
	const loaded = (): Bank => {
		if (!bank) throw new Error('the bank is loaded in beforeAll');
		return bank;
	};
	const base: DraftArticle = {
		slug,
		title: 'A made-up report',
		publisher: null,
		eventDate,
		text: '',
		furniture: []
	};
	const draftsOf = (text: string, date = eventDate, title = base.title): Draft[] =>
		draftCandidates(
			{ ...base, slug: `${slug}-${text.length}`, eventDate: date, text, title },
			loaded()
		);
	const kept = new Map<string, Draft[]>();
	return {
		bank: loaded,
		draftsOf,
		/**
		 * What the drafter keeps (chooseDrafts) of a report of the evaluation set, `questions/eval/<file>`: the drafts
		 * a blind reading judged, for the tests of the faults it found. Drafted once per file.
		 */
		keptOf(file: string, date: string, title = base.title): Draft[] {
			if (!kept.has(file)) {
				const text = fs.readFileSync(
					path.resolve(import.meta.dirname, '../../questions/eval', file),
					'utf8'
				);
				const article = { ...base, slug: `${slug}-${text.length}`, eventDate: date, text, title };
				kept.set(file, chooseDrafts(article, loaded(), draftsOf(text, date, title)));
			}
			return kept.get(file)!;
		},
		/** The drafts of that made-up report whose prompt matches `words`: the shape most rule tests look for. */
		draftsAsking(text: string, words: RegExp, date = eventDate, title = base.title): Draft[] {
			return draftsOf(text, date, title).filter((d) => words.test(d.question.prompt));
		}
	};
}

// Made-up report lines that several spec files draft around their sentence (the drafts depend on every line).

/** Two lines of a harbour town's report, none of them a person. */
export const HARBOUR_FILLER = [
	'The harbour board of Lindvik met on Thursday to approve the plan for a new quay on the north shore.',
	'About 2,300 people live in the town, most of them from fishing, ferries and the summer trade.'
];

/** The harbour town's report with the head of its ferry company speaking. */
export const FERRY_FILLER = [
	'The harbour board of Lindvik met on Thursday to approve the plan for a new quay on the north shore.',
	'Olaf Lund, the head of the ferry company, said he expected no delays to the summer timetable.',
	'About 2,300 people live in the town, most of them from fishing, ferries and the summer trade.'
];

/** A presidential vote with women and men, shares given as ranges, and a mentor. */
export const VALMORA_ELECTION = [
	'Lena Brandt won the Valmora presidency on Sunday with 58.3% of the vote, the electoral council said.',
	'Brandt ran as the heir of President Omar Castell, her political mentor, who is barred from a second term.',
	'Sofia Marin, a senator and businesswoman, had between 26.6% and 28.6%. She conceded defeat on Monday night.',
	'Castell himself won the presidency in 2019 with 53% of the vote.',
	'Diego Ruiz of the Green Party had between 5.5% and 6.4%, and Pablo Ortega of the Farmers Party 4%.',
	'Ana Ferro of the Liberal Party, the only other woman in the race, had 2%.',
	'Brandt sought to reassure investors in her victory speech, after the peso fell 3.5% on Monday.'
].join('\n');

/** The options' texts of a choice question, none for other types. */
export function optionsOf(d: Draft): string[] {
	return d.question.type === 'single' || d.question.type === 'multiple'
		? d.question.options.map((o) => o.text)
		: [];
}

/** The wrong answers a reader is shown: a choice's other options, or the name or figure a false claim swaps in. */
export function wrongOf(d: Draft): string[] {
	const q = d.question;
	if (q.type === 'true_false')
		return [q.explanation.match(/, not (.+)\.$/u)?.[1] ?? ''].filter(Boolean);
	if (q.type === 'single') return q.options.filter((o) => !o.correct).map((o) => o.text);
	return [];
}

/** The prompt a reader is shown. */
export const promptOf = (d: Draft): string => d.question.prompt;

/** The words a prompt quotes from the report (after its lead-in, if any). */
export const quotedOf = (d: Draft): string =>
	promptOf(d)
		.split(/: (?=“|\p{Lu})/u)
		.slice(1)
		.join(': ');

/** The prompts among `drafts` that match `words`: the rule tests expect none, or some, of them. */
export const promptsMatching = (drafts: Draft[], words: RegExp): string[] =>
	drafts.map(promptOf).filter((p) => words.test(p));

/** The gap-fills among `drafts` whose prompt matches `words` ("coach _____"). */
export const gapsAfter = (drafts: Draft[], words: RegExp): Draft[] =>
	drafts.filter((d) => d.form === 'gap-fill' && words.test(promptOf(d)));

export { escapeRegExp } from '../../src/lib/text/regexp.ts';

/** The names of the given kinds ("person", "organisation", "place") the extractor finds in `text`. */
export function mentionedNames(bank: Bank, text: string, eventDate: string, ...kinds: string[]) {
	return splitSentences(text, [])
		.flatMap((s) => findMentions(s, eventDate, gazetteerOf(bank.facts)))
		.filter((m) => kinds.includes(m.value.kind))
		.map((m) => ('name' in m.value ? m.value.name : ''));
}

/** The values the extractor reads in each sentence of `text`, as "kind:name" or "kind:amount unit". */
export function valuesOf(text: string, eventDate = '2024-05-10'): string[] {
	return splitSentences(text, []).flatMap((s) =>
		findMentions(s, eventDate, []).map((m) =>
			m.value.kind === 'number'
				? `number:${m.value.amount} ${m.value.unit}`
				: m.value.kind === 'date'
					? `date:${m.value.date}`
					: 'name' in m.value
						? `${m.value.kind}:${m.value.name}`
						: m.value.kind
		)
	);
}
