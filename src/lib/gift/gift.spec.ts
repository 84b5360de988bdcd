import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBankFromDir } from '../bank/load-from-disk.ts';
import { stableChoiceId } from '../bank/stable-id.ts';
import type { Question } from '../bank/types.ts';
import { escapeGift, exportGift, GiftExportError } from './export.ts';
import { generateParserSource, PARSER_FILE } from '../../../scripts/generate-gift-parser.ts';
import { categoryTags, importGift, ordinalRank, slugify, type ImportedQuestion } from './import.ts';

const PREFIX = 't';

/** Imports a fixture that must give exactly one question and no problem. */
function one(gift: string): ImportedQuestion {
	const { questions, problems } = importGift(gift, { idPrefix: PREFIX });
	expect(problems).toEqual([]);
	expect(questions).toHaveLength(1);
	return questions[0];
}

/** What every imported question has unless a fixture says otherwise. */
function expected(
	fields: Partial<ImportedQuestion> & Pick<ImportedQuestion, 'id' | 'type' | 'prompt'>
): ImportedQuestion {
	return {
		explanation: '',
		facts: [],
		cited: false,
		tags: [],
		difficulty: 2,
		title: null,
		optionFeedback: {},
		line: 1,
		notes: [],
		...fields
	} as ImportedQuestion;
}

const option = (id: string, text: string, correct = false) => ({
	id: stableChoiceId(id, text),
	text,
	correct
});

describe('the generated parser', () => {
	it('is up to date with the grammar gift.peggy (regenerate with `npm run gift:parser`)', () => {
		expect(fs.readFileSync(PARSER_FILE, 'utf8')).toBe(generateParserSource());
	});
});

// One fixture per feature of the Moodle GIFT documentation (docs.moodle.org/en/GIFT_format), mostly its own examples.
describe('importGift: the features of the GIFT documentation', () => {
	it('multiple choice: ~wrong =right, one right answer → single', () => {
		expect(one("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}")).toEqual(
			expected({
				id: 't-1',
				type: 'single',
				prompt: "Who's buried in Grant's tomb?",
				options: [option('t-1', 'Grant'), option('t-1', 'Jefferson'), option('t-1', 'no one', true)]
			})
		);
	});

	it('missing word: answers inside the sentence become a _____ blank', () => {
		const q = one("Grant is {~buried =entombed ~living} in Grant's tomb.");
		expect(q.prompt).toBe("Grant is _____ in Grant's tomb.");
		expect(q.type).toBe('single');
		// Answers at the very start of the text: the blank starts the sentence.
		expect(one('{=Asia ~Africa} is the largest continent in the world.').prompt).toBe(
			'_____ is the largest continent in the world.'
		);
	});

	it('multi-line questions: answers on their own lines, indented, and text after the answers', () => {
		const q = one(
			[
				'The American holiday of Thanksgiving is celebrated on the {',
				'    ~second',
				'    ~third',
				'    =fourth',
				'} Thursday of November.'
			].join('\n')
		);
		expect(q).toEqual(
			expected({
				id: 't-1',
				type: 'single',
				prompt:
					'The American holiday of Thanksgiving is celebrated on the _____ Thursday of November.',
				options: [option('t-1', 'second'), option('t-1', 'third'), option('t-1', 'fourth', true)]
			})
		);
		// A question text over several lines keeps its line breaks (Moodle keeps them too).
		expect(
			one(
				'Japanese characters originally\ncame from what country? {\n  ~India\n  =China\n  ~Korea\n  ~Egypt}'
			).prompt
		).toBe('Japanese characters originally\ncame from what country?');
	});

	it('short answer: {=a =b} lists every accepted answer', () => {
		expect(one("Who's buried in Grant's tomb?{=no one =nobody}")).toEqual(
			expected({
				id: 't-1',
				type: 'short_text',
				prompt: "Who's buried in Grant's tomb?",
				accepted: ['no one', 'nobody']
			})
		);
		expect(one('Two plus two equals {=four =4}.')).toMatchObject({
			prompt: 'Two plus two equals _____.',
			accepted: ['four', '4']
		});
	});

	it('short answer: a single answer may be written without =', () => {
		expect(one('The capital of Niger is {Niamey}')).toMatchObject({
			type: 'short_text',
			accepted: ['Niamey']
		});
		// …as long as it cannot be read as true/false: {T} is true/false, {Tokyo} a short answer.
		expect(one('Which city is the capital of Japan? {Tokyo}')).toMatchObject({
			type: 'short_text',
			accepted: ['Tokyo']
		});
	});

	it('true/false: {T} {TRUE} {F} {FALSE}', () => {
		expect(one("Grant is buried in Grant's tomb.{F}")).toEqual(
			expected({
				id: 't-1',
				type: 'true_false',
				prompt: "Grant is buried in Grant's tomb.",
				answer: false
			})
		);
		expect(one('The sun rises in the east.{T}')).toMatchObject({
			type: 'true_false',
			answer: true
		});
		expect(one('The sun rises in the east.{TRUE}')).toMatchObject({
			type: 'true_false',
			answer: true
		});
		expect(one('The sun rises in the west.{FALSE}')).toMatchObject({
			type: 'true_false',
			answer: false
		});
		// The doc's own first example has an unescaped = in the question text, which Moodle accepts.
		expect(one('::Q1:: 1+1=2 {T}')).toMatchObject({ prompt: '1+1=2', answer: true, title: 'Q1' });
	});

	it('true/false feedback: {TRUE#shown when the answer is wrong#shown when it is right}', () => {
		const q = one(
			'Grant was buried in a tomb in New York City.{TRUE#No, he was buried in Ohio.#Yes, he was.}'
		);
		expect(q.optionFeedback).toEqual({ false: 'No, he was buried in Ohio.', true: 'Yes, he was.' });
		const f = one(
			'The Sahel is a desert.{FALSE#It is the belt south of the Sahara.#Right: it borders the desert.}'
		);
		expect(f.optionFeedback).toEqual({
			true: 'It is the belt south of the Sahara.',
			false: 'Right: it borders the desert.'
		});
	});

	it('numeric: {#answer:tolerance}', () => {
		expect(one('When was Ulysses S. Grant born?{#1822:5}')).toEqual(
			expected({
				id: 't-1',
				type: 'numeric',
				prompt: 'When was Ulysses S. Grant born?',
				answer: 1822,
				tolerance: 5,
				unit: ''
			})
		);
		expect(one('What is the value of pi (to 3 decimal places)? {#3.1415:0.0005}.')).toMatchObject({
			answer: 3.1415,
			tolerance: 0.0005
		});
		expect(one('How many? {#12}')).toMatchObject({ answer: 12, tolerance: 0 });
		expect(one('How cold? {#-3.5:0.5}')).toMatchObject({ answer: -3.5, tolerance: 0.5 });
	});

	it('numeric: {#low..high} → the midpoint with half the width as tolerance', () => {
		expect(one('What is the value of pi (to 3 decimal places)? {#3.141..3.142}.')).toMatchObject({
			type: 'numeric',
			prompt: 'What is the value of pi (to 3 decimal places)? _____.',
			answer: 3.1415,
			tolerance: 0.0005
		});
		expect(one('::Q6:: What is a number from 1 to 5? {#1..5}')).toMatchObject({
			answer: 3,
			tolerance: 2
		});
	});

	it('numeric: several answers with weights keep the 100% one, with its feedback', () => {
		const q = one(
			[
				'When was Ulysses S. Grant born? {#',
				'    =%50%1822:2 # He was born in 1822. Half credit for being close.',
				'    =1822:0      # Correct! Full credit.',
				'    ~#Not even close.',
				'}'
			].join('\n')
		);
		expect(q).toEqual(
			expected({
				id: 't-1',
				type: 'numeric',
				prompt: 'When was Ulysses S. Grant born?',
				answer: 1822,
				tolerance: 0,
				unit: '',
				optionFeedback: { right: 'Correct! Full credit.', wrong: 'Not even close.' },
				notes: ['the answer 1822:2 (50%) is dropped: our numeric questions have one answer']
			})
		);
	});

	it('percentage weights without = → multiple, the options with a positive weight are right', () => {
		const q = one(
			[
				"What two people are entombed in Grant's tomb? {",
				'   ~%-100%No one',
				'   ~%50%Grant',
				"   ~%50%Grant's wife",
				"   ~%-100%Grant's father",
				'}'
			].join('\n')
		);
		expect(q).toEqual(
			expected({
				id: 't-1',
				type: 'multiple',
				prompt: "What two people are entombed in Grant's tomb?",
				options: [
					option('t-1', 'No one'),
					option('t-1', 'Grant', true),
					option('t-1', "Grant's wife", true),
					option('t-1', "Grant's father")
				]
			})
		);
	});

	it('percentage weights beside an = → single; the partial credit is noted, not kept', () => {
		const q = one(
			'Jesus Christ was from {\n   ~Jerusalem\n   ~%25%Bethlehem\n   ~%50%Galilee\n   =Nazareth\n}'
		);
		expect(q.type).toBe('single');
		expect(q.type === 'single' && q.options.filter((o) => o.correct).map((o) => o.text)).toEqual([
			'Nazareth'
		]);
		expect(q.notes).toEqual([
			'"Bethlehem" earned 25% in GIFT; here it counts as a wrong answer',
			'"Galilee" earned 50% in GIFT; here it counts as a wrong answer'
		]);
	});

	it('per-answer feedback (#…) is kept by option id; the title (::…::) is kept; // comments are ignored', () => {
		const gift = [
			'// question: 1 name: Grants tomb',
			"::Grants tomb::Who is buried in Grant's tomb in New York City? {",
			'=Grant',
			'~No one',
			"#Was true for 12 years, but Grant's remains were buried in the tomb in 1897",
			'~Napoleon',
			'#He was buried in France',
			'// a comment line inside the answers is ignored too',
			'~Churchill',
			'#He was buried in England',
			'~Mother Teresa',
			'#She was buried in India',
			'}'
		].join('\n');
		const id = 't-grants-tomb';
		expect(one(gift)).toEqual(
			expected({
				id,
				type: 'single',
				title: 'Grants tomb',
				line: 2,
				prompt: "Who is buried in Grant's tomb in New York City?",
				options: [
					option(id, 'Grant', true),
					option(id, 'No one'),
					option(id, 'Napoleon'),
					option(id, 'Churchill'),
					option(id, 'Mother Teresa')
				],
				optionFeedback: {
					[stableChoiceId(id, 'No one')]:
						"Was true for 12 years, but Grant's remains were buried in the tomb in 1897",
					[stableChoiceId(id, 'Napoleon')]: 'He was buried in France',
					[stableChoiceId(id, 'Churchill')]: 'He was buried in England',
					[stableChoiceId(id, 'Mother Teresa')]: 'She was buried in India'
				}
			})
		);
	});

	it('the doc’s short examples: feedback on one line, a translated answer list', () => {
		const q = one(
			"::Q2:: What's between orange and green in the spectrum?\n{ =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }"
		);
		expect(q.type === 'single' && q.options.map((o) => [o.text, o.correct])).toEqual([
			['yellow', true],
			['red', false],
			['blue', false]
		]);
		expect(Object.values(q.optionFeedback)).toEqual([
			'right; good!',
			"wrong, it's yellow",
			"wrong, it's yellow"
		]);
		expect(one('::Q3:: Two plus {=two =2} equals four.')).toMatchObject({
			prompt: 'Two plus _____ equals four.',
			accepted: ['two', '2']
		});
	});

	it('general feedback (####…) → explanation, for every type', () => {
		expect(
			one("How are you doing? {=fine ~badly ####We hope you're feeling well.}").explanation
		).toBe("We hope you're feeling well.");
		expect(
			one(
				'The Niger river flows through Mali. {T####It flows through Guinea, Mali, Niger, Benin and Nigeria.}'
			).explanation
		).toBe('It flows through Guinea, Mali, Niger, Benin and Nigeria.');
		expect(one('Year? {#2013:0####Serval began in January 2013.}').explanation).toBe(
			'Serval began in January 2013.'
		);
		expect(one('Capital of Mali? {=Bamako =Bamako! ####Bamako, on the Niger.}')).toMatchObject({
			explanation: 'Bamako, on the Niger.',
			accepted: ['Bamako'],
			notes: [
				'"Bamako!" is the same answer as "Bamako" here (case, accents and punctuation do not count)'
			]
		});
		expect(one('Capital of Mali? {=Bamako}').explanation).toBe('');
	});

	it('matching with ordinal right-hand sides (1, 2, 3… or first, second…) → ordering, in that order', () => {
		const q = one(
			[
				'::Operations::Put the French operations in order. {',
				'=Barkhane -> 2',
				'=Serval -> 1',
				'=Sabre -> 3',
				'####Serval came first.',
				'}'
			].join('\n')
		);
		const id = 't-operations';
		expect(q).toEqual(
			expected({
				id,
				title: 'Operations',
				type: 'ordering',
				prompt: 'Put the French operations in order.',
				explanation: 'Serval came first.',
				items: ['Serval', 'Barkhane', 'Sabre'].map((text) => ({
					id: stableChoiceId(id, text),
					text
				}))
			})
		);
		const words = one('Order these. {=c -> Third =a -> first =b -> second}');
		expect(words.type === 'ordering' && words.items.map((i) => i.text)).toEqual(['a', 'b', 'c']);
		const suffixes = one('Order these. {=c -> 3rd =a -> 1st =b -> 2nd =d -> 4th}');
		expect(suffixes.type === 'ordering' && suffixes.items.map((i) => i.text)).toEqual([
			'a',
			'b',
			'c',
			'd'
		]);
	});

	it('format markers [html] [markdown] [plain] [moodle] are read, and the text kept as written', () => {
		const q = one('[html]Is <b>Niamey</b> the capital of Niger?{T}');
		expect(q).toMatchObject({ prompt: 'Is <b>Niamey</b> the capital of Niger?', answer: true });
		expect(q.notes).toEqual(['the question text is written in html; it is kept as written']);
		expect(one('[plain]Capital? {=[plain]Niamey ~[markdown]*Bamako*}')).toMatchObject({
			prompt: 'Capital?',
			options: [option('t-1', 'Niamey', true), option('t-1', '*Bamako*')]
		});
	});
});

describe('importGift: escapes, comments, categories, ids', () => {
	it('unescapes \\~ \\= \\# \\{ \\} \\: and \\\\, and reads \\n as a line break', () => {
		const q = one(
			[
				'::Escapes\\: all of them::Which is \\{right\\}\\: a\\~b, a\\=c or \\#1? {',
				'=a\\~b # yes\\: \\~ is a tilde',
				'~a\\=c',
				'~\\#1',
				'####Backslash \\\\ stays one; line\\nbreak.',
				'}'
			].join('\n')
		);
		expect(q.title).toBe('Escapes: all of them');
		expect(q.prompt).toBe('Which is {right}: a~b, a=c or #1?');
		expect(q.type === 'single' && q.options.map((o) => [o.text, o.correct])).toEqual([
			['a~b', true],
			['a=c', false],
			['#1', false]
		]);
		expect(Object.values(q.optionFeedback)).toEqual(['yes: ~ is a tilde']);
		expect(q.explanation).toBe('Backslash \\ stays one; line\nbreak.');
		expect(one('1 + 2 \\= {3}')).toMatchObject({ prompt: '1 + 2 =', accepted: ['3'] });
		expect(
			one(
				'The largest desert on Earth is\\: {\n=Antarctica\n~Sahara Desert\n~Australian Desert\n~Arabian Desert\n}'
			).prompt
		).toBe('The largest desert on Earth is:');
	});

	it('$CATEGORY: tags the questions after it (its own path parts, slugified) until the next category', () => {
		const gift = [
			'$CATEGORY: $course$/top/Sahel Crisis/Mali',
			'',
			'Is Bamako the capital of Mali? {T}',
			'',
			'// [tag:Capitals] [tag:Geography quiz]',
			'Is Niamey the capital of Mali? {F}',
			'',
			'$CATEGORY: tom/dick//harry',
			'',
			'Is Ouagadougou in Burkina Faso? {T}'
		].join('\n');
		const { questions, problems } = importGift(gift, { idPrefix: PREFIX });
		expect(problems).toEqual([]);
		expect(questions.map((q) => [q.id, q.line, q.tags])).toEqual([
			['t-1', 3, ['sahel-crisis', 'mali']],
			['t-2', 6, ['sahel-crisis', 'mali', 'capitals', 'geography-quiz']],
			['t-3', 10, ['tom', 'dick-harry']]
		]);
		expect(categoryTags(['$system$', 'top', 'Default for System', 'Égypte ancienne'])).toEqual([
			'egypte-ancienne'
		]);
	});

	it('ignores // comment lines anywhere, and blocks that are only comments', () => {
		const gift = [
			'// header',
			'// more header',
			'',
			'// before',
			'Is Mali landlocked? {',
			'// inside',
			'T',
			'}',
			'// after',
			'',
			'// trailing'
		].join('\n');
		expect(one(gift)).toMatchObject({
			type: 'true_false',
			answer: true,
			line: 5,
			prompt: 'Is Mali landlocked?'
		});
	});

	it('reads Windows line breaks, a byte-order mark and whitespace-only separator lines', () => {
		const { questions, problems } = importGift(
			'\uFEFF::A::Q one? {T}\r\n   \t\r\n::B::Q two? {F}\r\n',
			{ idPrefix: PREFIX }
		);
		expect(problems).toEqual([]);
		expect(questions.map((q) => [q.id, q.prompt, q.line])).toEqual([
			['t-a', 'Q one?', 1],
			['t-b', 'Q two?', 3]
		]);
	});

	it('ids are `${idPrefix}-${slug(title) or position}`, made unique', () => {
		const gift = [
			'::Où est Niamey ?::Q? {T}',
			'::Où est Niamey ?::Q again? {T}',
			'No title? {T}',
			'::!!!::Only punctuation in the title? {F}'
		].join('\n\n');
		const { questions } = importGift(gift, { idPrefix: 'Teacher Bank' });
		expect(questions.map((q) => q.id)).toEqual([
			'teacher-bank-ou-est-niamey',
			'teacher-bank-ou-est-niamey-2',
			'teacher-bank-3',
			'teacher-bank-4'
		]);
		expect(slugify('  Opération Barkhane — 2014 ')).toBe('operation-barkhane-2014');
	});

	it('every question is not yet cited, difficulty 2', () => {
		const q = one('Q? {T}');
		expect(q).toMatchObject({ facts: [], cited: false, difficulty: 2 });
	});
});

describe('importGift: what cannot be imported is listed with its line and reason; the rest imports', () => {
	const gift = [
		'// A teacher file with one of everything that cannot come in.', // 1
		'', // 2
		'::Good 1::Is Mali in the Sahel? {T}', // 3
		'', // 4
		'::Essay::Write a short biography of Dag Hammarskjöld. {}', // 5
		'', // 6
		'::Essay with feedback::How are you? {', // 7
		"####We hope you're feeling well.", // 8
		'}', // 9
		'', // 10
		'You can use your pencil and paper for these next math questions.', // 11
		'', // 12
		'::Capitals::Match the following countries with their corresponding capitals. {', // 13
		'   =Canada -> Ottawa', // 14
		'   =Italy  -> Rome', // 15
		'   =Japan  -> Tokyo', // 16
		"   =India  -> New Delhi ####It's good to know the capitals", // 17
		'}', // 18
		'', // 19
		'::Unclosed::Which city is the capital of Niger? {', // 20
		'   =Niamey', // 21
		'   ~Bamako', // 22
		'', // 23
		'::Good 2::Which city is the capital of Niger? {=Niamey ~Bamako ~Dakar}', // 24
		'', // 25
		'::Two sections::Mali {T} and Niger {T}', // 26
		'', // 27
		'::Bad weight::Pick {', // 28
		'// a comment shifts nothing', // 29
		'~%150%a', // 30
		'~b}', // 31
		'', // 32
		'::Bad range::Number? {#5..1}', // 33
		'', // 34
		'::Not ordinal::Order {=a -> 1 =b -> 1 =c -> 2}', // 35
		'', // 36
		'::Two right::Pick one {=a =b ~c}', // 37
		'', // 38
		'::Good 3::How many French troops were in the Sahel in 2020? {#5100:100}' // 39
	].join('\n');

	const { questions, problems } = importGift(gift, { idPrefix: PREFIX });

	it('imports the good questions', () => {
		expect(questions.map((q) => [q.id, q.line])).toEqual([
			['t-good-1', 3],
			['t-good-2', 24],
			['t-good-3', 39]
		]);
	});

	it('lists each bad question with its line and reason', () => {
		expect(problems).toEqual([
			{
				line: 5,
				reason: 'an essay question (a free-text answer marked by hand) cannot be held by our types'
			},
			{
				line: 7,
				reason: 'an essay question (a free-text answer marked by hand) cannot be held by our types'
			},
			{
				line: 11,
				reason: 'a description (text without an answer section in { }) is not a question'
			},
			{
				line: 13,
				reason:
					'matching cannot be held by our types (only a matching whose right-hand sides are 1, 2, 3… or first, second… in full becomes an ordering)'
			},
			{ line: 20, reason: 'syntax error: the answer section opened with { is not closed with }' },
			{
				line: 26,
				reason: 'syntax error: a question has one answer section in { }, and this is a second one'
			},
			{ line: 30, reason: 'syntax error: the weight 150% is outside -100% to 100%' },
			{
				line: 33,
				reason: 'syntax error: the range 5..1 runs backwards: write the lower bound first'
			},
			{
				line: 35,
				reason:
					'matching cannot be held by our types (only a matching whose right-hand sides are 1, 2, 3… or first, second… in full becomes an ordering)'
			},
			{
				line: 37,
				reason:
					'2 answers are marked right in a one-answer question; our single choice has exactly one right answer'
			}
		]);
	});

	it('reports other syntax errors on the line they start', () => {
		const cases: [string, number, string][] = [
			['Q? {T}\nstray } here', 2, 'this closing brace closes no answer section'],
			['::Title never closed\nQ? {T}', 1, 'the title opened with :: is not closed with ::'],
			['$CATEGORY: a/b\nQ? {T}', 1, '$CATEGORY must stand alone'],
			['Q? {=a ~}', 1, 'the answers between { and } match no GIFT question type'],
			['Q? {#}', 1, 'the answers between { and } match no GIFT question type'],
			['Q? {=a -> 1 =b}', 1, 'the answers between { and } match no GIFT question type']
		];
		for (const [source, line, reason] of cases) {
			const result = importGift(`Fine? {T}\n\n${source}\n\nAlso fine? {F}`, { idPrefix: PREFIX });
			expect(
				result.questions.map((q) => q.prompt),
				source
			).toEqual(['Fine?', 'Also fine?']);
			expect(result.problems, source).toHaveLength(1);
			expect(result.problems[0].line, source).toBe(line + 2);
			expect(result.problems[0].reason, source).toContain(reason);
		}
	});

	it('refuses a question of more than 20 answers, on its line, and imports the rest', () => {
		const options = (n: number) =>
			Array.from({ length: n }, (_, i) => `${i === 0 ? '=' : '~'}option ${i}`).join(' ');
		const result = importGift(
			`Twenty? {${options(20)}}\n\nToo many? {${options(1_000)}}\n\nAfter? {T}`,
			{ idPrefix: PREFIX }
		);
		expect(result.questions.map((q) => q.prompt)).toEqual(['Twenty?', 'After?']);
		expect(result.problems).toEqual([
			{ line: 3, reason: 'the question has 1,000 answers; at most 20 are allowed' }
		]);
	});

	it('refuses what our types cannot hold whole rather than half', () => {
		const cases: [string, string][] = [
			['Order {=a -> 1 =b -> 2}', 'an ordering needs at least three items'],
			['Order {= -> 1 =a -> 2 =b -> 3}', 'matching cannot be held'],
			['Pick {~%50%a ~%50%b}', 'every answer has a positive weight'],
			['Pick {~a ~b}', 'no answer has a positive weight'],
			['Pick {~a =b ~a}', 'the answer "a" appears twice'],
			['Pick {~%50%a =%50%b}', 'no answer earns full marks'],
			['Name {=%50%x}', 'no answer earns full marks (100%)'],
			['Number {#=%50%5:1}', 'no numeric answer earns full marks'],
			['{T}', 'the question has no text']
		];
		for (const [source, reason] of cases) {
			const result = importGift(source, { idPrefix: PREFIX });
			expect(result.questions, source).toEqual([]);
			expect(result.problems, source).toEqual([
				{ line: 1, reason: expect.stringContaining(reason) }
			]);
		}
	});
});

describe('ordinalRank', () => {
	it('reads 1, 1., 1st, first; nothing else', () => {
		expect(['1', '2.', '3rd', 'Fourth', 'twelfth'].map(ordinalRank)).toEqual([1, 2, 3, 4, 12]);
		expect(['Ottawa', '', 'one', '1 2'].map(ordinalRank)).toEqual([null, null, null, null]);
	});
});

describe('exportGift', () => {
	const base = { explanation: 'Because.', facts: ['f1'], tags: [], difficulty: 2 as const };
	const withOptions = (
		id: string,
		type: 'single' | 'multiple',
		texts: [string, boolean][]
	): Question => ({
		...base,
		id,
		type,
		prompt: 'Pick?',
		options: texts.map(([text, correct]) => ({ id: stableChoiceId(id, text), text, correct }))
	});

	it('escapes the special characters and line breaks', () => {
		expect(escapeGift('a~b=c#d{e}f:g\\h\ni')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni');
		expect(escapeGift('[html] is a tag name')).toBe('[moodle][html] is a tag name');
	});

	it('writes each type as GIFT, with the id as title and explanation plus quotes as general feedback', () => {
		const questions: Question[] = [
			withOptions('s', 'single', [
				['Bamako', true],
				['Niamey', false]
			]),
			withOptions('m', 'multiple', [
				['a', true],
				['b', true],
				['c', true],
				['d', false],
				['e', false]
			]),
			{
				...base,
				id: 'tf',
				type: 'true_false',
				prompt: 'Time: 1pm?',
				answer: true,
				tags: ['mali', 'dates']
			},
			{
				...base,
				id: 'n',
				type: 'numeric',
				prompt: 'How many?',
				answer: 2400,
				tolerance: 0,
				unit: 'troops'
			},
			{ ...base, id: 'st', type: 'short_text', prompt: 'Name?', accepted: ['Serval', '%Barkhane'] },
			{
				...base,
				id: 'o',
				type: 'ordering',
				prompt: 'Order?',
				explanation: '',
				items: ['x', 'y', 'z'].map((text) => ({ id: text, text }))
			}
		];
		const out = exportGift(
			questions,
			new Map([['s', ['the capital, Bamako', 'a second “quote”']]])
		);
		expect(out).toContain(
			[
				'::s::Pick? {',
				'\t=Bamako',
				'\t~Niamey',
				'\t####Because.\\n\\n"the capital, Bamako"\\n\\n"a second “quote”"',
				'}'
			].join('\n')
		);
		expect(out).toContain(
			[
				'::m::Pick? {',
				'\t~%33.33333%a',
				'\t~%33.33333%b',
				'\t~%33.33333%c',
				'\t~%-50%d',
				'\t~%-50%e',
				'\t####Because.',
				'}'
			].join('\n')
		);
		expect(out).toContain('// [tag:mali] [tag:dates]\n::tf::Time\\: 1pm? {TRUE####Because.}');
		expect(out).toContain('::n::How many? {#2400:0####Because.}');
		expect(out).toContain(
			['::st::Name? {', '\t=Serval', '\t=%100%%Barkhane', '\t####Because.', '}'].join('\n')
		);
		expect(out).toContain(['::o::Order? {', '\t=x -> 1', '\t=y -> 2', '\t=z -> 3', '}'].join('\n'));
		// Questions are separated by a blank line, and the file reads back without a problem.
		expect(importGift(out, { idPrefix: 'x' }).problems).toEqual([]);
	});

	it('refuses text GIFT cannot write rather than write something else', () => {
		const q: Question = {
			...base,
			id: 'o',
			type: 'ordering',
			prompt: 'Order?',
			items: ['a -> b', 'c', 'd'].map((text) => ({ id: text, text }))
		};
		expect(() => exportGift([q], new Map())).toThrow(GiftExportError);
	});
});

describe('round trip: the whole bank, exported and imported again', () => {
	const { bank, errors } = loadBankFromDir(path.resolve(import.meta.dirname, '../../../questions'));
	if (!bank) throw new Error(`the bank does not load: ${JSON.stringify(errors)}`);
	const quoteOf = new Map(bank.facts.map((f) => [f.id, f.quote]));
	const quotes = new Map(
		bank.questions.map((q) => [q.id, q.facts.map((id) => quoteOf.get(id) ?? '')])
	);
	const gift = exportGift(bank.questions, quotes);
	const { questions, problems } = importGift(gift, { idPrefix: 'rt' });

	/** The key of a question in a form that does not depend on its id. */
	function key(q: Question | ImportedQuestion) {
		switch (q.type) {
			case 'single':
			case 'multiple':
				return q.options.map((o) => ({ text: o.text, correct: o.correct }));
			case 'true_false':
				return q.answer;
			case 'numeric':
				return { answer: q.answer, tolerance: q.tolerance };
			case 'short_text':
				return q.accepted;
			case 'ordering':
				return q.items.map((i) => i.text);
		}
	}

	it('exports every question of every type and imports them all back without a problem', () => {
		expect(bank.questions.length).toBeGreaterThan(100);
		expect(new Set(bank.questions.map((q) => q.type))).toEqual(
			new Set(['single', 'multiple', 'true_false', 'numeric', 'short_text', 'ordering'])
		);
		expect(problems).toEqual([]);
		expect(questions).toHaveLength(bank.questions.length);
	});

	it('gives back each question with the same type, prompt, key, explanation and tags', () => {
		bank.questions.forEach((original, i) => {
			const back = questions[i];
			expect(back.title, original.id).toBe(original.id);
			expect(back.id, original.id).toBe(`rt-${original.id}`);
			expect(back.type, original.id).toBe(original.type);
			expect(back.prompt, original.id).toBe(original.prompt);
			expect(key(back), original.id).toEqual(key(original));
			expect(back.explanation.startsWith(original.explanation), original.id).toBe(true);
			expect(back.tags, original.id).toEqual(original.tags);
			expect(back.cited, original.id).toBe(false);
		});
	});

	it('carries the cited quotes in the general feedback', () => {
		bank.questions.forEach((original, i) => {
			for (const quote of quotes.get(original.id) ?? [])
				expect(questions[i].explanation, original.id).toContain(`"${quote}"`);
		});
	});
});
