import { describe, expect, test } from 'vitest';
import {
	generateSessionToken,
	hashPassword,
	passwordLength,
	PASSWORD_MAX,
	PASSWORD_MIN,
	verifyPassword
} from './auth.ts';
import { sessionCookieOptions } from './session-cookie.ts';

describe('password hashing', () => {
	test('argon2id with at least m=19456 KiB, t=2, p=1, read from the produced hash string', async () => {
		const produced = await hashPassword('correct-horse-battery');
		const match = /^\$(argon2\w+)\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(produced);
		expect(match, produced).not.toBeNull();
		const [, variant, version, m, t, p] = match!;
		expect(variant).toBe('argon2id');
		expect(Number(version)).toBe(19);
		expect(Number(m)).toBeGreaterThanOrEqual(19456);
		expect(Number(t)).toBeGreaterThanOrEqual(2);
		expect(Number(p)).toBeGreaterThanOrEqual(1);
	});

	test('any Unicode, compared in NFC; a wrong password fails', async () => {
		const precomposed = 'caf\u00e9-日本語-🦊🦊';
		const stored = await hashPassword(precomposed);
		expect(await verifyPassword(stored, precomposed)).toBe(true);
		expect(await verifyPassword(stored, 'cafe\u0301-日本語-🦊🦊')).toBe(true);
		expect(await verifyPassword(stored, 'cafe-日本語-🦊🦊')).toBe(false);
		expect(await verifyPassword('not a hash', precomposed)).toBe(false);
	});

	test('length is counted in characters, so emoji and CJK count once', () => {
		expect(PASSWORD_MIN).toBe(8);
		expect(PASSWORD_MAX).toBeGreaterThanOrEqual(64);
		expect(passwordLength('🦊🦊🦊🦊🦊🦊🦊🦊')).toBe(8);
		expect('🦊🦊🦊🦊'.length).toBe(8);
		expect(passwordLength('🦊🦊🦊🦊')).toBe(4);
		expect(passwordLength('日本語の合言葉です')).toBe(9);
		expect(passwordLength('cafe\u0301')).toBe(4);
	});
});

describe('session tokens', () => {
	test('at least 128 bits, never the same twice', () => {
		const tokens = new Set(Array.from({ length: 1000 }, generateSessionToken));
		expect(tokens.size).toBe(1000);
		for (const token of tokens)
			expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
	});
});

describe('session cookie', () => {
	test('HttpOnly, SameSite=Lax and Secure over https', () => {
		const options = sessionCookieOptions(new URL('https://quiz.example.org/signin'));
		expect(options).toMatchObject({ path: '/', httpOnly: true, sameSite: 'lax', secure: true });
	});

	test('Secure also over http with a public host name (a TLS proxy in front)', () => {
		expect(sessionCookieOptions(new URL('http://quiz.example.org/signin')).secure).toBe(true);
		expect(sessionCookieOptions(new URL('http://10.0.0.5:3000/signin')).secure).toBe(true);
	});

	test('not Secure only for plain http on this machine (development, e2e and bench servers)', () => {
		for (const origin of ['http://127.0.0.1:4173', 'http://localhost:5173', 'http://[::1]:3000']) {
			expect(sessionCookieOptions(new URL(origin)).secure, origin).toBe(false);
		}
		expect(sessionCookieOptions(new URL('https://localhost')).secure).toBe(true);
	});
});
