import { MONTH_NAMES } from '../time/months.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBankFromDir } from '../bank/load-from-disk.ts';
import type { Bank, FactValue } from '../bank/types.ts';
import { findQuote, normaliseAnswerText } from '../text/normalise.ts';
import {
	bankDuplicates,
	bankKeyCounts,
	keyFirstAtMostHalf,
	chooseDrafts,
	draftCandidates,
	draftQuestions,
	gapBetween,
	MAX_DRAFTS_PER_ARTICLE,
	NUMBER_WORDS,
	scaledAmount,
	selectCompatible
} from './draft.ts';
import { keepVaried } from './variety.ts';
import { dateOfFact, datesClash } from './events.ts';
import { findMentions, gazetteerOf } from './extract.ts';
import { draftId, draftsYaml } from './draft-yaml.ts';
import { resolveDate } from './extract.ts';
import type { Draft } from './types.ts';
import { sameName, sameValue, valueText } from './values.ts';

const questionsDir = path.resolve(import.meta.dirname, '../../../questions');
let bank: Bank;

/** The number as the quote writes it in words, if it does: "Six leaders" → ["Six"]. */
function spelledIn(quote: string, amount: number): string[] {
	const word = NUMBER_WORDS[amount];
	const m = word ? quote.match(new RegExp(`\\b${word}\\b`, 'iu')) : null;
	return m ? [m[0]] : [];
}
const draftsBySlug = new Map<string, Draft[]>();
/** Every candidate the drafter makes of each article (bank duplicates and the variety cap aside): all are checked. */
const allDraftsBySlug = new Map<string, Draft[]>();

beforeAll(() => {
	const loaded = loadBankFromDir(questionsDir);
	if (!loaded.bank)
		throw new Error(loaded.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
	bank = loaded.bank;
	// Each article drafted once (a few seconds each); the drafts are then chosen from the candidates as
	// draftQuestions chooses them.
	for (const a of bank.articles) {
		const candidates = draftCandidates(a, bank);
		allDraftsBySlug.set(a.slug, candidates);
		draftsBySlug.set(a.slug, chooseDrafts(a, bank, candidates));
	}
}, 120_000);

/** Whether the quote states the value: the number, the year or month, or the name in some spelling. */
function quoteStates(quote: string, v: FactValue): boolean {
	const words = normaliseAnswerText(quote);
	switch (v.kind) {
		case 'number': {
			const digits = (quote.match(/\d[\d,\s]*\d|\d/gu) ?? []).map((d) =>
				Number(d.replace(/[,\s]/gu, ''))
			);
			return digits.includes(v.amount) || words.split(' ').includes(NUMBER_WORDS[v.amount]);
		}
		case 'date': {
			const [y, m] = v.date.split('-');
			const months = MONTH_NAMES.map((name) => name.toLowerCase());
			const weekdays = [
				'sunday',
				'monday',
				'tuesday',
				'wednesday',
				'thursday',
				'friday',
				'saturday'
			];
			if (words.includes(y)) return true;
			if (m && words.includes(months[Number(m) - 1])) return true;
			return v.date.length === 10 && weekdays.some((d) => words.includes(d));
		}
		case 'range':
			return false;
		default:
			// The name, or its last word ("Macron" for Emmanuel Macron), stands in the quote.
			return (
				words.includes(normaliseAnswerText(v.name)) ||
				words.split(' ').includes(normaliseAnswerText(v.name).split(' ').slice(-1)[0])
			);
	}
}

describe('drafting on the five articles', () => {
	it('drops the bank’s duplicates after the fact exactly as drafting does by default', () => {
		const niger = bank.articles.find((a) => a.slug === 'niger-bazoum-2022')!;
		expect(draftsBySlug.get(niger.slug)).toEqual(draftQuestions(niger, bank));
	});
	it.each([
		'pau-summit-2020',
		'withdrawal-announced-2022',
		'macron-paris-meeting-2022',
		'niger-bazoum-2022',
		'barkhane-leaves-mali-2022'
	])(
		'%s: at least 15 drafts (bank duplicates kept), each quoting the article verbatim, with a key that agrees with the quote',
		(slug) => {
			const article = bank.articles.find((a) => a.slug === slug)!;
			const drafts = allDraftsBySlug.get(slug)!;
			expect(drafts.length).toBeGreaterThanOrEqual(15);
			for (const d of drafts) {
				const span = findQuote(article.text, d.quote);
				expect(span, `${d.key}: quote not in the article: ${d.quote}`).not.toBeNull();
				expect(article.text.slice(d.span.start, d.span.end).replace(/\s+/gu, ' ')).toBe(d.quote);
				const q = d.question;
				if (d.kind === 'timeline' || d.kind === 'gap') {
					// Checked with the events below; the anchor's quote states the anchor's date (read as a fact's would be).
					const stated = findMentions(
						{ text: d.quote, start: 0, end: d.quote.length, line: 1 },
						article.eventDate,
						gazetteerOf(bank.facts)
					).flatMap((m) => (m.value.kind === 'date' ? [m.value.date] : []));
					const date = stated.length
						? stated
						: [
								dateOfFact(
									{ id: 'anchor', article: slug, quote: d.quote },
									article.eventDate,
									gazetteerOf(bank.facts)
								)
							];
					expect(d.value?.kind).toBe('date');
					if (d.value?.kind === 'date')
						expect(date, `${d.key}: "${d.quote}"`).toContain(d.value.date);
				} else if (q.type === 'single') {
					const right = q.options.filter((o) => o.correct);
					expect(right, d.key).toHaveLength(1);
					expect(d.value, d.key).toBeDefined();
					expect(
						quoteStates(d.quote, d.value!),
						`${d.key}: "${d.quote}" does not state ${JSON.stringify(d.value)}`
					).toBe(true);
					// A date may be asked as a month ("December") or a weekday ("Monday") when the quote says only that.
					const readings = [
						valueText(d.value!),
						valueText(d.value!, { monthOnly: true }),
						valueText(d.value!, { weekday: true }),
						// A count the quote spells out ("six leaders") is asked as it is written.
						...(d.value!.kind === 'number' ? spelledIn(d.quote, d.value!.amount) : []),
						// A sum in words of scale ("$3 billion") as it is written.
						...(d.value!.kind === 'number'
							? [scaledAmount(d.value!.amount), `$${scaledAmount(d.value!.amount)}`]
							: []),
						// A person the quote names by the surname ("Macron said") is asked by the surname.
						...(d.value!.kind === 'person' ? [d.value!.name.split(/\s+/u).slice(-1)[0]] : [])
					];
					expect(readings, d.key).toContain(right[0].text);
					if (d.value!.kind === 'date' && right[0].text !== valueText(d.value!))
						expect(normaliseAnswerText(d.quote).split(' '), d.key).toContain(
							normaliseAnswerText(right[0].text)
						);
				} else if (q.type === 'numeric') {
					expect(d.value?.kind).toBe('number');
					if (d.value?.kind === 'number') expect(q.answer).toBe(d.value.amount);
					expect(quoteStates(d.quote, d.value!), d.key).toBe(true);
				} else if (q.type === 'multiple') {
					for (const o of q.options.filter((o) => o.correct))
						expect(d.quote, d.key).toContain(o.text);
					for (const o of q.options.filter((o) => !o.correct))
						expect(d.quote, d.key).not.toContain(o.text);
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
					if (d.value.kind === 'number')
						expect(Number(o.text.replace(/[,\s]/gu, ''))).not.toBe(d.value.amount);
					if ('name' in d.value)
						expect(sameName(o.text, d.value.name), `${d.key}: ${o.text} = ${d.value.name}`).toBe(
							false
						);
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
				// A count written in words is offered beside its neighbours in words ("five", "seven" for "six").
				if (d.value?.kind === 'number' && spelledIn(d.quote, d.value.amount).length) continue;
				for (const o of d.question.options) {
					const t = normaliseAnswerText(o.text);
					expect(
						known.has(t) || allText.includes(t) || allText.includes(t.replace(/ /gu, '')),
						`${d.key}: "${o.text}" is not in the bank`
					).toBe(true);
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

		// Reviewed, a file is well formed and cites what it quotes; what remains is the content rules of a good
		// question (bank/quality.ts), which send a reviewer back to edit or delete a draft (a date the text does not
		// state, a passage a bank fact already quotes, an answer asked too often). The bank quotes every passage of
		// its own articles that the drafter asks about, so each draft of them defines a second fact for a passage:
		// the reviewer does what the check says, citing the bank's fact instead of a draft quoting the very same
		// words, and deletes the drafts refused for anything else; the check then accepts the rest, and some survive.
		let kept = 0;
		for (const a of bank.articles) {
			const file = path.join(dir, 'bank', 'zz-drafts.yaml');
			fs.writeFileSync(
				file,
				draftsYaml(a, draftsBySlug.get(a.slug)!, a.file).replace(/^\s+review: pending\n/gmu, '')
			);
			const reviewed = loadBankFromDir(dir);
			const contentRule =
				/quotes the same words as fact|is not stated by its quote|is the answer of \d+ questions|without naming it|much longer than every wrong one|first, as in \d+ of|tolerance 0, but/u;
			expect(reviewed.errors.filter((e) => !contentRule.test(e.message))).toEqual([]);
			const citeInstead = new Map<string, string>();
			const refused = new Set<string>();
			for (const e of reviewed.errors) {
				const same = e.message.match(
					/^fact "([^"]+)": quotes the same words as fact "([^"]+)" \([^)]+\); one fact, one id: cite "\2" instead and delete this one$/u
				);
				if (same) citeInstead.set(same[1], same[2]);
				else refused.add(e.message.match(/^(?:question|fact) "([^"]+?)(?:-f)?"/u)![1]);
			}
			const edited = parse(fs.readFileSync(file, 'utf8')) as {
				facts: { id: string }[];
				questions: { id: string; facts: string[] }[];
			};
			edited.questions = edited.questions
				.filter((q) => !refused.has(q.id))
				.map((q) => ({ ...q, facts: [...new Set(q.facts.map((f) => citeInstead.get(f) ?? f))] }));
			edited.facts = edited.facts.filter(
				(f) => !refused.has(f.id.replace(/-f$/u, '')) && !citeInstead.has(f.id)
			);
			fs.writeFileSync(file, stringify(edited));
			const accepted = loadBankFromDir(dir);
			expect(accepted.errors, a.slug).toEqual([]);
			expect(accepted.bank!.questions.length).toBe(bank.questions.length + edited.questions.length);
			kept += edited.questions.length;
		}
		expect(kept).toBeGreaterThan(0);
		const parsed = parse(yaml) as { questions: { id: string }[] };
		expect(new Set(parsed.questions.map((q) => q.id)).size).toBe(parsed.questions.length);
	});
});

describe('questions across reports (timelines, first or last, years or months between)', () => {
	const across = () =>
		[...allDraftsBySlug.entries()].flatMap(([slug, ds]) =>
			ds.filter((d) => d.kind === 'timeline' || d.kind === 'gap').map((d) => ({ slug, d }))
		);
	const dates = new Map<string, string | null>();
	const dateOf = (id: string) => {
		if (!dates.has(id)) {
			const f = bank.facts.find((x) => x.id === id)!;
			dates.set(
				id,
				dateOfFact(
					f,
					bank.articles.find((a) => a.slug === f.article)!.eventDate,
					gazetteerOf(bank.facts)
				)
			);
		}
		return dates.get(id)!;
	};

	it('drafts some on every article, each event resting on a quote that states its date', () => {
		for (const slug of allDraftsBySlug.keys())
			expect(across().filter((x) => x.slug === slug).length, slug).toBeGreaterThanOrEqual(5);
		for (const { slug, d } of across()) {
			const events = d.events!;
			expect(events.length, d.key).toBeGreaterThanOrEqual(2);
			// Exactly one event is the article's own: the draft's quote, found verbatim, states its date.
			const own = events.filter((e) => !e.factId);
			expect(own, d.key).toHaveLength(1);
			expect(own[0].article).toBe(slug);
			expect(d.value).toEqual({ kind: 'date', date: own[0].date });
			expect(
				findQuote(bank.articles.find((a) => a.slug === slug)!.text, d.quote),
				d.key
			).not.toBeNull();
			for (const e of events.filter((x) => x.factId)) {
				// Another report's event: a bank fact of that report, cited by the question, found verbatim, stating the date.
				expect(e.article, d.key).not.toBe(slug);
				expect(d.bankFacts, d.key).toContain(e.factId);
				const f = bank.facts.find((x) => x.id === e.factId)!;
				expect(f.article).toBe(e.article);
				expect(
					findQuote(bank.articles.find((a) => a.slug === f.article)!.text, f.quote),
					e.factId
				).not.toBeNull();
				expect(dateOf(e.factId!), `${d.key}: ${e.factId}`).toBe(e.date);
			}
			for (const id of d.bankFacts)
				expect(
					bank.facts.some((f) => f.id === id),
					id
				).toBe(true);
			// No two events can be confused in time, none has the same label, and no label gives its date.
			for (const a of events) {
				expect(a.label, d.key).not.toMatch(
					/\b(19|20)\d{2}\b|\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/u
				);
				for (const b of events)
					if (a !== b)
						expect(
							datesClash(a.date, b.date) || a.label === b.label,
							`${d.key}: ${a.date} ${b.date}`
						).toBe(false);
			}
		}
	});

	it('keys agree with the events’ dates: the order, the first or last, the years or months between', () => {
		for (const { d } of across()) {
			const events = d.events!;
			const byDate = [...events].sort((a, b) => a.date.localeCompare(b.date));
			const q = d.question;
			if (q.type === 'ordering') {
				expect(q.items, d.key).toEqual(byDate.map((e) => e.label));
				expect(events.length).toBe(4);
			} else if (q.type === 'single' && /^Which of these happened after/u.test(q.prompt)) {
				// Between two events: the other three are the options, exactly one of them inside the interval.
				const [start, end] = [events[0], events[1]].sort((a, b) => a.date.localeCompare(b.date));
				expect(q.prompt).toBe(
					`Which of these happened after “${start.label}” and before “${end.label}”?`
				);
				expect(events).toHaveLength(5);
				expect(q.options.map((o) => o.text).sort()).toEqual(
					events
						.slice(2)
						.map((e) => e.label)
						.sort()
				);
				const inside = events.slice(2).filter((e) => e.date > start.date && e.date < end.date);
				expect(inside, d.key).toHaveLength(1);
				expect(q.options.filter((o) => o.correct).map((o) => o.text)).toEqual([inside[0].label]);
			} else if (q.type === 'single') {
				const right = q.options.filter((o) => o.correct);
				expect(right).toHaveLength(1);
				expect(events).toHaveLength(3);
				expect(q.options.map((o) => o.text).sort()).toEqual(events.map((e) => e.label).sort());
				const want = /first\?$/u.test(q.prompt) ? byDate[0] : byDate[byDate.length - 1];
				expect(/(first|last)\?$/u.test(q.prompt), d.key).toBe(true);
				expect(right[0].text, d.key).toBe(want.label);
			} else if (q.type === 'numeric') {
				expect(events).toHaveLength(2);
				const [early, late] = byDate;
				const [ye, me] = early.date.split('-').map(Number);
				const [yl, ml] = late.date.split('-').map(Number);
				// The difference of the quoted years (or months), worked out again here.
				const expected = q.unit === 'months' ? (yl - ye) * 12 + (ml - me) : yl - ye;
				expect(q.answer, d.key).toBe(expected);
				expect(q.answer).toBeGreaterThan(0);
				expect(gapBetween(early.date, late.date)).toEqual({ amount: q.answer, unit: q.unit });
				expect(q.prompt).toContain(`between “${early.label}” and “${late.label}”?`);
				expect(q.prompt).toMatch(
					q.unit === 'months' ? /^Going by the months/u : /^Going by the years/u
				);
			} else throw new Error(`${d.key}: unexpected ${q.type}`);
		}
	});

	it('counts months only when both dates give the month, years only between bare years, and never a same-year or same-month gap', () => {
		expect(gapBetween('2022-02-16', '2022-08-15')).toEqual({ amount: 6, unit: 'months' });
		expect(gapBetween('2014', '2020')).toEqual({ amount: 6, unit: 'years' });
		// A bare year against a month of another year: the reports do not say how long it was.
		expect(gapBetween('2014', '2020-01-13')).toBeNull();
		expect(gapBetween('2020', '2022-08-15')).toBeNull();
		expect(gapBetween('2020', '2020-06')).toBeNull();
		expect(gapBetween('2022-02-16', '2022-02-18')).toBeNull();
		expect(datesClash('2022-02', '2022-02-16')).toBe(true);
		expect(datesClash('2022-02-16', '2022-02-17')).toBe(false);
	});

	it('never repeats a combination of dated events the bank already asks, nor drafts one twice', () => {
		const bankDates = bank.questions.map((q) => ({
			id: q.id,
			dates: q.facts.map((id) => dateOf(id)).filter(Boolean)
		}));
		for (const { d } of across()) {
			const events = d.events!;
			const q = d.question;
			// What no bank question may date already: all the events; three of an ordering's four; the ends and the key of a "between".
			let groups = [events.map((e) => e.date)];
			if (q.type === 'ordering')
				groups = events.map((_, skip) => events.filter((__, i) => i !== skip).map((e) => e.date));
			if (q.type === 'single' && /^Which of these happened after/u.test(q.prompt))
				groups = [
					[
						events[0].date,
						events[1].date,
						events.slice(2).find((e) => q.options.find((o) => o.correct)!.text === e.label)!.date
					]
				];
			for (const g of groups)
				for (const b of bankDates)
					expect(
						g.every((x) => b.dates.includes(x)),
						`${d.key} repeats ${b.id}`
					).toBe(false);
		}
		for (const [slug, ds] of allDraftsBySlug) {
			expect(new Set(ds.map((d) => d.key)).size).toBe(ds.length);
			// Unique as bank ids too, which are cut at 60 characters.
			expect(new Set(ds.map((d) => draftId(slug, d.key))).size).toBe(ds.length);
		}
	});

	it('leaves out, by default, the drafts the bank already asks, then keeps the best and varied', () => {
		for (const a of bank.articles) {
			const kept = draftsBySlug.get(a.slug)!;
			const all = allDraftsBySlug.get(a.slug)!;
			expect(kept.length).toBeLessThan(all.length);
			for (const d of kept) expect(bankDuplicates({ article: a, bank }, d), d.key).toEqual([]);
			const fresh = all.filter((d) => bankDuplicates({ article: a, bank }, d).length === 0);
			expect(kept).toEqual(
				keyFirstAtMostHalf(
					keepVaried(selectCompatible(fresh, bankKeyCounts(bank)), MAX_DRAFTS_PER_ARTICLE)
				)
			);
		}
	});

	it('drafts no weekday, no "today" and no prompt of more than 40 words', () => {
		for (const ds of allDraftsBySlug.values())
			for (const d of ds) {
				if (d.question.type === 'single')
					for (const o of d.question.options)
						expect(o.text).not.toMatch(
							/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/u
						);
				expect(d.question.prompt).not.toMatch(/\btoday\b/iu);
				// The sentence before, quoted as a lead-in, is read as context (as the report's title is); at most 40 words.
				const lead = d.question.prompt.match(/, after “(.*?)”, /u)?.[1] ?? '';
				expect(lead.split(/\s+/u).length, d.key).toBeLessThanOrEqual(40);
				expect(
					d.question.prompt.replace(`after “${lead}”, `, '').split(/\s+/u).length,
					d.key
				).toBeLessThanOrEqual(40);
			}
	});
});

describe('values', () => {
	it('treats the same answer in another spelling or unit notation as the same', () => {
		expect(
			sameValue(
				{ kind: 'number', amount: 5100, unit: 'troops' },
				{ kind: 'number', amount: 5100, unit: 'soldiers' }
			)
		).toBe(true);
		expect(sameName('Emmanuel Macron', 'Macron')).toBe(true);
		expect(sameName('Operation Barkhane', 'barkhane')).toBe(true);
		expect(sameName('Maïkol Zodi', 'MAIKOL ZODI')).toBe(true);
		expect(sameName('EUTM Mali', 'EUTM')).toBe(true);
		expect(sameName('Niger', 'Nigeria')).toBe(false);
		expect(sameName('Mali', 'Somalia')).toBe(false);
		// A country by its other name is the same answer: "America" is no wrong option for the United States.
		expect(sameName('America', 'United States')).toBe(true);
		expect(sameName('Britain', 'United Kingdom')).toBe(true);
		expect(sameName('Holland', 'the Netherlands')).toBe(true);
		expect(sameName('America', 'United Kingdom')).toBe(false);
	});

	it('reads dates without a year against the article date, backwards for the past and forwards for plans', () => {
		expect(resolveDate('December', 'Macron said in ', '2020-01-13')).toEqual({
			date: '2019-12',
			inferred: true
		});
		expect(resolveDate('June', 'They will meet again in ', '2020-01-13')).toEqual({
			date: '2020-06',
			inferred: true
		});
		expect(
			resolveDate('March', 'Bazoum, who said the force would start work in ', '2023-01-17')
		).toEqual({ date: '2023-03', inferred: true });
		expect(
			resolveDate(
				'June',
				'the countries will have agreed to set out plans on how to remain in the region by ',
				'2022-02-17'
			)
		).toEqual({ date: '2022-06', inferred: true });
		expect(resolveDate('Monday', 'states agreed on ', '2020-01-13')).toEqual({
			date: '2020-01-13',
			inferred: true
		});
		expect(resolveDate('Wednesday', 'after a ', '2022-02-17')).toEqual({
			date: '2022-02-16',
			inferred: true
		});
		// The clause's own verb decides, not a "would" later in the sentence.
		expect(
			resolveDate(
				'Wednesday',
				'Bazoum said countries, including those in the coastal areas that participated in discussions on ',
				'2022-02-18'
			)
		).toEqual({ date: '2022-02-16', inferred: true });
		expect(resolveDate('August 15, 2022', '', '2022-01-01')).toEqual({
			date: '2022-08-15',
			inferred: false
		});
	});
});

describe('drafting a new article', () => {
	const text = [
		'Chad will send 1,200 soldiers to the tri-border area where Niger, Mali and Burkina Faso meet, its government said on Tuesday.',
		'The deployment was agreed at a meeting in Niamey with Niger’s President Mohamed Bazoum, who said the force would start work in March.',
		'France ended Operation Barkhane in 2022 after nine years in Mali, and some 3,000 French troops remain in the region.',
		'The European Takuba task force left Mali in June 2022, its members moving to Niger or going home.'
	].join('\n');
	const article = {
		slug: 't-chad',
		title: 'Chad sends soldiers',
		publisher: null,
		eventDate: '2023-01-17',
		text,
		furniture: []
	};
	let drafts: Draft[];
	beforeAll(() => {
		drafts = draftQuestions(article, bank);
	});

	it('asks for the count with the noun it counts, the key from the text, wrong options from the bank’s troop counts', () => {
		const d = drafts.find((x) => x.value?.kind === 'number' && x.value.amount === 1200)!;
		expect(d.question.prompt).toBe(
			'According to the report “Chad sends soldiers” (17 January 2023), how many soldiers will Chad send to the tri-border area where Niger, Mali and Burkina Faso meet, its government said on Tuesday?'
		);
		if (d.question.type !== 'single') throw new Error('single expected');
		const bankCounts = new Set(
			bank.facts.flatMap((f) => (f.value?.kind === 'number' ? [f.value.amount] : []))
		);
		// The article's other troop counts first (3,000 French troops), then the bank's.
		const articleCounts = new Set([3000]);
		const wrong = d.question.options.filter((o) => !o.correct);
		expect(wrong.map((o) => o.text)).toContain('3,000');
		for (const o of wrong) {
			const n = Number(o.text.replace(/,/gu, ''));
			expect(articleCounts.has(n) || bankCounts.has(n), o.text).toBe(true);
		}
		expect(d.similarTo).toEqual([]);
	});

	it('asks no weekday (not worth learning), nor a month without a year (its year would be the drafter’s guess)', () => {
		expect(
			drafts.some(
				(x) => x.kind === 'date' && x.value?.kind === 'date' && x.value.date === '2023-01-17'
			)
		).toBe(false);
		// "would start work in March", said in January 2023: the quote gives no year, so no date is asked (issue 16).
		const march = draftQuestions(
			{
				...article,
				slug: 't-march',
				text: 'The new joint force of the region would start work in March, its commanders said after long talks.'
			},
			bank
		).find((x) => x.value?.kind === 'date');
		expect(march).toBeUndefined();
	});

	it('never offers a name of the quoted sentence as a wrong option (it could be right too)', () => {
		for (const d of drafts) {
			if ((d.question.type !== 'single' && d.question.type !== 'multiple') || d.kind === 'timeline')
				continue;
			for (const o of d.question.options.filter((o) => !o.correct))
				expect(d.quote, `${d.key}: ${o.text}`).not.toContain(o.text);
		}
	});

	it('orders its dated events among the bank’s, each bank event cited and labelled without its date', () => {
		const timeline = drafts.find((x) => x.kind === 'timeline' && x.question.type === 'ordering')!;
		if (timeline.question.type !== 'ordering') throw new Error('ordering expected');
		expect(timeline.question.items).toContain('The European Takuba task force left Mali');
		expect(timeline.bankFacts.length).toBeGreaterThanOrEqual(3);
		for (const item of timeline.question.items) expect(item).not.toMatch(/\b(19|20)\d{2}\b/u);
		// Every event of another report is a bank fact the question cites.
		for (const e of timeline.events!.filter((x) => x.factId))
			expect(timeline.bankFacts).toContain(e.factId);
	});
});

describe('event labels of the bank (`event:` on a fact)', () => {
	it('stand only on facts whose quote alone states their date, name no date, and label events the drafter uses', () => {
		const labelled = bank.facts.filter((f) => f.event);
		expect(labelled.length).toBeGreaterThanOrEqual(2);
		for (const f of labelled) {
			const article = bank.articles.find((a) => a.slug === f.article)!;
			// The quote alone (its typed value set aside) dates the fact, and to the same date as the typed value.
			const fromWords = dateOfFact(
				{ id: f.id, article: f.article, quote: f.quote },
				article.eventDate,
				gazetteerOf(bank.facts)
			);
			expect(fromWords, `${f.id}: "${f.quote}" states no date`).not.toBeNull();
			if (f.value?.kind === 'date') expect(fromWords, f.id).toBe(f.value.date);
			expect(f.event, f.id).not.toMatch(
				/\b(19|20)\d{2}\b|\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b|\b(last|next) (week|month|year)\b/iu
			);
		}
		// The new events of the August 2022 report are put among the other reports' events.
		const used = new Set(
			[...allDraftsBySlug.values()].flat().flatMap((d) => (d.events ?? []).map((e) => e.label))
		);
		expect(used).toContain(
			'French officials tell reporters Niger will be the hub for French troops'
		);
		expect(used).toContain(
			'The French Presidency says France stays engaged in the Sahel and beyond'
		);
	});

	it('reads "last month" as the month before the report’s', () => {
		const g = gazetteerOf(bank.facts);
		expect(
			dateOfFact(
				{ id: 'x', article: 'a', quote: 'officials told reporters last month' },
				'2022-08-15',
				g
			)
		).toBe('2022-07');
		expect(
			dateOfFact(
				{ id: 'x', article: 'a', quote: 'officials told reporters last month' },
				'2023-01-17',
				g
			)
		).toBe('2022-12');
	});
});
