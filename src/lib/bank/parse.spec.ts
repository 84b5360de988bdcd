import { describe, expect, it } from 'vitest';
import { parseBank } from './parse.ts';

const ARTICLE = [
	'Thu. Nov 21st, 2024',
	'France will send an extra 220 soldiers to the region, officials said.',
	'“We have no choice. We need results,” Macron said in the town of',
	'Pau, where the leaders met on 13 January 2020.',
	'Leave a Reply'
].join('\n');

const ARTICLES_YAML = `- slug: pau
  file: pau.txt
  title: The Pau summit
  publisher: null
  event_date: 2020-01-13
  furniture:
    - "Thu. Nov 21st, 2024"
    - Leave a Reply
`;

const GOOD_FACTS = `facts:
  - id: extra-soldiers
    article: pau
    quote: "France will send an extra 220 soldiers"
    value: { kind: number, amount: 220, unit: soldiers }
  - id: no-choice
    article: pau
    quote: '"We have no choice. We need results," Macron said in the town of Pau'
`;

const GOOD_QUESTION = `questions:
  - id: q-extra
    type: numeric
    prompt: How many extra soldiers?
    answer: 220
    tolerance: 0
    unit: soldiers
    explanation: France announced 220 more.
    facts: [extra-soldiers]
    tags: [troop-numbers]
    difficulty: 1
`;

function parse(bankYaml: string, extra: { articles?: string } = {}) {
	return parseBank({
		articles: { file: 'questions/articles.yaml', source: extra.articles ?? ARTICLES_YAML },
		articleTexts: new Map([['pau.txt', ARTICLE]]),
		bankFiles: [{ file: 'questions/bank/pau.yaml', source: bankYaml }]
	});
}

/** The single error a source produces, as `file:line: message`. */
function onlyError(bankYaml: string, extra: { articles?: string } = {}) {
	const { bank, errors } = parse(bankYaml, extra);
	expect(bank).toBeNull();
	expect(errors).toHaveLength(1);
	return `${errors[0].file}:${errors[0].line}: ${errors[0].message}`;
}

describe('parseBank: a valid bank', () => {
	it('loads articles, facts with their spans, and questions', () => {
		const { bank, errors } = parse(GOOD_FACTS + GOOD_QUESTION);
		expect(errors).toEqual([]);
		expect(bank!.articles[0]).toMatchObject({
			slug: 'pau',
			eventDate: '2020-01-13',
			furniture: [1, 5],
			publisher: null
		});
		const quote = bank!.facts[1];
		// The span covers the words as written, across the line break and with typographic quotes.
		expect(ARTICLE.slice(quote.span.start, quote.span.end)).toBe(
			'“We have no choice. We need results,” Macron said in the town of\nPau'
		);
		expect(bank!.questions).toHaveLength(1);
		expect(bank!.questions[0]).toMatchObject({
			id: 'q-extra',
			type: 'numeric',
			answer: 220,
			tolerance: 0,
			facts: ['extra-soldiers']
		});
	});

	it('gives options ids that depend on the text, not on the position of the key', () => {
		const single = (first: string, second: string) => `${GOOD_FACTS}questions:
  - id: q-single
    type: single
    prompt: How many?
    options:
      - ${first}
      - ${second}
    explanation: Because.
    facts: [extra-soldiers]
    difficulty: 1
`;
		const a = parse(single('{ text: "220", correct: true }', '{ text: "4,500" }'));
		const b = parse(single('{ text: "4,500" }', '{ text: "220", correct: true }'));
		const idOf = (r: typeof a, text: string) =>
			(r.bank!.questions[0] as { options: { id: string; text: string }[] }).options.find(
				(o) => o.text === text
			)!.id;
		expect(idOf(a, '220')).toBe(idOf(b, '220'));
		expect(idOf(a, '220')).not.toBe(idOf(a, '4,500'));
		expect(idOf(a, '220')).not.toMatch(/^(0|1|a|b)$/);
	});
});

describe('parseBank: each error names the file and the line', () => {
	it('reports YAML syntax errors', () => {
		const { bank, errors } = parse('facts:\n  - id: x\n    quote: [unclosed\n');
		expect(bank).toBeNull();
		expect(errors.length).toBeGreaterThan(0);
		for (const e of errors)
			expect(`${e.file}:${e.line}: ${e.message}`).toMatch(
				/^questions\/bank\/pau\.yaml:[34]: YAML: /
			);
	});

	it('reports a quote that is not in the article', () => {
		const source = GOOD_FACTS.replace('an extra 220 soldiers', 'an extra 200 soldiers');
		expect(onlyError(source)).toBe(
			'questions/bank/pau.yaml:4: fact "extra-soldiers": quote not found in article pau (only whitespace and quote style may differ)'
		);
	});

	it('does not tolerate a change of case or punctuation in a quote', () => {
		expect(onlyError(GOOD_FACTS.replace('France will send', 'france will send'))).toMatch(
			/pau\.yaml:4: .*quote not found/
		);
		expect(onlyError(GOOD_FACTS.replace('We need results,', 'We need results'))).toMatch(
			/pau\.yaml:8: .*quote not found/
		);
	});

	it('refuses a quote taken from page furniture', () => {
		const source = `facts:\n  - id: page-date\n    article: pau\n    quote: "Nov 21st, 2024"\n`;
		expect(onlyError(source)).toBe(
			'questions/bank/pau.yaml:4: fact "page-date": quote is taken from page furniture (line 1 of pau.txt), which is not reporting'
		);
	});

	it('reports a fact citing an unknown article', () => {
		expect(
			onlyError(
				GOOD_FACTS.replace(
					'article: pau\n    quote: "France',
					'article: bamako\n    quote: "France'
				)
			)
		).toBe('questions/bank/pau.yaml:3: fact "extra-soldiers": unknown article "bamako"');
	});

	it('reports unknown keys at their own line', () => {
		const source =
			GOOD_FACTS +
			GOOD_QUESTION.replace('    difficulty: 1', '    difficulty: 1\n    corect: true');
		expect(onlyError(source)).toBe(
			'questions/bank/pau.yaml:20: question "q-extra": unknown key "corect"'
		);
	});

	it('reports missing keys at the entry', () => {
		const source =
			GOOD_FACTS + GOOD_QUESTION.replace('    explanation: France announced 220 more.\n', '');
		expect(onlyError(source)).toBe(
			'questions/bank/pau.yaml:10: question "q-extra": missing "explanation"'
		);
	});

	it('reports an unknown question type', () => {
		expect(onlyError(GOOD_FACTS + GOOD_QUESTION.replace('type: numeric', 'type: essay'))).toBe(
			'questions/bank/pau.yaml:11: question "q-extra": type must be one of single, multiple, true_false, numeric, short_text, ordering'
		);
	});

	it('reports a difficulty out of range', () => {
		expect(onlyError(GOOD_FACTS + GOOD_QUESTION.replace('difficulty: 1', 'difficulty: 4'))).toBe(
			'questions/bank/pau.yaml:19: question "q-extra", difficulty: difficulty must be 1, 2 or 3'
		);
	});

	it('reports duplicate ids across files, pointing at the first', () => {
		const { errors } = parseBank({
			articles: { file: 'questions/articles.yaml', source: ARTICLES_YAML },
			articleTexts: new Map([['pau.txt', ARTICLE]]),
			bankFiles: [
				{ file: 'questions/bank/a.yaml', source: GOOD_FACTS + GOOD_QUESTION },
				{ file: 'questions/bank/b.yaml', source: GOOD_QUESTION }
			]
		});
		expect(errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([
			'questions/bank/b.yaml:2: question "q-extra": id already used at questions/bank/a.yaml:10'
		]);
	});

	it('reports a question citing no fact, or an unknown one', () => {
		expect(
			onlyError(GOOD_FACTS + GOOD_QUESTION.replace('facts: [extra-soldiers]', 'facts: []'))
		).toBe(
			'questions/bank/pau.yaml:17: question "q-extra", facts: a question must cite at least one fact'
		);
		expect(
			onlyError(
				GOOD_FACTS + GOOD_QUESTION.replace('facts: [extra-soldiers]', 'facts: [extra-troops]')
			)
		).toBe('questions/bank/pau.yaml:17: question "q-extra": cites unknown fact "extra-troops"');
	});

	const choice = (type: string, options: string) => `${GOOD_FACTS}questions:
  - id: q-choice
    type: ${type}
    prompt: Which?
    options:
${options}
    explanation: Because.
    facts: [extra-soldiers]
    difficulty: 1
`;

	it('needs exactly one correct option in a single-choice question', () => {
		expect(
			onlyError(
				choice(
					'single',
					'      - { text: "220", correct: true }\n      - { text: "440", correct: true }'
				)
			)
		).toBe(
			'questions/bank/pau.yaml:13: question "q-choice": a single-choice question needs exactly one correct option, found 2'
		);
		expect(onlyError(choice('single', '      - { text: "220" }\n      - { text: "440" }'))).toMatch(
			/exactly one correct option, found 0$/
		);
	});

	it('needs a right and a wrong option in a multiple-select question', () => {
		expect(
			onlyError(
				choice(
					'multiple',
					'      - { text: "220", correct: true }\n      - { text: "440", correct: true }'
				)
			)
		).toMatch(/pau\.yaml:13: .*at least one correct and one wrong option$/);
	});

	it('refuses options that are the same once normalised', () => {
		expect(
			onlyError(
				choice('single', '      - { text: "Niger", correct: true }\n      - { text: "niger." }')
			)
		).toBe('questions/bank/pau.yaml:13: question "q-choice": option "niger." appears twice');
	});

	it('needs a sane numeric tolerance', () => {
		expect(onlyError(GOOD_FACTS + GOOD_QUESTION.replace('tolerance: 0', 'tolerance: 300'))).toBe(
			'questions/bank/pau.yaml:14: question "q-extra": tolerance 300 is not smaller than the answer 220: almost anything would be right'
		);
		expect(onlyError(GOOD_FACTS + GOOD_QUESTION.replace('tolerance: 0', 'tolerance: -1'))).toBe(
			'questions/bank/pau.yaml:14: question "q-extra", tolerance: tolerance must be 0 or more'
		);
	});

	it('needs complete, distinct ordering items', () => {
		const ordering = (items: string) => `${GOOD_FACTS}questions:
  - id: q-order
    type: ordering
    prompt: Order these.
    items: [${items}]
    explanation: Because.
    facts: [extra-soldiers]
    difficulty: 2
`;
		expect(onlyError(ordering('Serval, Barkhane'))).toBe(
			'questions/bank/pau.yaml:13: question "q-order", items: an ordering needs at least three items'
		);
		expect(onlyError(ordering('Serval, Barkhane, serval'))).toBe(
			'questions/bank/pau.yaml:13: question "q-order": item "serval" appears twice'
		);
	});

	it('refuses accepted short answers that collide once normalised', () => {
		const source = `${GOOD_FACTS}questions:
  - id: q-text
    type: short_text
    prompt: Which town?
    accepted: [Pau, "PAU!"]
    explanation: Because.
    facts: [no-choice]
    difficulty: 1
`;
		expect(onlyError(source)).toBe(
			'questions/bank/pau.yaml:13: question "q-text": accepted answer "PAU!" appears twice'
		);
	});

	it('reports a furniture line that is not in the article, in articles.yaml', () => {
		const articles = ARTICLES_YAML.replace('- Leave a Reply', '- Leave a Comment');
		expect(onlyError(GOOD_FACTS, { articles })).toBe(
			'questions/articles.yaml:8: article "pau": furniture line not found in pau.txt: "Leave a Comment"'
		);
	});

	it('reports a missing article file', () => {
		expect(
			onlyError('', { articles: ARTICLES_YAML.replace('file: pau.txt', 'file: gone.txt') })
		).toBe('questions/articles.yaml:2: article "pau": no file articles/gone.txt');
	});

	it('keeps checking after the first error', () => {
		const source =
			GOOD_FACTS.replace('an extra 220', 'an extra 200') +
			GOOD_QUESTION.replace('difficulty: 1', 'difficulty: 9');
		const { errors } = parse(source);
		expect(errors.map((e) => e.line)).toEqual([4, 19]);
	});

	describe('event labels on facts', () => {
		const dated = (event: string, extra = '') => `facts:
  - id: extra-soldiers
    article: pau
    quote: "where the leaders met on 13 January 2020"
    value: { kind: date, date: 2020-01-13 }${extra}
    event: ${JSON.stringify(event)}
`;
		it('keeps the label of a fact whose value is a date, or whose quote names a date', () => {
			const { bank, errors } = parse(dated('France announces more soldiers for the Sahel'));
			expect(errors).toEqual([]);
			expect(bank!.facts[0].event).toBe('France announces more soldiers for the Sahel');
			const said = `facts:
  - id: said
    article: pau
    quote: "the leaders met on 13 January"
    event: Leaders meet
`;
			expect(parse(said).errors).toEqual([]);
		});
		it('leaves facts without a label as they were (no event key at all)', () => {
			const { bank } = parse(GOOD_FACTS);
			expect(bank!.facts.every((f) => !('event' in f))).toBe(true);
		});
		it('refuses a label on a fact that dates nothing, at the line of the label', () => {
			const source = `facts:
  - id: extra-soldiers
    article: pau
    quote: "France will send an extra 220 soldiers"
    value: { kind: number, amount: 220, unit: soldiers }
    event: France sends more soldiers
`;
			expect(onlyError(source)).toBe(
				'questions/bank/pau.yaml:6: fact "extra-soldiers": an event label needs a dated fact: give the fact a date value, or quote the words that date it (a year, a month, a weekday, "today", "last month")'
			);
		});
		it('refuses a label that says when (a year, a month, a weekday, "last month") or has a bracket', () => {
			expect(onlyError(dated('France sends more soldiers in 2020'))).toBe(
				'questions/bank/pau.yaml:6: fact "extra-soldiers": event "France sends more soldiers in 2020" names a date or time ("2020"): say what happened, not when'
			);
			expect(onlyError(dated('Leaders meet on Monday at Pau'))).toMatch(
				/^questions\/bank\/pau\.yaml:6: .*names a date or time \("Monday"\)/u
			);
			expect(onlyError(dated('Officials brief reporters last month'))).toMatch(
				/names a date or time \("last month"\)/u
			);
			expect(onlyError(dated('Leaders meet at Pau (the summit)'))).toMatch(
				/^questions\/bank\/pau\.yaml:6: .*has a bracket/u
			);
			// "may" is a verb, not the month.
			expect(parse(dated('Leaders say more soldiers may come')).errors).toEqual([]);
		});
		it('refuses an empty or over-long label', () => {
			expect(onlyError(dated(''))).toMatch(
				/^questions\/bank\/pau\.yaml:6: fact "extra-soldiers", event: must not be empty/u
			);
			expect(
				onlyError(
					dated(
						'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen'
					)
				)
			).toMatch(/longer than 14 words/u);
		});
	});
});
