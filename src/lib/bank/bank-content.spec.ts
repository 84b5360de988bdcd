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

describe('a new fact quoting part of a bank fact’s passage, checked as npm run questions:check checks it', () => {
	// A bank fact of some length, and a new fact quoting its last four words.
	const first = bank!.facts.find((f) => f.span.end - f.span.start > 60)!;
	const text = bank!.articles.find((a) => a.slug === first.article)!.text;
	const part = text.slice(first.span.start, first.span.end).split(/\s+/u).slice(-4).join(' ');
	const overlapping = `facts:\n  - id: zz-overlap\n    article: ${first.article}\n    quote: ${JSON.stringify(part)}\n`;
	const relative = (file: string) => path.relative(process.cwd(), file);
	/** Where the bank fact's quote stands in the bank files of `dir`, as `file:line`. */
	function whereFirstQuote(dir: string): string {
		const bankDir = path.join(dir, 'bank');
		const name = fs
			.readdirSync(bankDir)
			.find((n) => fs.readFileSync(path.join(bankDir, n), 'utf8').includes(`- id: ${first.id}\n`))!;
		const lines = fs.readFileSync(path.join(bankDir, name), 'utf8').split('\n');
		const idLine = lines.indexOf(`  - id: ${first.id}`);
		const quoteLine = lines.findIndex((l, i) => i > idLine && /^\s+quote:/u.test(l)) + 1;
		return `${relative(path.join(bankDir, name))}:${quoteLine}`;
	}
	const message = (dir: string) =>
		`fact "zz-overlap": quotes the same words as fact "${first.id}" (${whereFirstQuote(dir)}) in part ("${part}"); one fact, one id: a passage belongs to one fact. Cite "${first.id}" (a question may cite several facts), or quote words that do not overlap`;

	it('in a bank file: refused, naming both quotes by file and line', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bank-overlap-'));
		try {
			fs.cpSync(questionsDir, dir, { recursive: true });
			const added = path.join(dir, 'bank', 'zz-overlap.yaml');
			fs.writeFileSync(added, overlapping);
			const checked = loadBankFromDir(dir);
			expect(checked.bank).toBeNull();
			expect(formatBankErrors(checked.errors)).toBe(`${relative(added)}:4: ${message(dir)}`);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('in a drafts file outside bank/ (--with): refused the same way, the bank left as it is', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drafts-overlap-'));
		try {
			const drafts = path.join(dir, 'drafts.yaml');
			fs.writeFileSync(drafts, overlapping);
			const checked = loadBankFromDir(questionsDir, [drafts]);
			expect(checked.bank).toBeNull();
			expect(formatBankErrors(checked.errors)).toBe(
				`${relative(drafts)}:4: ${message(questionsDir)}`
			);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
