// GIFT export: our questions as a GIFT file that Moodle imports and that importGift reads back into the
// same questions (type, prompt, key, explanation). The general feedback holds the explanation and the
// quotes the question cites; tags go in a `// [tag:…]` comment, which Moodle (3.6+) reads as tags.
import type { Question } from '../bank/types.ts';

export class GiftExportError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'GiftExportError';
	}
}

const SPECIAL = new Set(['\\', '~', '=', '#', '{', '}', ':']);
const FORMAT_MARKERS = ['[html]', '[moodle]', '[plain]', '[markdown]'];

/**
 * Text as GIFT writes it: `\` before each of \ ~ = # { } :, line breaks as \n. A text that starts like a
 * format marker ("[html]…") gets an explicit [moodle] first, so the marker is read as text.
 */
export function escapeGift(text: string): string {
	let out = '';
	for (const ch of text.replace(/\r\n?/g, '\n')) {
		if (SPECIAL.has(ch)) out += '\\' + ch;
		else if (ch === '\n') out += '\\n';
		else out += ch;
	}
	return FORMAT_MARKERS.some((m) => text.startsWith(m)) ? '[moodle]' + out : out;
}

/**
 * An answer's text after its `=` or `~`. A text starting with % would be read as a weight, so it gets
 * the weight it means written out first.
 */
function answerText(text: string, impliedWeight: number): string {
	const escaped = escapeGift(text);
	return escaped.startsWith('%') ? `%${impliedWeight}%${escaped}` : escaped;
}

/**
 * Weights Moodle accepts (its grade list, to 5 decimals): 100 / n for n = 1 … 10 is in it, so right
 * answers share 100% and wrong ones share -100%.
 */
function share(total: number, count: number): string {
	return String(Number((total / count).toFixed(5)));
}

function noArrow(text: string, q: Question, what: string): string {
	if (text.includes('->'))
		throw new GiftExportError(
			`question ${q.id}: the ${what} "${text}" contains "->", which GIFT cannot write in this place`
		);
	return text;
}

function answerSection(q: Question): string[] {
	switch (q.type) {
		case 'single':
			return q.options.map((o) =>
				o.correct ? `=${answerText(o.text, 100)}` : `~${answerText(o.text, 0)}`
			);
		case 'multiple': {
			const right = q.options.filter((o) => o.correct).length;
			const wrong = q.options.length - right;
			return q.options.map(
				(o) => `~%${o.correct ? share(100, right) : share(-100, wrong)}%${escapeGift(o.text)}`
			);
		}
		case 'true_false':
			return [q.answer ? 'TRUE' : 'FALSE'];
		case 'numeric':
			return [`#${q.answer}:${q.tolerance}`];
		case 'short_text':
			return q.accepted.map((a) => `=${answerText(noArrow(a, q, 'accepted answer'), 100)}`);
		case 'ordering':
			// A matching question whose right-hand sides are the positions: importGift reads it back as an ordering.
			return q.items.map((item, i) => `=${escapeGift(noArrow(item.text, q, 'item'))} -> ${i + 1}`);
	}
}

/** The explanation, then each cited quote in quotation marks on a line of its own. */
function generalFeedback(q: Question, quotes: string[]): string {
	return [q.explanation.trim(), ...quotes.map((quote) => `"${quote.trim()}"`)]
		.filter((p) => p !== '')
		.join('\n\n');
}

function writeQuestion(q: Question, quotes: string[]): string {
	const lines: string[] = [];
	if (q.tags.length)
		lines.push('// ' + q.tags.map((t) => `[tag:${t.replace(/]/g, '\\]')}]`).join(' '));
	const answers = answerSection(q);
	const feedback = generalFeedback(q, quotes);
	const head = `::${escapeGift(q.id)}::${escapeGift(q.prompt.trim())}`;
	if (q.type === 'true_false' || q.type === 'numeric') {
		// One short answer: on the same line, as Moodle writes these.
		lines.push(`${head} {${answers[0]}${feedback ? `####${escapeGift(feedback)}` : ''}}`);
	} else {
		lines.push(`${head} {`, ...answers.map((a) => `\t${a}`));
		if (feedback) lines.push(`\t####${escapeGift(feedback)}`);
		lines.push('}');
	}
	return lines.join('\n');
}

/**
 * The questions as one GIFT file, each titled with its id, its explanation and cited quotes
 * (`quotesByQuestion`, by question id) as general feedback. Throws GiftExportError for the rare text GIFT
 * cannot write (a "->" in an ordering item or an accepted answer).
 */
export function exportGift(questions: Question[], quotesByQuestion: Map<string, string[]>): string {
	const header = [
		'// Questions exported in GIFT format (Moodle). Each general feedback (####) holds the explanation',
		'// and the words of the article passages the question rests on.'
	].join('\n');
	return (
		[header, ...questions.map((q) => writeQuestion(q, quotesByQuestion.get(q.id) ?? []))].join(
			'\n\n'
		) + '\n'
	);
}
