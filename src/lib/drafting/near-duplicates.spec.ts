import { describe, expect, it } from 'vitest';
import {
	answerKeyOf,
	findNearDuplicates,
	promptSimilarity,
	samePassage,
	type BankQuestionToCompare,
	type DraftToCompare
} from './near-duplicates.ts';

const TROOPS =
	'Chad will send 1,200 soldiers to the tri-border area, its government said on Tuesday.';
const MEETING =
	'The deployment was agreed at a meeting in Niamey with President Mohamed Bazoum, who said the force would start in March.';
const BARKHANE = 'France ended Operation Barkhane in 2022 after nine years in Mali.';

const at = (quote: string, start: number) => ({
	quote,
	span: { start, end: start + quote.length }
});

function draft(
	number: number,
	part: { quote: string; span: { start: number; end: number } },
	question: DraftToCompare['question'],
	more: Partial<DraftToCompare> = {}
): DraftToCompare {
	return { id: 100 + number, number, status: 'pending', ...part, question, ...more };
}

const single = (prompt: string, key: string, others = ['Mali', 'Niger', 'Senegal']) => ({
	type: 'single' as const,
	prompt,
	options: [{ text: key, correct: true }, ...others.map((text) => ({ text }))]
});
const trueFalse = (prompt: string) => ({ type: 'true_false' as const, prompt, answer: true });

const troops = { kind: 'number', amount: 1200, unit: 'soldiers' } as const;
const chad = { kind: 'place', name: 'Chad' } as const;

describe('answer keys', () => {
	it('compare what a question asks for, not how it is written', () => {
		expect(answerKeyOf(single('?', 'Opération  Barkhane!'))).toBe('operation barkhane');
		expect(
			answerKeyOf({
				type: 'multiple',
				prompt: '?',
				options: [
					{ text: 'Niger', correct: true },
					{ text: 'Chad' },
					{ text: 'Mali', correct: true }
				]
			})
		).toBe(
			answerKeyOf({
				type: 'multiple',
				prompt: '?',
				options: [
					{ text: 'mali', correct: true },
					{ text: 'Benin' },
					{ text: 'Niger', correct: true }
				]
			})
		);
		expect(answerKeyOf({ type: 'numeric', prompt: '?', answer: 1200, unit: 'soldiers' })).toBe(
			answerKeyOf({ type: 'numeric', prompt: '?', answer: 1200, unit: 'Soldier' })
		);
		expect(answerKeyOf({ type: 'ordering', prompt: '?', items: ['A', { text: 'B' }] })).not.toBe(
			answerKeyOf({ type: 'ordering', prompt: '?', items: ['B', 'A'] })
		);
		// Every other true/false question is "true": a shared key means nothing there.
		expect(answerKeyOf(trueFalse('Chad sends troops.'))).toBeNull();
	});

	it('measure prompts by their content words and passages by their runs of words', () => {
		expect(
			promptSimilarity(
				'How many soldiers will Chad send to the tri-border area?',
				'Chad will send ____ soldiers to the tri-border area, its government said.'
			)
		).toBeGreaterThan(0.7);
		expect(
			promptSimilarity('How many soldiers will Chad send?', 'Where was the deployment agreed?')
		).toBeLessThan(0.2);
		expect(samePassage(`“${TROOPS}”`, TROOPS.replace('Tuesday', ' Tuesday'))).toBe(true);
		expect(samePassage(TROOPS, MEETING)).toBe(false);
	});
});

describe('near-duplicates among an article’s drafts', () => {
	it('flags the later of two questions on one fact, with the number of the first', () => {
		const gap = draft(1, at(TROOPS, 0), single('Chad will send ____ soldiers.', '1,200'), {
			value: troops
		});
		const tf = draft(2, at(TROOPS, 0), trueFalse('Chad will send 1,200 soldiers.'), {
			value: troops
		});
		const found = findNearDuplicates([gap, tf], []);
		expect(found.has(gap.id)).toBe(false);
		expect(found.get(tf.id)).toEqual([
			{ of: 'draft', id: gap.id, number: 1, prompt: gap.question.prompt, why: 'same-fact' }
		]);
	});

	it('tells a second question on the same passage from a second question on the same fact', () => {
		const howMany = draft(1, at(TROOPS, 0), single('How many soldiers will Chad send?', '1,200'), {
			value: troops
		});
		const who = draft(2, at(TROOPS, 0), single('Which country will send soldiers?', 'Chad'), {
			value: chad
		});
		expect(
			findNearDuplicates([howMany, who], [])
				.get(who.id)
				?.map((m) => m.why)
		).toEqual(['same-passage']);
	});

	it('flags two gap-fills of one sentence asking different values: each shows the other its answer', () => {
		const gapFill = (shown: string, key: string) =>
			single(`Complete the sentence: “${shown}”`, key, ['400', '2,000', '600']);
		const howMany = draft(1, at(TROOPS, 0), gapFill(TROOPS.replace('1,200', '_____'), '1,200'), {
			value: troops
		});
		const who = draft(2, at(TROOPS, 0), gapFill(TROOPS.replace('Chad', '_____'), 'Chad'), {
			value: chad
		});
		expect(
			findNearDuplicates([howMany, who], [])
				.get(who.id)
				?.map((m) => m.why)
		).toEqual(['gives-away']);
	});

	it('flags the same key asked in mostly the same words from another passage, not a different question with that key', () => {
		const first = draft(1, at(TROOPS, 0), single('How many soldiers will Chad send?', '1,200'));
		const again = draft(
			2,
			at(MEETING, 200),
			single('How many soldiers will Chad send to the border?', '1,200')
		);
		const other = draft(
			3,
			at(BARKHANE, 400),
			single('How many years was Operation Barkhane in Mali?', '1,200')
		);
		const found = findNearDuplicates([first, again, other], []);
		expect(found.get(again.id)?.map((m) => [m.why, m.of === 'draft' && m.number])).toEqual([
			['same-question', 1]
		]);
		expect(found.has(other.id)).toBe(false);
	});

	it('does not take a timeline for the same fact as a question on one of its events, or as another timeline of other events', () => {
		const when = draft(
			1,
			at(BARKHANE, 0),
			single('When did France end Operation Barkhane?', '2022'),
			{
				value: { kind: 'date', date: '2022' }
			}
		);
		const timeline = draft(
			2,
			at(BARKHANE, 0),
			{
				type: 'ordering',
				prompt: 'Put these events in the order they happened.',
				items: ['Barkhane begins', 'France ends Operation Barkhane']
			},
			{ value: { kind: 'date', date: '2022' } }
		);
		expect(
			findNearDuplicates([when, timeline], [])
				.get(timeline.id)
				?.map((m) => m.why)
		).toEqual(['same-passage']);
		const another = draft(
			4,
			at(BARKHANE, 0),
			{
				type: 'ordering',
				prompt: 'Put these in time order.',
				items: ['France ends Operation Barkhane', 'Takuba leaves Mali']
			},
			{ value: { kind: 'date', date: '2022' } }
		);
		expect(
			findNearDuplicates([timeline, another], [])
				.get(another.id)
				?.map((m) => m.why)
		).toEqual(['same-passage']);
		const first = draft(
			3,
			at(BARKHANE, 0),
			single('Which of these happened first?', 'France ends Operation Barkhane'),
			{ value: { kind: 'date', date: '2022' }, timeline: true }
		);
		expect(
			findNearDuplicates([when, first], [])
				.get(first.id)
				?.map((m) => m.why)
		).toEqual(['same-passage']);
	});

	it('never pairs two true/false questions of different passages by their shared "true"', () => {
		const a = draft(1, at(TROOPS, 0), trueFalse('Chad will send soldiers to the tri-border area.'));
		const b = draft(
			2,
			at(BARKHANE, 400),
			trueFalse('Chad will send soldiers to the tri-border area soon.')
		);
		expect(findNearDuplicates([a, b], []).size).toBe(0);
	});

	it('counts accepted drafts as kept, rejected ones as gone, and flags only drafts still waiting', () => {
		const rejected = draft(1, at(TROOPS, 0), single('Chad will send ____ soldiers.', '1,200'), {
			status: 'rejected',
			value: troops
		});
		const waiting = draft(2, at(TROOPS, 0), trueFalse('Chad will send 1,200 soldiers.'), {
			value: troops
		});
		const acceptedLater = draft(
			3,
			at(MEETING, 200),
			single('Where was the deployment agreed?', 'Niamey')
		);
		const waitingLater = draft(
			4,
			at(MEETING, 200),
			single('Where was the deal agreed?', 'Niamey'),
			{
				status: 'accepted'
			}
		);
		const found = findNearDuplicates([rejected, waiting, acceptedLater, waitingLater], []);
		expect(found.has(waiting.id)).toBe(false);
		// Draft 3 waits and draft 4, later but accepted, is kept: draft 3 is the extra one.
		expect(found.get(acceptedLater.id)?.map((m) => m.of === 'draft' && m.number)).toEqual([4]);
		expect(found.has(waitingLater.id)).toBe(false);
	});

	it('lists every near-duplicate of a draft, the strongest first', () => {
		const passageOnly = draft(1, at(TROOPS, 0), single('Which country sends soldiers?', 'Chad'), {
			value: chad
		});
		const sameFact = draft(2, at(TROOPS, 0), single('Chad will send ____ soldiers.', '1,200'), {
			value: troops
		});
		const last = draft(3, at(TROOPS, 0), trueFalse('Chad will send 1,200 soldiers.'), {
			value: troops
		});
		expect(
			findNearDuplicates([passageOnly, sameFact, last], [])
				.get(last.id)
				?.map((m) => [m.why, m.of === 'draft' && m.number])
		).toEqual([
			['same-fact', 2],
			['same-passage', 1]
		]);
	});
});

describe('near-duplicates of the bank’s questions', () => {
	const bankQuestion = (
		id: string,
		question: BankQuestionToCompare['question'],
		facts: BankQuestionToCompare['facts']
	): BankQuestionToCompare => ({ id, question, facts });

	it('flags a draft quoting a bank fact’s words (whatever the quote marks and spacing) and asking its value', () => {
		const bank = [
			bankQuestion('chad-troops', single('How many soldiers did Chad pledge?', '1,200'), [
				{ quote: `  ${TROOPS.replace('tri-border', '“tri-border”')}`, value: troops }
			]),
			bankQuestion('chad-where', single('Where did Chad send soldiers?', 'the tri-border area'), [
				{ quote: TROOPS }
			]),
			bankQuestion('barkhane-end', single('When did Barkhane end?', '2022'), [{ quote: BARKHANE }])
		];
		const d = draft(1, at(TROOPS, 0), trueFalse('Chad will send 1,200 soldiers.'), {
			value: troops
		});
		expect(
			findNearDuplicates([d], bank)
				.get(d.id)
				?.map((m) => [m.of, m.id, m.why])
		).toEqual([
			['bank', 'chad-troops', 'same-fact'],
			['bank', 'chad-where', 'same-passage']
		]);
	});

	it('flags a draft with a bank question’s key and mostly its words, and the questions the drafter already named', () => {
		const bank = [
			bankQuestion('barkhane-years', single('How many years did Operation Barkhane last?', '9'), [
				{ quote: 'Barkhane, launched in 2014, ended in 2022.' }
			]),
			bankQuestion('other-nine', single('How many ministers resigned?', '9'), [
				{ quote: 'Nine ministers resigned.' }
			]),
			bankQuestion('named', single('Which operation did France end?', 'Barkhane'), [
				{ quote: 'Something else entirely.' }
			])
		];
		const d = draft(1, at(BARKHANE, 0), single('How many years did Barkhane last in Mali?', '9'), {
			similarTo: ['named']
		});
		expect(
			findNearDuplicates([d], bank)
				.get(d.id)
				?.map((m) => [m.id, m.why])
		).toEqual([
			['named', 'same-fact'],
			['barkhane-years', 'same-question']
		]);
	});
});
