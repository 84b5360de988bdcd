import { describe, expect, it } from 'vitest';
import { draftId } from './draft-yaml.ts';
import { splitSentences } from './extract.ts';
import { datelineAt, pagePartOf } from './page-parts.ts';

describe('pagePartOf: the parts of a pasted page that are not reporting', () => {
	it('recognises a headline: the first line without a full stop, or a title-case line', () => {
		expect(
			pagePartOf('Mali junta gives French ambassador 72 hours to leave the country', {
				first: true
			})
		).toBe('headline');
		expect(
			pagePartOf('Mali Junta Gives French Ambassador Three Days To Leave', { first: false })
		).toBe('headline');
	});

	it('recognises bylines and the agency footer', () => {
		expect(pagePartOf('By Tiemoko Diallo and John Irish', { first: false })).toBe('byline');
		expect(pagePartOf('By Jane Doe, Reuters', { first: false })).toBe('byline');
		expect(
			pagePartOf('Reporting by Tiemoko Diallo; Editing by Alex Richardson', { first: false })
		).toBe('byline');
	});

	it('recognises photo captions by their credit', () => {
		expect(
			pagePartOf(
				'Protestors in Mali and Burkina Faso have been pushing for French troops to leave. REUTERS - ANNE MIMAULT',
				{ first: false }
			)
		).toBe('caption');
		expect(pagePartOf('FILE PHOTO: French soldiers patrol in central Mali', { first: false })).toBe(
			'caption'
		);
		expect(pagePartOf('Soldiers board a plane at Gao airport (AFP)', { first: false })).toBe(
			'caption'
		);
	});

	it('leaves reporting alone, even a sentence that lost its full stop', () => {
		expect(
			pagePartOf('France will send an extra 220 soldiers to bolster its military presence there.', {
				first: true
			})
		).toBeNull();
		expect(
			pagePartOf(
				'French President Emmanuel Macron said that Niger had agreed to host European forces fighting Islamist militants in the Sahel',
				{ first: false }
			)
		).toBeNull();
		expect(
			pagePartOf('By Friday, the last troops had crossed the border into Niger.', { first: false })
		).toBeNull();
	});
});

describe('datelineAt', () => {
	it('finds the dateline that opens a paragraph', () => {
		expect(datelineAt('BAMAKO, Feb 17 (Reuters) - Mali’s junta said on Thursday')).toBe(
			'BAMAKO, Feb 17 (Reuters) - '
		);
		expect(datelineAt('PARIS (AFP) — France will pull its troops out')).toBe('PARIS (AFP) — ');
		expect(datelineAt('Belgium (Brussels Morning Newspaper) France’s President')).toBe(
			'Belgium (Brussels Morning Newspaper) '
		);
		// Two cities, as wire copy filed from two bureaus has it.
		expect(datelineAt('NEW YORK/LONDON, July 20 (Reuters) - Airlines grounded flights')).toBe(
			'NEW YORK/LONDON, July 20 (Reuters) - '
		);
		expect(datelineAt('France will send an extra 220 soldiers')).toBeNull();
		expect(datelineAt('A French contingent of 2,400 troops')).toBeNull();
	});
});

describe('splitSentences on a pasted page', () => {
	const page = [
		'Mali junta orders French ambassador to leave within 72 hours of the decision',
		'By Tiemoko Diallo and John Irish',
		'',
		'BAMAKO, Jan 31 (Reuters) - Mali’s ruling junta ordered the French ambassador to leave the country within 72 hours on Monday.',
		'A French soldier stands guard at a base in Gao. REUTERS - BENOIT TESSIER',
		'The move follows weeks of tension between Paris and its former colony over the timetable for elections.',
		'Reporting by Tiemoko Diallo; Editing by Alex Richardson'
	].join('\n');

	it('drafts from the reporting only, the dateline cut off', () => {
		expect(splitSentences(page, []).map((s) => s.text)).toEqual([
			'Mali’s ruling junta ordered the French ambassador to leave the country within 72 hours on Monday.',
			'The move follows weeks of tension between Paris and its former colony over the timetable for elections.'
		]);
	});
});

describe('draftId', () => {
	it('gives two ids to two keys that share their first 60 characters, each a valid id of at most 60', () => {
		const slug = 'mali-junta-orders-french-ambassador-to-leave-within-72-hours-of-the-decision-x7k';
		const a = draftId(slug, 'number-72-hours');
		const b = draftId(slug, 'place-bamako');
		expect(a).not.toBe(b);
		for (const id of [a, b]) {
			expect(id.length).toBeLessThanOrEqual(60);
			expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/u);
		}
		expect(draftId('pau', 'number-220')).toBe('pau-number-220');
	});
});

describe('splitSentences: abbreviations', () => {
	it('does not end a sentence at "p.m.", "U.N.", "U.S." or an initial', () => {
		const text = [
			'The lander touched down at 6:04 p.m. India time, setting off cheers in the control room.',
			'The U.N. Security Council voted in June to close the mission by the end of the year.',
			'It has lagged behind other central banks: the U.S. Federal Reserve raised its main rate in June.',
			'"We are on the Moon," the agency\'s chairman S. Somanath told the staff in the control room.'
		].join('\n');
		const sentences = splitSentences(text, []);
		expect(sentences.map((s) => s.text)).toEqual(text.split('\n'));
	});
});
