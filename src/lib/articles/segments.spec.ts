import { describe, expect, test } from 'vitest';
import { segmentArticle } from './segments.ts';

const text =
	'Banner 2024\n\nFrance sent 220 soldiers.\nThey met in Pau,\nin the south.\nLeave a Reply';

describe('segmentArticle', () => {
	test('drops furniture and blank lines, keeps every other word unchanged', () => {
		const paragraphs = segmentArticle(text, [1, 6], []);
		expect(paragraphs.map((p) => p.line)).toEqual([3, 4, 5]);
		expect(paragraphs.map((p) => p.segments.map((s) => s.text).join(''))).toEqual([
			'France sent 220 soldiers.',
			'They met in Pau,',
			'in the south.'
		]);
	});

	test('marks a cited span, split across lines, with its anchor on the first piece only', () => {
		const start = text.indexOf('in Pau');
		const end = text.indexOf(' south');
		const paragraphs = segmentArticle(text, [1, 6], [{ id: 'pau', start, end }]);
		const marked = paragraphs.flatMap((p) => p.segments.filter((s) => s.factIds.includes('pau')));
		expect(marked.map((s) => s.text)).toEqual(['in Pau,', 'in the']);
		expect(marked.map((s) => s.opens)).toEqual([['pau'], []]);
	});

	test('overlapping spans share the overlapping segment', () => {
		const a = { id: 'a', start: text.indexOf('France'), end: text.indexOf(' soldiers') };
		const b = { id: 'b', start: text.indexOf('220'), end: text.indexOf('.') };
		const [p] = segmentArticle(text, [1, 6], [a, b]);
		expect(p.segments.map((s) => [s.text, s.factIds])).toEqual([
			['France sent ', ['a']],
			['220', ['a', 'b']],
			[' soldiers', ['b']],
			['.', []]
		]);
	});
});
