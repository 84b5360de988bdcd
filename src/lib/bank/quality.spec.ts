import { describe, expect, it } from 'vitest';
import { parseBank } from './parse.ts';
import { unstatedDatePart } from './quality.ts';

const ARTICLE =
	'France will send an extra 220 soldiers to the region, officials said in Pau. About 4,500 troops are there. French troops were hailed as heroes in 2013. Elections were due in February.';
const ARTICLES_YAML = `- slug: pau
  file: pau.txt
  title: The Pau summit
  publisher: null
  event_date: 2020-01-13
  cited_as: Pau report of 13 January 2020
`;
const FACTS = `facts:
  - id: extra-soldiers
    article: pau
    quote: "France will send an extra 220 soldiers"
  - id: already-there
    article: pau
    quote: "About 4,500 troops are there."
  - id: heroes
    article: pau
    quote: "French troops were hailed as heroes in 2013"
`;

function parse(questions: string, facts = FACTS) {
	return parseBank({
		articles: { file: 'questions/articles.yaml', source: ARTICLES_YAML },
		articleTexts: new Map([['pau.txt', ARTICLE]]),
		bankFiles: [{ file: 'questions/bank/pau.yaml', source: facts + 'questions:\n' + questions }]
	});
}

/** Every error of a bank, as `file:line: message`. */
function errorsOf(questions: string, facts = FACTS) {
	const { bank, errors } = parse(questions, facts);
	if (errors.length) expect(bank).toBeNull();
	return errors.map((e) => `${e.file}:${e.line}: ${e.message}`);
}

/** A single-choice question whose key stands at `keyAt`. */
function single(id: string, keyAt: number, texts = ['Pau', 'Paris', 'Nice', 'Lyon']) {
	const options = texts.map(
		(text, i) => `      - text: ${text}${i === keyAt ? '\n        correct: true' : ''}`
	);
	return `  - id: ${id}
    type: single
    prompt: Where did officials speak (${id})?
    options:
${options.join('\n')}
    explanation: In Pau.
    facts: [extra-soldiers]
    difficulty: 1
`;
}

function numeric(id: string, answer: number, tolerance: number, facts: string, unit = 'troops') {
	return `  - id: ${id}
    type: numeric
    prompt: How many (${id})?
    answer: ${answer}
    tolerance: ${tolerance}
    unit: ${unit}
    explanation: So the report says.
    facts: [${facts}]
    difficulty: 1
`;
}

describe('quality: key position', () => {
	it('refuses a file whose keys come first in most choice questions, naming each one by file and line', () => {
		const { bank, errors } = parse(single('q-a', 0) + single('q-b', 0) + single('q-c', 2));
		expect(bank).toBeNull();
		expect(errors.map((e) => `${e.file}:${e.line}`)).toEqual([
			'questions/bank/pau.yaml:15',
			'questions/bank/pau.yaml:27'
		]);
		expect(errors[0].message).toMatch(
			/question "q-a": its right option comes first, as in 2 of the 3/
		);
	});

	it('accepts a file whose keys are spread', () => {
		expect(errorsOf(single('q-a', 0) + single('q-b', 1) + single('q-c', 3))).toEqual([]);
	});
});

describe('quality: option length', () => {
	it('refuses a key much longer than every distractor', () => {
		const texts = [
			'In the south-western French town of Pau, after the summit',
			'Paris',
			'Nice',
			'Lyon'
		];
		expect(errorsOf(single('q-a', 0, texts) + single('q-b', 1))).toEqual([
			'questions/bank/pau.yaml:15: question "q-a": the right option is much longer than every wrong one (57 characters against at most 5): length gives the answer away. Write wrong options as detailed as the right one, or shorten it'
		]);
	});

	it('accepts options of comparable length', () => {
		const texts = [
			'In Pau, after the summit',
			'In Paris, before it',
			'In Nice, at a dinner',
			'Lyon'
		];
		expect(errorsOf(single('q-a', 0, texts) + single('q-b', 1))).toEqual([]);
	});
});

describe('quality: one answer, at most two questions', () => {
	it('reports each question of an answer used three times', () => {
		const errors = errorsOf(
			single('q-a', 0) +
				single('q-b', 3, ['Paris', 'Nice', 'Lyon', 'Pau']) +
				single('q-c', 1, ['Nice', 'Pau', 'Lyon', 'Paris'])
		);
		expect(errors).toHaveLength(3);
		expect(errors[0]).toMatch(
			/^questions\/bank\/pau\.yaml:12: question "q-a": its answer "pau" is the answer of 3 questions \(q-a, q-b, q-c\)/
		);
	});

	it('counts 2,400 soldiers and 2,400 troops as one answer, 6 months and 6 leaders as two', () => {
		const three =
			numeric('n-a', 2400, 100, 'already-there', 'soldiers') +
			numeric('n-b', 2400, 100, 'already-there') +
			numeric('n-c', 2400, 100, 'already-there', 'special forces');
		expect(errorsOf(three)).toHaveLength(3);
		const distinct =
			numeric('n-a', 6, 0, 'extra-soldiers', 'months') +
			numeric('n-b', 6, 0, 'extra-soldiers', 'leaders') +
			numeric('n-c', 6, 0, 'extra-soldiers', 'years');
		expect(errorsOf(distinct)).toEqual([]);
	});
});

describe('quality: one fact, one id', () => {
	it('refuses a second fact quoting the same words, naming both quotes by file and line', () => {
		const facts =
			FACTS +
			`  - id: cmp-extra\n    article: pau\n    quote: "France will send an extra 220 soldiers"\n`;
		expect(errorsOf(single('q-a', 1), facts)).toEqual([
			'questions/bank/pau.yaml:13: fact "cmp-extra": quotes the same words as fact "extra-soldiers" (questions/bank/pau.yaml:4); one fact, one id: cite "extra-soldiers" instead and delete this one'
		]);
	});

	it('refuses a quote inside another fact’s, around it, or sharing words with it, naming both quotes by file and line', () => {
		for (const [quote, shared] of [
			['an extra 220 soldiers', 'an extra 220 soldiers'], // inside extra-soldiers
			[
				'France will send an extra 220 soldiers to the region',
				'France will send an extra 220 soldiers'
			], // around it
			['220 soldiers to the region, officials said', '220 soldiers'] // straddling its end
		]) {
			const facts = FACTS + `  - id: cmp-extra\n    article: pau\n    quote: "${quote}"\n`;
			expect(errorsOf(single('q-a', 1), facts), quote).toEqual([
				`questions/bank/pau.yaml:13: fact "cmp-extra": quotes the same words as fact "extra-soldiers" (questions/bank/pau.yaml:4) in part ("${shared}"); one fact, one id: a passage belongs to one fact. Cite "extra-soldiers" (a question may cite several facts), or quote words that do not overlap`
			]);
		}
	});

	it('names every earlier fact whose words a whole sentence takes in', () => {
		const facts =
			FACTS +
			`  - id: where-said\n    article: pau\n    quote: "officials said in Pau"\n` +
			`  - id: sentence\n    article: pau\n    quote: "France will send an extra 220 soldiers to the region, officials said in Pau."\n`;
		expect(errorsOf(single('q-a', 1), facts)).toEqual([
			'questions/bank/pau.yaml:16: fact "sentence": quotes the same words as fact "extra-soldiers" (questions/bank/pau.yaml:4) in part ("France will send an extra 220 soldiers") and as fact "where-said" (questions/bank/pau.yaml:13) in part ("officials said in Pau"); one fact, one id: a passage belongs to one fact. Cite "extra-soldiers" and "where-said" (a question may cite several facts), or quote words that do not overlap'
		]);
	});

	it('names the other file when the two quotes are in different bank files', () => {
		const { errors } = parseBank({
			articles: { file: 'questions/articles.yaml', source: ARTICLES_YAML },
			articleTexts: new Map([['pau.txt', ARTICLE]]),
			bankFiles: [
				{ file: 'questions/bank/comparisons.yaml', source: FACTS },
				{
					file: 'questions/bank/pau.yaml',
					source: `facts:\n  - id: pau-heroes\n    article: pau\n    quote: "hailed as heroes in 2013"\n`
				}
			]
		});
		expect(errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([
			'questions/bank/pau.yaml:4: fact "pau-heroes": quotes the same words as fact "heroes" (questions/bank/comparisons.yaml:10) in part ("hailed as heroes in 2013"); one fact, one id: a passage belongs to one fact. Cite "heroes" (a question may cite several facts), or quote words that do not overlap'
		]);
	});

	it('accepts facts of one sentence that quote different words of it', () => {
		const facts =
			FACTS + `  - id: where-said\n    article: pau\n    quote: "officials said in Pau"\n`;
		expect(errorsOf(single('q-a', 1), facts)).toEqual([]);
	});
});

describe('quality: rounded figures', () => {
	it('refuses tolerance 0 on a figure the article gives as "about"', () => {
		expect(errorsOf(numeric('n-a', 4500, 0, 'already-there'))).toEqual([
			'questions/bank/pau.yaml:16: question "n-a": tolerance 0, but the figure it rests on is rounded ("About 4…"): give a tolerance (about 5% of the answer) so a fair "about" is not marked wrong'
		]);
		expect(errorsOf(numeric('n-a', 4500, 200, 'already-there'))).toEqual([]);
		expect(errorsOf(numeric('n-a', 220, 0, 'extra-soldiers'))).toEqual([]);
	});
});

describe('quality: a prompt names its source', () => {
	const prompt = (text: string) =>
		single('q-a', 1).replace(/prompt: .*/u, `prompt: ${text}`) + single('q-b', 2);

	it('refuses "the article" or "the 2020 report" without the name the article is cited by', () => {
		for (const text of [
			'Where, says the article, did officials speak?',
			'Where does the January 2020 report place the summit?'
		]) {
			const errors = errorsOf(prompt(text));
			expect(errors).toHaveLength(1);
			expect(errors[0]).toMatch(
				/^questions\/bank\/pau\.yaml:14: question "q-a": the prompt says "the .*(article|report)" without naming it, and a quiz mixes articles: name the source as "Pau report of 13 January 2020"$/
			);
		}
	});

	it('refuses a day only the report fixes ("on Friday", "last month") without naming the report', () => {
		for (const [text, said] of [
			['Who spoke to the press on Friday?', 'on Friday'],
			['Where did the Wednesday night meeting take place?', 'Wednesday'],
			['Which town did troops leave last month?', 'last month']
		]) {
			expect(errorsOf(prompt(text))).toEqual([
				`questions/bank/pau.yaml:14: question "q-a": the prompt says "${said}", a day only its report's date fixes, without naming it; a quiz mixes articles: name the source as "Pau report of 13 January 2020"`
			]);
		}
		expect(
			errorsOf(prompt('According to the Pau report of 13 January 2020, who spoke on Friday?'))
		).toEqual([]);
	});

	it('accepts a prompt that names it, or that points at no article', () => {
		expect(
			errorsOf(prompt('Where, says the Pau report of 13 January 2020, did officials speak?'))
		).toEqual([]);
		expect(errorsOf(prompt('Which of the articles report the summit?'))).toEqual([]);
		expect(errorsOf(prompt('Where did officials speak in January 2020?'))).toEqual([]);
	});
});

describe('quality: dates the text states', () => {
	it('knows which part of a date a quote states', () => {
		expect(unstatedDatePart('hailed as heroes in 2013', '2013')).toBeNull();
		expect(unstatedDatePart('elections were due in February', '2022-02')).toBe('the year 2022');
		expect(unstatedDatePart('in February 2022', '2022-02')).toBeNull();
		expect(unstatedDatePart('in 2022', '2022-02')).toBe('the month February');
	});

	it('refuses a date value taken from our metadata rather than the quote', () => {
		const facts =
			FACTS +
			`  - id: elections\n    article: pau\n    quote: "Elections were due in February."\n    value: { kind: date, date: "2020-02" }\n`;
		expect(errorsOf(single('q-a', 1), facts)).toEqual([
			'questions/bank/pau.yaml:14: fact "elections": its date 2020-02 is not stated by its quote (the year 2020 is not in it): a date taken from our metadata may not decide a key. Quote the words that state it, or drop the value'
		]);
	});

	it('refuses a year question whose facts do not state the year', () => {
		expect(errorsOf(numeric('y-a', 2013, 0, 'heroes', 'year'))).toEqual([]);
		expect(errorsOf(numeric('y-a', 2014, 0, 'heroes', 'year'))).toEqual([
			'questions/bank/pau.yaml:15: question "y-a": asks for the year 2014, which none of its facts\' quotes states: cite the words that state it'
		]);
	});
});
