import { describe, expect, it } from 'vitest';
import { findQuote, normaliseAnswerText } from './normalise.ts';

describe('normaliseAnswerText', () => {
	it('ignores case, accents, punctuation and spacing', () => {
		expect(normaliseAnswerText('  Opération   Barkhane! ')).toBe('operation barkhane');
		expect(normaliseAnswerText('Maïkol Zodi')).toBe(normaliseAnswerText('maikol zodi'));
		expect(normaliseAnswerText('G5-Sahel')).toBe('g5 sahel');
	});
	it('keeps different words different', () => {
		expect(normaliseAnswerText('Serval')).not.toBe(normaliseAnswerText('Barkhane'));
	});
});

describe('findQuote', () => {
	const article =
		'Macron said: “We have no choice. We need results,”\nand the   leaders agreed.\nIt’s done.';

	it('finds a quote across a line break and with straight quotes', () => {
		const span = findQuote(
			article,
			'"We have no choice. We need results," and the leaders agreed.'
		);
		expect(span).not.toBeNull();
		expect(article.slice(span!.start, span!.end)).toBe(
			'“We have no choice. We need results,”\nand the   leaders agreed.'
		);
	});
	it('maps single typographic quotes too', () => {
		const span = findQuote(article, "It's done.");
		expect(article.slice(span!.start, span!.end)).toBe('It’s done.');
	});
	it('does not tolerate a change of case, punctuation or words', () => {
		expect(findQuote(article, 'we have no choice')).toBeNull();
		expect(findQuote(article, 'We have no choice, We need results')).toBeNull();
		expect(findQuote(article, 'We have no option.')).toBeNull();
	});
	it('refuses an empty quote', () => {
		expect(findQuote(article, '   ')).toBeNull();
	});
});
