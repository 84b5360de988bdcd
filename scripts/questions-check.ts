// npm run questions:check [-- DIR] [--with FILE…] — validates questions/ (or DIR) and prints one summary
// line, or every error with its file and line (exit 1). --with checks a file that is not in bank/ yet (a
// drafts file under review, such as questions/drafts/SLUG.yaml) together with the bank, by the same rules.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatBankErrors, loadBankFromDir } from '../src/lib/bank/load-from-disk.ts';

const USAGE = 'usage: npm run questions:check [-- DIR] [--with FILE…]';
let args: { values: { with?: string[] }; positionals: string[] };
try {
	args = parseArgs({
		options: { with: { type: 'string', multiple: true } },
		allowPositionals: true
	});
} catch (e) {
	console.error(`questions:check: ${(e as Error).message}\n${USAGE}`);
	process.exit(2);
}
if (args.positionals.length > 1) {
	console.error(`questions:check: give at most one questions directory\n${USAGE}`);
	process.exit(2);
}
const extra = (args.values.with ?? []).map((f) => path.resolve(f));
for (const f of extra)
	if (!fs.existsSync(f)) {
		console.error(`questions:check: --with ${f}: no such file\n${USAGE}`);
		process.exit(2);
	}

const dir = path.resolve(args.positionals[0] ?? process.env.QUESTIONS_DIR ?? 'questions');
const { bank, errors } = loadBankFromDir(dir, extra);
if (!bank || errors.length) {
	console.error(formatBankErrors(errors));
	console.error(`questions:check: ${errors.length} error${errors.length === 1 ? '' : 's'}`);
	process.exit(1);
}
console.log(
	`ok: ${bank.questions.length} questions, ${bank.facts.length} facts, ${bank.articles.length} articles`
);
