import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

const origin = 'https://quiz.example';

describe('safeNext', () => {
	it('keeps paths of this site, with their query and fragment', () => {
		expect(safeNext('/practice', origin)).toBe('/practice');
		expect(safeNext('/classes/join?code=KM7-4QX#top', origin)).toBe(
			'/classes/join?code=KM7-4QX#top'
		);
		expect(safeNext('/teach/classes/abc/../def', origin)).toBe('/teach/classes/def');
	});

	it('falls back to / when next is missing or not a path', () => {
		expect(safeNext(null, origin)).toBe('/');
		expect(safeNext(undefined, origin)).toBe('/');
		expect(safeNext('', origin)).toBe('/');
		expect(safeNext('practice', origin)).toBe('/');
		expect(safeNext('https://evil.example/', origin)).toBe('/');
		expect(safeNext('javascript:alert(1)', origin)).toBe('/');
	});

	it('never leads to another origin, however the host is disguised', () => {
		for (const next of [
			'//evil.example/',
			'/\\evil.example/',
			'/\t/evil.example/',
			'/\n/evil.example/',
			'/\r/evil.example/',
			'/\\\\evil.example',
			'/\t\\evil.example',
			'/ /evil.example'
		]) {
			const result = safeNext(next, origin);
			expect(new URL(result, origin).origin, JSON.stringify(next)).toBe(origin);
			expect(result.startsWith('//'), JSON.stringify(next)).toBe(false);
		}
		expect(safeNext('/\t/evil.example/', origin)).toBe('/');
	});

	it('never returns what a Location header cannot carry (control characters, non-ASCII)', () => {
		for (const next of ['/\n', '/\r', '/a\r\nSet-Cookie: x=1', '/。', '/x\u3002y', '/ü?q=é#ß']) {
			const result = safeNext(next, origin);
			expect(() => new Headers({ location: result }), JSON.stringify(next)).not.toThrow();
			expect(result).toMatch(/^\/[\x21-\x7e]*$/);
		}
		expect(safeNext('/ü?q=é', origin)).toBe('/%C3%BC?q=%C3%A9');
	});
});
