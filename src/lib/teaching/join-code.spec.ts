import { describe, expect, it } from 'vitest';
import {
	isWellFormedJoinCode,
	JOIN_CODE_ALPHABET,
	newJoinCode,
	normaliseJoinCode
} from './join-code.ts';

describe('join codes', () => {
	it('use only unambiguous characters', () => {
		for (const c of '0O1IL5S2Z') expect(JOIN_CODE_ALPHABET).not.toContain(c);
	});
	it('are six characters drawn from the alphabet', () => {
		let i = 0;
		const code = newJoinCode((n) => (i++ * 7) % n);
		expect(code).toHaveLength(6);
		expect(isWellFormedJoinCode(code)).toBe(true);
	});
	it('accept what a student types in lower case with spaces or dashes', () => {
		expect(normaliseJoinCode(' abc-def ')).toBe('ABCDEF');
		expect(isWellFormedJoinCode(normaliseJoinCode('kmn 347'))).toBe(true);
		expect(isWellFormedJoinCode('KMN34O')).toBe(false);
	});
});
