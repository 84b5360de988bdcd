import { describe, expect, it } from 'vitest';
import {
	checkRequestBody,
	checkRequestUrl,
	MAX_ANY_FIELD,
	MAX_FIELDS,
	parseBodySizeLimit,
	refusalResponse
} from './request-guard.ts';

const post = (body: BodyInit, headers: Record<string, string>) =>
	new Request('http://x.test/a?/b', { method: 'POST', body, headers });
const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };

describe('parseBodySizeLimit', () => {
	it('reads adapter-node syntax', () => {
		expect(parseBodySizeLimit('2M')).toBe(2 * 1024 * 1024);
		expect(parseBodySizeLimit('512K')).toBe(512 * 1024);
		expect(parseBodySizeLimit('1000')).toBe(1000);
		expect(parseBodySizeLimit('Infinity')).toBe(Infinity);
		expect(parseBodySizeLimit(undefined)).toBe(512 * 1024);
		expect(parseBodySizeLimit('lots')).toBe(512 * 1024);
	});
});

describe('checkRequestBody', () => {
	it(`refuses a form of more than ${MAX_FIELDS} fields before parsing it, urlencoded or multipart`, async () => {
		const many = Array.from({ length: MAX_FIELDS + 1 }, (_, i) => `f${i}=`).join('&');
		expect(await checkRequestBody(post(many, urlencoded), 10 * 1024 * 1024)).toEqual({
			status: 413,
			message: 'The form has too many fields (at most 1,000).'
		});
		const emptyFields = '&'.repeat(660_000);
		expect(await checkRequestBody(post(emptyFields, urlencoded), 10 * 1024 * 1024)).toMatchObject({
			status: 413
		});
		const multipart = new FormData();
		for (let i = 0; i <= MAX_FIELDS; i++) multipart.append(`f${i}`, '');
		expect(
			await checkRequestBody(
				new Request('http://x.test/a?/b', { method: 'POST', body: multipart }),
				10 * 1024 * 1024
			)
		).toMatchObject({ status: 413 });
		// Exactly the limit is fine, and the route still reads the form.
		const enough = Array.from({ length: MAX_FIELDS }, (_, i) => `f${i}=${i}`).join('&');
		const req = post(enough, urlencoded);
		expect(await checkRequestBody(req, 10 * 1024 * 1024)).toBeNull();
		expect((await req.formData()).get('f999')).toBe('999');
		const fewMultipart = new FormData();
		fewMultipart.append('name', 'Amina');
		const multiReq = new Request('http://x.test/a?/b', { method: 'POST', body: fewMultipart });
		expect(await checkRequestBody(multiReq, 1000)).toBeNull();
		expect((await multiReq.formData()).get('name')).toBe('Amina');
	});
	it('lets ordinary forms and GETs through, and leaves the body readable', async () => {
		const req = post('name=Amina&code=ABC', urlencoded);
		expect(await checkRequestBody(req, 1000)).toBeNull();
		expect((await req.formData()).get('name')).toBe('Amina');
		// Read once: the route gets the form the check parsed, as often as it asks.
		expect((await req.formData()).get('code')).toBe('ABC');
		expect(await checkRequestBody(new Request('http://x.test/'), 10)).toBeNull();
	});
	it('refuses a body over the limit by its length, read or not', async () => {
		expect(
			await checkRequestBody(
				post('a=' + 'x'.repeat(100), { ...urlencoded, 'content-length': '102' }),
				50
			)
		).toMatchObject({ status: 413 });
	});
	it('refuses a NUL character and names the field', async () => {
		expect(await checkRequestBody(post('name=a%00b', urlencoded), 1000)).toEqual({
			status: 400,
			message: expect.stringContaining('"name"')
		});
	});
	it('refuses a field longer than any form allows', async () => {
		expect(
			await checkRequestBody(post(`text=${'y'.repeat(MAX_ANY_FIELD + 1)}`, urlencoded), Infinity)
		).toMatchObject({ status: 413 });
	});
	it('refuses a form that cannot be parsed with 400, not a TypeError', async () => {
		const broken = post('--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end', {
			'content-type': 'multipart/form-data; boundary=XYZ'
		});
		expect(await checkRequestBody(broken, 1000)).toMatchObject({ status: 400 });
	});
	it('answers in the form the asker reads', async () => {
		const refusal = { status: 400 as const, message: 'Field "x" <is> bad' };
		const json = refusalResponse(post('', { accept: 'application/json' }), refusal);
		expect(json.status).toBe(400);
		expect(await json.json()).toEqual({ type: 'error', error: { message: refusal.message } });
		const html = await refusalResponse(post('', { accept: 'text/html' }), refusal).text();
		expect(html).toContain('&#60;is&#62;');
	});
});

describe('checkRequestUrl', () => {
	it('refuses a NUL in the path or the query, naming the parameter', () => {
		expect(checkRequestUrl(new URL('http://x.test/teach/sets/abc?article=%00'))).toEqual({
			status: 400,
			message: expect.stringContaining('"article"')
		});
		expect(checkRequestUrl(new URL('http://x.test/attempts/a%00b/1'))).toMatchObject({
			status: 400
		});
		expect(checkRequestUrl(new URL('http://x.test/attempts/%E0%A4%A/1'))).toMatchObject({
			status: 400
		});
		expect(checkRequestUrl(new URL('http://x.test/articles/pau?fact=f-1&x=%C3%A9'))).toBeNull();
	});
});
