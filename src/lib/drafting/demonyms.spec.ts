import { describe, expect, it } from 'vitest';
import { namesItsPeople } from './demonyms.ts';

describe('namesItsPeople', () => {
	it.each([
		['the 24-year-old Dutchman', 'Netherlands'],
		['a Kenyan runner', 'Kenya'],
		['Chinese officials', 'China'],
		['the Gabonese army', 'Gabon'],
		['a Malian colonel', 'Mali']
	])('"%s" names the people of %s', (words, country) => {
		expect(namesItsPeople(words, country)).toBe(true);
	});

	it('keeps apart neighbours whose names share a stem: a Nigerian is not from Niger', () => {
		expect(namesItsPeople('a Nigerian general', 'Niger')).toBe(false);
		expect(namesItsPeople('a Nigerien general', 'Niger')).toBe(true);
	});

	it('reads whole words only', () => {
		expect(namesItsPeople('Germanic languages', 'Germany')).toBe(false);
	});
});
