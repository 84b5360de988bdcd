import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
	it('starts with a BOM and ends lines with CRLF', () => {
		expect(
			toCsv([
				['a', 'b'],
				[1, null]
			])
		).toBe('\uFEFF"a","b"\r\n1,\r\n');
	});
	it('quotes commas, quotes and line breaks, and keeps accents', () => {
		expect(toCsv([['Zodi, Maïkol', 'say "no"', 'two\nlines']])).toBe(
			'\uFEFF"Zodi, Maïkol","say ""no""","two\nlines"\r\n'
		);
	});
	it('defuses text a spreadsheet would run as a formula', () => {
		expect(toCsv([['=HYPERLINK("x")', '-1', 42, -1]])).toBe(
			'\uFEFF"\'=HYPERLINK(""x"")","\'-1",42,-1\r\n'
		);
	});
	it('quotes every text cell, so no locale splits one at its own separator into a formula', () => {
		expect(toCsv([['Zoe;=1+1;', 'Tab\t=1+1', 'plain', 3]])).toBe(
			'\uFEFF"Zoe;=1+1;","Tab\t=1+1","plain",3\r\n'
		);
	});
	it('defuses every formula lead: = + - @, tab and carriage return', () => {
		for (const lead of ['=', '+', '-', '@', '\t', '\r']) {
			const field = toCsv([[`${lead}cmd|' /C calc'!A0`]])
				.slice(1)
				.replace(/\r\n$/, '');
			// Quoted or not, the cell's text begins with the apostrophe, never with the lead itself.
			expect(field.replace(/^"/, '')).toMatch(/^'/);
		}
		expect(toCsv([['a=1', 'x@y']])).toBe('\uFEFF"a=1","x@y"\r\n');
	});
});
