import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBankFromDir } from '../bank/load-from-disk.ts';
import type { Bank, FactValue } from '../bank/types.ts';
import { findQuote, normaliseAnswerText } from '../text/normalise.ts';
import { draftQuestions } from './draft.ts';
import { draftsYaml } from './draft-yaml.ts';
import { resolveDate } from './extract.ts';
import type { Draft } from './types.ts';
import { sameName, sameValue, valueText } from './values.ts';

const questionsDir = path.resolve(import.meta.dirname, '../../../questions');
let bank: Bank;
const draftsBySlug = new Map<string, Draft[]>();

beforeAll(() => {
	const loaded = loadBankFromDir(questionsDir);
	if (!loaded.bank) throw new Error(loaded.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
	bank = loaded.bank;
	for (const a of bank.articles) draftsBySlug.set(a.slug, draftQuestions(a, bank));
}, 120_000);

/** Whether the quote states the value: the number, the year or month, or the name in some spelling. */
function quoteStates(quote: string, v: FactValue): boolean {
	const words = normaliseAnswerText(quote);
	switch (v.kind) {
		case 'number': {
			const digits = (quote.match(/\d[\d,\s]*\d|\d/gu) ?? []).map((d) => Number(d.replace(/[,\s]/gu, '')));
			const spelled = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
			return digits.includes(v.amount) || words.split(' ').includes(spelled[v.amount]);
		}
		case 'date': {
			const [y, m] = v.date.split('-');
			const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
			const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
			if (words.includes(y)) return true;
			if (m && words.includes(months[Number(m) - 1])) return true;
			return v.date.length === 10 && weekdays.some((d) => words.includes(d));
		}
		case 'range':
			return false;
		default:
			// The name, or its last word ("Macron" for Emmanuel Macron), stands in the quote.
			return words.includes(normaliseAnswerText(v.name)) || words.split(' ').includes(normaliseAnswerText(v.name).split(' ').slice(-1)[0]);
	}
}

describe('drafting on the five articles', () => {
	it.each(['pau-summit-2020', 'withdrawal-announced-2022', 'macron-paris-meeting-2022', 'niger-bazoum-2022', 'barkhane-leaves-mali-2022'])(
		'%s: at least 15 drafts, each quoting the article verbatim, with a key that agrees with the quote',
		(slug) => {
			const article = bank.articles.find((a) => a.slug === slug)!;
			const drafts = draftsBySlug.get(slug)!;
			expect(drafts.length).toBeGreaterThanOrEqual(15);
			for (const d of drafts) {
				const span = findQuote(article.text, d.quote);
				expect(span, `${d.key}: quote not in the article: ${d.quote}`).not.toBeNull();
				expect(article.text.slice(d.span.start, d.span.end).replace(/\s+/gu, ' ')).toBe(d.quote);
				const q = d.question;
				if (q.type === 'single') {
					const right = q.options.filter((o) => o.correct);
					expect(right, d.key).toHaveLength(1);
					expect(d.value, d.key).toBeDefined();
					expect(quoteStates(d.quote, d.value!), `${d.key}: "${d.quote}" does not state ${JSON.stringify(d.value)}`).toBe(true);
					// A date may be asked as a month ("December") or a weekday ("Monday") when the quote says only that.
					const readings = [valueText(d.value!), valueText(d.value!, { monthOnly: true }), valueText(d.value!, { weekday: true })];
					expect(readings, d.key).toContain(right[0].text);
					if (d.value!.kind === 'date' && right[0].text !== valueText(d.value!))
						expect(normaliseAnswerText(d.quote).split(' '), d.key).toContain(normaliseAnswerText(right[0].text));
				} else if (q.type === 'numeric') {
					expect(d.value?.kind).toBe('number');
					if (d.value?.kind === 'number') expect(q.answer).toBe(d.value.amount);
					expect(quoteStates(d.quote, d.value!), d.key).toBe(true);
				} else if (q.type === 'multiple') {
					for (const o of q.options.filter((o) => o.correct)) expect(d.quote, d.key).toContain(o.text);
					for (const o of q.options.filter((o) => !o.correct)) expect(d.quote, d.key).not.toContain(o.text);
				} else if (q.type === 'ordering') {
					// The items come with their facts' dates; the draft's own quote states its date.
					expect(d.bankFacts.length, d.key).toBeGreaterThan(0);
					expect(quoteStates(d.quote, d.value!), d.key).toBe(true);
				}
				// The prompt never gives the answer away, and is not a sentence of the article.
				expect(article.text.replace(/\s+/gu, ' ')).not.toContain(q.prompt);
			}
		}
	);

	it('never offers a wrong option equal to the key after normalising (spelling, unit, accents, case)', () => {
		for (const drafts of draftsBySlug.values()) {
			for (const d of drafts) {
				const q = d.question;
				if (q.type !== 'single' || !d.value) continue;
				const key = q.options.find((o) => o.correct)!.text;
				for (const o of q.options.filter((o) => !o.correct)) {
					expect(normaliseAnswerText(o.text), d.key).not.toBe(normaliseAnswerText(key));
					if (d.value.kind === 'number') expect(Number(o.text.replace(/[,\s]/gu, ''))).not.toBe(d.value.amount);
					if ('name' in d.value) expect(sameName(o.text, d.value.name), `${d.key}: ${o.text} = ${d.value.name}`).toBe(false);
				}
			}
		}
	});

	it('takes wrong options from the same kind of value in the bank, never from thin air', () => {
		const known = new Set<string>();
		for (const f of bank.facts) if (f.value) known.add(normaliseAnswerText(valueText(f.value)));
		const allText = normaliseAnswerText(bank.articles.map((a) => a.text).join(' '));
		for (const drafts of draftsBySlug.values()) {
			for (const d of drafts) {
				if (d.question.type !== 'single' || d.value?.kind === 'date') continue;
				for (const o of d.question.options) {
					const t = normaliseAnswerText(o.text);
					expect(known.has(t) || allText.includes(t) || allText.includes(t.replace(/ /gu, '')), `${d.key}: "${o.text}" is not in the bank`).toBe(true);
				}
			}
		}
	});

	it('writes a YAML file that questions:check refuses while drafts are pending and accepts once reviewed', () => {
		const slug = 'niger-bazoum-2022';
		const article = bank.articles.find((a) => a.slug === slug)!;
		const yaml = draftsYaml(article, draftsBySlug.get(slug)!, article.file);
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drafts-'));
		fs.cpSync(questionsDir, dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'bank', 'zz-drafts.yaml'), yaml);
		const pending = loadBankFromDir(dir);
		expect(pending.bank).toBeNull();
		const reviewErrors = pending.errors.filter((e) => /not yet reviewed/u.test(e.message));
		expect(reviewErrors).toHaveLength(draftsBySlug.get(slug)!.length);
		expect(pending.errors).toHaveLength(reviewErrors.length);
		// The error points at the review line itself.
		const firstLine = yaml.split('\n').findIndex((l) => /^\s+review: pending$/u.test(l)) + 1;
		expect(reviewErrors[0].line).toBe(firstLine);
		expect(reviewErrors[0].file).toMatch(/zz-drafts\.yaml$/u);

		fs.writeFileSync(path.join(dir, 'bank', 'zz-drafts.yaml'), yaml.replace(/^\s+review: pending\n/gmu, ''));
		const reviewed = loadBankFromDir(dir);
		expect(reviewed.errors).toEqual([]);
		expect(reviewed.bank!.questions.length).toBe(bank.questions.length + draftsBySlug.get(slug)!.length);
		const parsed = parse(yaml) as { questions: { id: string }[] };
		expect(new Set(parsed.questions.map((q) => q.id)).size).toBe(parsed.questions.length);
	});
});

describe('values', () => {
	it('treats the same answer in another spelling or unit notation as the same', () => {
		expect(sameValue({ kind: 'number', amount: 5100, unit: 'troops' }, { kind: 'number', amount: 5100, unit: 'soldiers' })).toBe(true);
		expect(sameName('Emmanuel Macron', 'Macron')).toBe(true);
		expect(sameName('Operation Barkhane', 'barkhane')).toBe(true);
		expect(sameName('Maïkol Zodi', 'MAIKOL ZODI')).toBe(true);
		expect(sameName('EUTM Mali', 'EUTM')).toBe(true);
		expect(sameName('Niger', 'Nigeria')).toBe(false);
		expect(sameName('Mali', 'Somalia')).toBe(false);
	});

	it('reads dates without a year against the article date, backwards for the past and forwards for plans', () => {
		expect(resolveDate('December', 'Macron said in ', '2020-01-13')).toEqual({ date: '2019-12', inferred: true });
		expect(resolveDate('June', 'They will meet again in ', '2020-01-13')).toEqual({ date: '2020-06', inferred: true });
		expect(resolveDate('March', 'Bazoum, who said the force would start work in ', '2023-01-17')).toEqual({ date: '2023-03', inferred: true });
		expect(resolveDate('June', 'the countries will have agreed to set out plans on how to remain in the region by ', '2022-02-17')).toEqual({ date: '2022-06', inferred: true });
		expect(resolveDate('Monday', 'states agreed on ', '2020-01-13')).toEqual({ date: '2020-01-13', inferred: true });
		expect(resolveDate('Wednesday', 'after a ', '2022-02-17')).toEqual({ date: '2022-02-16', inferred: true });
		// The clause's own verb decides, not a "would" later in the sentence.
		expect(resolveDate('Wednesday', 'Bazoum said countries, including those in the coastal areas that participated in discussions on ', '2022-02-18')).toEqual({ date: '2022-02-16', inferred: true });
		expect(resolveDate('August 15, 2022', '', '2022-01-01')).toEqual({ date: '2022-08-15', inferred: false });
	});
});

describe('drafting a new article', () => {
	const text = [
		'Chad will send 1,200 soldiers to the tri-border area where Niger, Mali and Burkina Faso meet, its government said on Tuesday.',
		'The deployment was agreed at a meeting in Niamey with Niger’s President Mohamed Bazoum, who said the force would start work in March.',
		'France ended Operation Barkhane in 2022 after nine years in Mali, and some 3,000 French troops remain in the region.',
		'The European Takuba task force left Mali in June 2022, its members moving to Niger or going home.'
	].join('\n');
	const article = { slug: 't-chad', title: 'Chad sends soldiers', publisher: null, eventDate: '2023-01-17', text, furniture: [] };
	let drafts: Draft[];
	beforeAll(() => {
		drafts = draftQuestions(article, bank);
	});

	it('asks for the count with the noun it counts, the key from the text, wrong options from the bank’s troop counts', () => {
		const d = drafts.find((x) => x.value?.kind === 'number' && x.value.amount === 1200)!;
		expect(d.question.prompt).toBe('How many soldiers will Chad send to the tri-border area where Niger, Mali and Burkina Faso meet, its government said on Tuesday?');
		if (d.question.type !== 'single') throw new Error('single expected');
		const bankCounts = new Set(bank.facts.flatMap((f) => (f.value?.kind === 'number' ? [f.value.amount] : [])));
		for (const o of d.question.options.filter((o) => !o.correct)) expect(bankCounts.has(Number(o.text.replace(/,/gu, '')))).toBe(true);
		expect(d.similarTo).toEqual([]);
	});

	it('asks a weekday as a weekday and a month without a year as a month, read against the article’s date', () => {
		const weekday = drafts.find((x) => x.value?.kind === 'date' && x.value.date === '2023-01-17')!;
		expect(weekday.question.prompt).toMatch(/on which day of the week\?$/u);
		if (weekday.question.type !== 'single') throw new Error('single expected');
		expect(weekday.question.options.find((o) => o.correct)!.text).toBe('Tuesday');
		const march = drafts.find((x) => x.value?.kind === 'date' && x.value.date === '2023-03')!;
		expect(march.question.prompt).toMatch(/in which month\?$/u);
	});

	it('never offers a name of the quoted sentence as a wrong option (it could be right too)', () => {
		for (const d of drafts) {
			if (d.question.type !== 'single' && d.question.type !== 'multiple') continue;
			for (const o of d.question.options.filter((o) => !o.correct)) expect(d.quote, `${d.key}: ${o.text}`).not.toContain(o.text);
		}
	});

	it('orders its dated events among the bank’s, each bank event cited and labelled without its date', () => {
		const timeline = drafts.find((x) => x.kind === 'timeline')!;
		if (timeline.question.type !== 'ordering') throw new Error('ordering expected');
		expect(timeline.question.items).toContain('The European Takuba task force left Mali');
		expect(timeline.bankFacts.length).toBeGreaterThanOrEqual(2);
		const dates = timeline.bankFacts.map((id) => bank.facts.find((f) => f.id === id)!.value!);
		for (const item of timeline.question.items) expect(item).not.toMatch(/\b(19|20)\d{2}\b/u);
		expect(dates.every((v) => v.kind === 'date')).toBe(true);
	});
});
