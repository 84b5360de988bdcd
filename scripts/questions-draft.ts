// npm run questions:draft -- ARTICLE.txt [--title T] [--publisher P] [--date YYYY-MM-DD] [--slug S] [--out FILE] [--keep-duplicates]
//
// Drafts cited questions from a new article against the bank in questions/ (its typed facts give the wrong
// options and the other articles' dated events), and prints them as YAML in the bank's format (or writes
// them to --out). Every question is marked `review: pending`: questions:check refuses the file until an
// author has read each draft and deleted that line. An article already in questions/articles.yaml is
// drafted with its own metadata and furniture; drafts the bank already asks about that article are left out
// (their count is reported) unless --keep-duplicates. Exit status 0, or 2 on bad usage or input.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadBankFromDir } from '../src/lib/bank/load-from-disk.ts';
import {
	articleInputErrors,
	articleInputSchema,
	articleSlug
} from '../src/lib/drafting/article-input.ts';
import { draftQuestions } from '../src/lib/drafting/draft.ts';
import { draftsYaml } from '../src/lib/drafting/draft-yaml.ts';
import type { DraftArticle } from '../src/lib/drafting/types.ts';

const USAGE =
	'usage: npm run questions:draft -- ARTICLE.txt [--title T] [--publisher P] [--date YYYY-MM-DD] [--slug S] [--out FILE] [--keep-duplicates]';

function fail(message: string): never {
	console.error(`questions:draft: ${message}\n${USAGE}`);
	process.exit(2);
}

const options = {
	title: { type: 'string' },
	publisher: { type: 'string' },
	date: { type: 'string' },
	slug: { type: 'string' },
	out: { type: 'string' },
	'keep-duplicates': { type: 'boolean' },
	help: { type: 'boolean', short: 'h' }
} as const;
let args: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
try {
	args = parseArgs({ options, allowPositionals: true });
} catch (e) {
	fail((e as Error).message);
}
if (args.values.help) {
	console.log(USAGE);
	process.exit(0);
}
if (args.positionals.length !== 1) fail('give exactly one article text file');
const file = args.positionals[0];
let text: string;
try {
	text = fs.readFileSync(file, 'utf8');
} catch (e) {
	fail(`cannot read ${file}: ${(e as Error).message}`);
}

const { bank, errors } = loadBankFromDir(path.resolve(process.env.QUESTIONS_DIR ?? 'questions'));
if (!bank)
	fail(
		`the bank in questions/ does not pass questions:check (${errors.length} errors): fix it first`
	);

// An article of the bank is drafted with its own metadata (and its furniture left out).
const known = bank.articles.find((a) => a.file === path.basename(file) && a.text === text);
let article: DraftArticle;
if (known && !args.values.title) {
	article = {
		slug: args.values.slug ?? known.slug,
		title: known.title,
		publisher: known.publisher,
		eventDate: known.eventDate,
		text: known.text,
		furniture: known.furniture,
		...(known.citedAs ? { citedAs: known.citedAs } : {})
	};
} else {
	const parsed = articleInputSchema.safeParse({
		title: args.values.title ?? '',
		publisher: args.values.publisher ?? '',
		eventDate: args.values.date ?? '',
		text
	});
	if (!parsed.success) {
		const flags: Record<string, string> = {
			title: '--title',
			publisher: '--publisher',
			eventDate: '--date',
			text: file
		};
		fail(
			Object.entries(articleInputErrors(parsed.error))
				.map(([k, m]) => `${flags[k]}: ${m}`)
				.join('\n')
		);
	}
	const slug =
		args.values.slug ?? articleSlug(parsed.data.title, parsed.data.eventDate.slice(0, 4));
	if (!/^[a-z0-9]+(-[a-z0-9]+)*$/u.test(slug))
		fail(`--slug: use lowercase letters, digits and single hyphens, not "${slug}"`);
	article = {
		slug,
		title: parsed.data.title,
		publisher: parsed.data.publisher,
		eventDate: parsed.data.eventDate,
		text: parsed.data.text,
		furniture: []
	};
}

const draftingBank = {
	articles: bank.articles.filter((a) => a.slug !== article.slug || known),
	facts: bank.facts,
	questions: bank.questions
};
const drafts = draftQuestions(article, draftingBank, {
	keepBankDuplicates: args.values['keep-duplicates']
});
const left = args.values['keep-duplicates']
	? 0
	: draftQuestions(article, draftingBank, { keepBankDuplicates: true }).length - drafts.length;
const yaml = draftsYaml(article, drafts, path.basename(file));
if (args.values.out) {
	fs.writeFileSync(args.values.out, yaml);
	const skipped = left
		? ` (${left} more left out: the bank already asks them; --keep-duplicates keeps them)`
		: '';
	console.error(
		`questions:draft: ${drafts.length} drafts written to ${args.values.out}${skipped}; review each, then delete its "review: pending" line`
	);
} else {
	process.stdout.write(yaml);
}
