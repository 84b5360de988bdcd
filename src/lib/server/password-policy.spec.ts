import { describe, expect, it } from 'vitest';
import { isCommonPassword, passwordProblem } from './password-policy.ts';

describe('passwordProblem', () => {
	it('refuses the most common passwords, in any case', () => {
		for (const p of ['12345678', 'password', 'Password', 'qwertyuiop', 'iloveyou', 'password1'])
			expect(passwordProblem(p), p).toMatch(/most common/);
		expect(isCommonPassword('123456789')).toBe(true);
	});
	it('refuses passwords of whitespace only', () => {
		expect(passwordProblem('        ')).toMatch(/spaces only/);
		expect(passwordProblem('\t\t\t\t\t\t\t\t\t')).toMatch(/spaces only/);
	});
	it('still says when a password is too short or too long', () => {
		expect(passwordProblem('abcdefg')).toBe('Use at least 8 characters for the password.');
		expect(passwordProblem('x'.repeat(257))).toBe('Use at most 256 characters for the password.');
	});
	it('accepts uncommon passwords, Unicode included', () => {
		for (const p of [
			'correct-horse-battery',
			'sahel-student-1',
			'🦊🐧🦉🐢🐙🦋🐝🐞',
			'日本語の合言葉です'
		])
			expect(passwordProblem(p), p).toBeNull();
	});
});
