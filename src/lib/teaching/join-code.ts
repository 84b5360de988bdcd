// Class join codes: short, and made of characters nobody misreads when a teacher writes them on a board
// (no 0/O, 1/I/L, 5/S, 2/Z).
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRTUVWXY346789';
export const JOIN_CODE_LENGTH = 6;

/** A new random code; `randomInt(n)` returns an integer in [0, n) (crypto.randomInt on the server). */
export function newJoinCode(randomInt: (n: number) => number): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++)
		code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
	return code;
}

/** What a student typed, in the form codes are stored: upper case, spaces and dashes ignored. */
export function normaliseJoinCode(typed: string): string {
	return typed.toUpperCase().replace(/[\s-]/g, '');
}

export function isWellFormedJoinCode(code: string): boolean {
	return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}
