// Properties of the real bank in questions/, beyond validity (which parse.spec.ts and questions:check cover).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBankErrors, loadBankFromDir } from './load-from-disk.ts';
import { keyLeads } from './quality.ts';

const questionsDir = path.resolve(import.meta.dirname, '../../../questions');
const { bank, errors } = loadBankFromDir(questionsDir);

describe('the bank in questions/', () => {
	it('is valid', () => {
		expect(errors).toEqual([]);
	});

	it('does not put the key first: without shuffling, the first option is right no more often than chance', () => {
		const choice = bank!.questions.filter((q) => q.type === 'single' || q.type === 'multiple');
		expect(choice.length).toBeGreaterThan(20);
		const single = choice.filter((q) => q.type === 'single');
		const firstRight = single.filter((q) => q.options[0].correct).length / single.length;
		// Chance is 1 in 3 to 1 in 4 options; the bank once had every key first.
		expect(firstRight).toBeLessThan(0.4);
		const leading = choice.filter(keyLeads).length / choice.length;
		expect(leading).toBeLessThan(0.4);
	});
});

describe('a copy of the bank, checked as npm run questions:check checks it', () => {
	it('refuses a new fact quoting part of a bank fact’s passage, naming both quotes by file and line', () => {
		// A bank fact of some length, and a new fact in another file quoting its last four words.
		const first = bank!.facts.find((f) => f.span.end - f.span.start > 60)!;
		const text = bank!.articles.find((a) => a.slug === first.article)!.text;
		const part = text.slice(first.span.start, first.span.end).split(/\s+/u).slice(-4).join(' ');
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bank-overlap-'));
		try {
			fs.cpSync(questionsDir, dir, { recursive: true });
			fs.writeFileSync(
				path.join(dir, 'bank', 'zz-overlap.yaml'),
				`facts:\n  - id: zz-overlap\n    article: ${first.article}\n    quote: ${JSON.stringify(part)}\n`
			);
			const checked = loadBankFromDir(dir);
			expect(checked.bank).toBeNull();
			// Where the bank fact's quote stands in its file.
			const bankDir = path.join(dir, 'bank');
			const file = fs
				.readdirSync(bankDir)
				.find((name) =>
					fs.readFileSync(path.join(bankDir, name), 'utf8').includes(`- id: ${first.id}\n`)
				)!;
			const lines = fs.readFileSync(path.join(bankDir, file), 'utf8').split('\n');
			const idLine = lines.indexOf(`  - id: ${first.id}`);
			const quoteLine = lines.findIndex((l, i) => i > idLine && /^\s+quote:/u.test(l)) + 1;
			const at = (name: string) => path.relative(process.cwd(), path.join(bankDir, name));
			expect(formatBankErrors(checked.errors)).toBe(
				`${at('zz-overlap.yaml')}:4: fact "zz-overlap": quotes the same words as fact "${first.id}" (${at(file)}:${quoteLine}) in part ("${part}"); one fact, one id: a passage belongs to one fact. Cite "${first.id}" (a question may cite several facts), or quote words that do not overlap`
			);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
