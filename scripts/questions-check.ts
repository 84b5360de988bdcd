// npm run questions:check — validates questions/ and prints one summary line, or every error with its
// file and line (exit 1).
import path from 'node:path';
import { formatBankErrors, loadBankFromDir } from '../src/lib/bank/load-from-disk.ts';

const dir = path.resolve(process.argv[2] ?? process.env.QUESTIONS_DIR ?? 'questions');
const { bank, errors } = loadBankFromDir(dir);
if (!bank || errors.length) {
	console.error(formatBankErrors(errors));
	console.error(`questions:check: ${errors.length} error${errors.length === 1 ? '' : 's'}`);
	process.exit(1);
}
console.log(
	`ok: ${bank.questions.length} questions, ${bank.facts.length} facts, ${bank.articles.length} articles`
);
