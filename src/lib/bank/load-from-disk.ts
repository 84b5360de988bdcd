// Reads the bank from a questions/ directory and validates it (see parse.ts). Used by the server at
// start, by `npm run questions:check` and by tests.
import fs from 'node:fs';
import path from 'node:path';
import { parseBank } from './parse.ts';
import type { Bank, BankError } from './types.ts';

/**
 * `extraBankFiles` are checked as if they stood in bank/ (a drafts file under review, which stays in
 * questions/drafts/ until it passes).
 */
export function loadBankFromDir(
	dir: string,
	extraBankFiles: string[] = []
): { bank: Bank | null; errors: BankError[] } {
	const relative = (p: string) => path.relative(process.cwd(), p) || p;
	const articlesFile = path.join(dir, 'articles.yaml');
	if (!fs.existsSync(articlesFile))
		return {
			bank: null,
			errors: [{ file: relative(articlesFile), line: 1, message: 'file missing' }]
		};

	const articlesDir = path.join(dir, 'articles');
	const articleTexts = new Map<string, string>();
	if (fs.existsSync(articlesDir)) {
		for (const name of fs.readdirSync(articlesDir))
			articleTexts.set(name, fs.readFileSync(path.join(articlesDir, name), 'utf8'));
	}

	const bankDir = path.join(dir, 'bank');
	const bankFiles = fs.existsSync(bankDir)
		? fs
				.readdirSync(bankDir)
				.filter((name) => /\.ya?ml$/.test(name))
				.sort()
				.map((name) => ({
					file: relative(path.join(bankDir, name)),
					source: fs.readFileSync(path.join(bankDir, name), 'utf8')
				}))
		: [];
	for (const file of extraBankFiles)
		bankFiles.push({ file: relative(file), source: fs.readFileSync(file, 'utf8') });

	return parseBank({
		articles: { file: relative(articlesFile), source: fs.readFileSync(articlesFile, 'utf8') },
		articleTexts,
		bankFiles
	});
}

/** One line per error, `file:line: message`, the form editors and terminals link to. */
export function formatBankErrors(errors: BankError[]): string {
	return errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n');
}
