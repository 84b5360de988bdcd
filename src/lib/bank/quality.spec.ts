import { describe, expect, it } from 'vitest';
import { parseBank } from './parse.ts';

const ARTICLE = 'France will send an extra 220 soldiers to the region, officials said in Pau.';
const ARTICLES_YAML = `- slug: pau
  file: pau.txt
  title: The Pau summit
  publisher: null
  event_date: 2020-01-13
`;
const FACTS = `facts:
  - id: extra-soldiers
    article: pau
    quote: "France will send an extra 220 soldiers"
`;

function parse(questions: string) {
	return parseBank({
		articles: { file: 'questions/articles.yaml', source: ARTICLES_YAML },
		articleTexts: new Map([['pau.txt', ARTICLE]]),
		bankFiles: [{ file: 'questions/bank/pau.yaml', source: FACTS + 'questions:\n' + questions }]
	});
}

/** A single-choice question whose key stands at `keyAt` among four options. */
function single(id: string, keyAt: number) {
	const options = ['Pau', 'Paris', 'Nice', 'Lyon'].map(
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

describe('quality: key position', () => {
	it('refuses a file whose keys come first in most choice questions, naming each one by file and line', () => {
		const { bank, errors } = parse(single('q-a', 0) + single('q-b', 0) + single('q-c', 2));
		expect(bank).toBeNull();
		expect(errors.map((e) => `${e.file}:${e.line}`)).toEqual([
			'questions/bank/pau.yaml:9',
			'questions/bank/pau.yaml:21'
		]);
		expect(errors[0].message).toMatch(
			/question "q-a": its right option comes first, as in 2 of the 3/
		);
	});

	it('accepts a file whose keys are spread', () => {
		const { errors } = parse(single('q-a', 0) + single('q-b', 1) + single('q-c', 3));
		expect(errors).toEqual([]);
	});
});
