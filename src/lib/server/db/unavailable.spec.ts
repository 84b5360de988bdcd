import { describe, expect, test } from 'vitest';
import { serviceUnavailableResponse } from '../errors.ts';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailableError } from './unavailable.ts';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('isDatabaseUnavailableError', () => {
	test.each([
		'ECONNREFUSED',
		'ECONNRESET',
		'CONNECTION_CLOSED',
		'CONNECTION_ENDED',
		'CONNECT_TIMEOUT',
		'57P01',
		'57P02',
		'57P03',
		'08006',
		'53300'
	])('%s is an outage', (code) => {
		expect(isDatabaseUnavailableError(withCode(code))).toBe(true);
	});

	test.each(['23505', '40001', '40P01', '22P02', '42P01', 'ERR_INVALID_ARG_TYPE'])(
		'%s is not',
		(code) => {
			expect(isDatabaseUnavailableError(withCode(code))).toBe(false);
		}
	);

	test('looks through Drizzle’s wrapper and AggregateError, not through anything else', () => {
		expect(
			isDatabaseUnavailableError(
				new Error('Failed query: select 1', { cause: withCode('CONNECTION_CLOSED') })
			)
		).toBe(true);
		expect(
			isDatabaseUnavailableError(
				new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')])
			)
		).toBe(true);
		expect(
			isDatabaseUnavailableError(new Error('Failed query', { cause: withCode('23505') }))
		).toBe(false);
		expect(isDatabaseUnavailableError(new Error('no code'))).toBe(false);
		expect(isDatabaseUnavailableError(null)).toBe(false);
		expect(isDatabaseUnavailableError('ECONNREFUSED')).toBe(false);
	});
});

describe('serviceUnavailableResponse', () => {
	const request = (headers: Record<string, string>) =>
		new Request('http://localhost/attempts/a/1', { headers });

	test('a form action enhanced by SvelteKit gets its error JSON', async () => {
		const res = serviceUnavailableResponse(
			request({ 'x-sveltekit-action': 'true', accept: 'application/json' }),
			false,
			DATABASE_UNAVAILABLE_MESSAGE
		);
		expect(res.status).toBe(503);
		expect(res.headers.get('retry-after')).toBe('5');
		expect(await res.json()).toEqual({
			type: 'error',
			error: { message: DATABASE_UNAVAILABLE_MESSAGE }
		});
	});

	test('page data and fetches get JSON, browsers a page, anything else plain text', async () => {
		const data = serviceUnavailableResponse(request({}), true, DATABASE_UNAVAILABLE_MESSAGE);
		expect(data.headers.get('content-type')).toContain('application/json');
		expect(await data.json()).toEqual({ message: DATABASE_UNAVAILABLE_MESSAGE });
		const page = serviceUnavailableResponse(
			request({ accept: 'text/html,application/xhtml+xml,*/*' }),
			false,
			DATABASE_UNAVAILABLE_MESSAGE
		);
		expect(page.headers.get('content-type')).toContain('text/html');
		expect(await page.text()).toContain(DATABASE_UNAVAILABLE_MESSAGE);
		const plain = serviceUnavailableResponse(
			request({ accept: '*/*' }),
			false,
			DATABASE_UNAVAILABLE_MESSAGE
		);
		expect(plain.status).toBe(503);
		expect(plain.headers.get('content-type')).toContain('text/plain');
		expect(await plain.text()).toBe(DATABASE_UNAVAILABLE_MESSAGE + '\n');
	});
});
