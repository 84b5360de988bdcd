// npm run drafts:eval [-- --held-back] [--only SLUG]
//
// Drafts every report of the evaluation set (questions/eval/reports.yaml, issue 16) against the bank, writes
// each report's drafts as a review file (questions/eval/out/SLUG.yaml, under the report's own folder for the reports
// kept back for the final measurement) and prints per report: words, drafts, the count by type and by form.
// The review itself (acceptable, acceptable without edit, failure kinds) is a person's work: it goes into
// questions/drafts/REVIEW.md. Held-back reports are drafted only with --held-back.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { loadBankFromDir } from '../src/lib/bank/load-from-disk.ts';
import { draftQuestions } from '../src/lib/drafting/draft.ts';
import { draftsYaml } from '../src/lib/drafting/draft-yaml.ts';
import { countByType, DRAFT_TYPES } from '../src/lib/drafting/variety.ts';

type Report = {
	slug: string;
	file: string;
	title: string;
	publisher: string;
	event_date: string;
	topic: string;
	held_back?: boolean;
};

const { values } = parseArgs({
	options: { 'held-back': { type: 'boolean' }, only: { type: 'string' } }
});
const evalDir = path.resolve('questions/eval');
const reports = parse(fs.readFileSync(path.join(evalDir, 'reports.yaml'), 'utf8')) as Report[];
const { bank, errors } = loadBankFromDir(path.resolve('questions'));
if (!bank) {
	console.error(`drafts:eval: the bank does not pass questions:check (${errors.length} errors)`);
	process.exit(2);
}

const rows: string[][] = [];
for (const r of reports) {
	if (!!r.held_back !== !!values['held-back']) continue;
	if (values.only && r.slug !== values.only) continue;
	const text = fs.readFileSync(path.join(evalDir, r.file), 'utf8').replace(/\r\n?/gu, '\n').trim();
	const article = {
		slug: r.slug,
		title: r.title,
		publisher: r.publisher,
		eventDate: String(r.event_date),
		text,
		furniture: []
	};
	const started = performance.now();
	const drafts = draftQuestions(article, bank);
	const ms = Math.round(performance.now() - started);
	// Beside the report's own folder (held-back/, held-back-2/), so the sets' outputs stay apart.
	const outDir = path.join(evalDir, 'out', path.dirname(r.file));
	fs.mkdirSync(outDir, { recursive: true });
	fs.writeFileSync(path.join(outDir, `${r.slug}.yaml`), draftsYaml(article, drafts, r.file));
	const byType = countByType(drafts);
	const forms = new Map<string, number>();
	for (const d of drafts) forms.set(d.form ?? 'none', (forms.get(d.form ?? 'none') ?? 0) + 1);
	rows.push([
		r.slug,
		String(text.split(/\s+/u).length),
		String(drafts.length),
		DRAFT_TYPES.filter((t) => byType[t])
			.map((t) => `${t} ${byType[t]}`)
			.join(', '),
		[...forms].map(([f, n]) => `${f} ${n}`).join(', '),
		`${ms} ms`
	]);
}
const head = ['report', 'words', 'drafts', 'by type', 'by form', 'time'];
console.log(`| ${head.join(' | ')} |\n|${head.map(() => ' --- ').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
