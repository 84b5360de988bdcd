// Imported GIFT questions as a YAML draft in the bank's own format (questions/README.md), for an author
// to finish by hand: the draft has `facts: []`, so `questions:check` refuses it until each question cites
// the facts it rests on. Used by `npm run questions:import` without --teacher.
import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import { yamlAnswerKey } from '../bank/yaml-key.ts';
import type { ImportedQuestion } from './import.ts';

export const DRAFT_HEADER = 'not yet cited: add facts before moving into questions/bank/';

/** One question as a bank entry: our keys, in the order the bank files use. */
function entryOf(q: ImportedQuestion): Record<string, unknown> {
	const head = { id: q.id, type: q.type, prompt: q.prompt };
	const key = yamlAnswerKey(
		q.type === 'ordering' ? { type: 'ordering', items: q.items.map((i) => i.text) } : q
	);
	return {
		...head,
		...key,
		explanation: q.explanation,
		facts: [],
		tags: q.tags,
		difficulty: q.difficulty
	};
}

/** What the author still has to do for one question, and what GIFT said that the bank does not keep. */
function todoOf(q: ImportedQuestion, source: string): string[] {
	const lines = [`from ${source} line ${q.line}${q.title ? ` (${q.title})` : ''}`];
	if (q.explanation.trim() === '')
		lines.push('to do: write the explanation (the GIFT question had no general feedback)');
	if (q.type === 'numeric' && q.unit === '') lines.push('to do: give the unit of the answer');
	lines.push('to do: cite the facts the answer rests on');
	for (const note of q.notes) lines.push(`note: ${note}`);
	for (const [on, feedback] of Object.entries(q.optionFeedback)) {
		const option = 'options' in q ? q.options.find((o) => o.id === on)?.text : undefined;
		lines.push(
			`GIFT feedback${option !== undefined ? ` on "${option}"` : ` (${on})`}, not kept: ${feedback.replace(/\s+/g, ' ')}`
		);
	}
	return lines;
}

/**
 * The YAML draft of `questions` (imported from the file named `source`): a `questions:` list in the
 * bank's format, with `facts: []`, a header saying they are not yet cited, and before each question a
 * comment with its line in the GIFT file and what is left to do.
 */
export function giftDraftYaml(questions: ImportedQuestion[], source: string): string {
	const doc = new Document({ questions: questions.map(entryOf) });
	doc.commentBefore = [
		` ${DRAFT_HEADER}`,
		` Imported from ${source} by npm run questions:import. Every question needs at least one fact (a quote of`,
		' an article, with its id in `facts:`), an explanation in our own words and, for numbers, a unit;',
		' then move the file into questions/bank/ and run npm run questions:check.'
	].join('\n');
	const list = (doc.contents as YAMLMap).get('questions', true);
	if (isSeq(list)) {
		list.items.forEach((item, i) => {
			if (!isMap(item)) return;
			item.commentBefore = todoOf(questions[i], source)
				.map((l) => ` ${l}`)
				.join('\n');
			if (i > 0) item.spaceBefore = true;
			// Short lists on one line, as the bank files write them.
			for (const key of ['facts', 'tags']) {
				const node = item.get(key, true);
				if (isSeq(node)) node.flow = true;
			}
		});
	}
	return doc.toString({ lineWidth: 0 });
}
