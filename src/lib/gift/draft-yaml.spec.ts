import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBank } from '../bank/parse.ts';
import { DRAFT_HEADER, giftDraftYaml } from './draft-yaml.ts';
import { importGift } from './import.ts';

const questionsDir = path.resolve(import.meta.dirname, '../../../questions');

const GIFT = `::Town::In which French town did the summit meet? {=Pau ~Paris#No: that came later. ~Bamako####The summit met at Pau.}

How many extra soldiers did France send? {#220:10}

Order the operations {=Serval -> 1 =Barkhane -> 2 =Takuba -> 3}

The G5 Sahel has five members. {T####Five states.}

Name Niger's president. {=Bazoum =Mohamed Bazoum ####He was elected in 2021.}

Write an essay. {}
`;

/** The real articles and bank, plus `draft` as one more bank file. */
function withDraft(draft: string) {
	const articleTexts = new Map(
		fs
			.readdirSync(path.join(questionsDir, 'articles'))
			.map((name) => [name, fs.readFileSync(path.join(questionsDir, 'articles', name), 'utf8')])
	);
	const bankFiles = fs
		.readdirSync(path.join(questionsDir, 'bank'))
		.sort()
		.map((name) => ({
			file: `questions/bank/${name}`,
			source: fs.readFileSync(path.join(questionsDir, 'bank', name), 'utf8')
		}));
	return parseBank({
		articles: {
			file: 'questions/articles.yaml',
			source: fs.readFileSync(path.join(questionsDir, 'articles.yaml'), 'utf8')
		},
		articleTexts,
		bankFiles: [...bankFiles, { file: 'questions/bank/draft.yaml', source: draft }]
	});
}

describe('giftDraftYaml: imported questions as a bank file to finish', () => {
	const { questions, problems } = importGift(GIFT, { idPrefix: 'moodle' });
	const draft = giftDraftYaml(questions, 'moodle.gift');

	it('says they are not yet cited, where each came from and what is left to do', () => {
		expect(problems).toEqual([{ line: 11, reason: expect.stringContaining('essay') }]);
		expect(draft.startsWith(`# ${DRAFT_HEADER}\n`)).toBe(true);
		expect(draft).toContain('# from moodle.gift line 1 (Town)');
		expect(draft).toContain('# GIFT feedback on "Paris", not kept: No: that came later.');
		expect(draft).toContain('# to do: give the unit of the answer');
		expect(draft.match(/facts: \[\]/g)).toHaveLength(5);
	});

	it('is refused by the bank check as it stands: nothing is cited yet', () => {
		const { bank, errors } = withDraft(draft);
		expect(bank).toBeNull();
		expect(errors.every((e) => e.file === 'questions/bank/draft.yaml')).toBe(true);
		expect(errors.filter((e) => /must cite at least one fact/.test(e.message))).toHaveLength(5);
	});

	it('is in the bank’s format: once cited (and the unit given) the check accepts the same questions', () => {
		const finished = draft
			.replace(/facts: \[\]/g, 'facts: [pau-town]')
			.replace('unit: ""', 'unit: soldiers')
			.replace(/explanation: ""/g, 'explanation: Written by the author.');
		const { bank, errors } = withDraft(finished);
		expect(errors).toEqual([]);
		const drafted = bank!.questions.filter((q) => q.id.startsWith('moodle-'));
		expect(drafted.map((q) => q.id)).toEqual(questions.map((q) => q.id));
		for (const [i, q] of drafted.entries()) {
			const { cited, title, optionFeedback, line, notes, ...imported } = questions[i];
			void [cited, title, optionFeedback, line, notes];
			expect(q).toEqual({
				...imported,
				facts: ['pau-town'],
				explanation: imported.explanation || 'Written by the author.',
				...(q.type === 'numeric' ? { unit: 'soldiers' } : {})
			});
		}
	});
});
