// Which new passwords are refused: too short or long (counted in characters), all whitespace, or among
// the passwords people use most. The list is zxcvbn-ts's `passwords-common` (@zxcvbn-ts/language-common):
// about 49,000 passwords ranked by how often they appear in leaked password sets, kept by the zxcvbn-ts
// project. NIST SP 800-63B asks for exactly this check ("values known to be commonly-used").
import { dictionary } from '@zxcvbn-ts/language-common';
import { normalisePassword, PASSWORD_MAX, PASSWORD_MIN, passwordLength } from './auth.ts';

let common: Set<string> | null = null;
/** The list is lower-case; built on first use (about 10 ms). */
function commonPasswords(): Set<string> {
	common ??= new Set(dictionary['passwords-common']);
	return common;
}

export function isCommonPassword(password: string): boolean {
	return commonPasswords().has(normalisePassword(password).toLowerCase());
}

/** What is wrong with `password` as a new password, in words for the form, or null. */
export function passwordProblem(password: string): string | null {
	const length = passwordLength(password);
	if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters for the password.`;
	if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters for the password.`;
	if (!password.trim())
		return 'A password of spaces only is too easy to guess: add other characters.';
	if (isCommonPassword(password))
		return 'This password is one of the most common ones, the first that anyone would try: choose another.';
	return null;
}
