// Abuse that would hurt everyone else, over HTTP against the production build (issue 12): drafting a long
// article must not hold up another user's request, and `next` never leads off the site or to a 500.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT}`;

async function signInCookie(email: string, password: string) {
	const response = await fetch(`${ORIGIN}/signin`, {
		method: 'POST',
		body: new URLSearchParams({ email, password }),
		redirect: 'manual',
		headers: { origin: ORIGIN, accept: 'text/html' }
	});
	expect(response.status).toBe(303);
	return response.headers
		.getSetCookie()
		.find((c) => c.startsWith('session='))!
		.split(';')[0];
}

function longArticleText(chars = 40_000): string {
	const dir = path.resolve('questions/articles');
	let text = '';
	for (const file of readdirSync(dir).sort()) {
		if (text.length >= chars) break;
		text += readFileSync(path.join(dir, file), 'utf8') + '\n';
	}
	return text.slice(0, chars);
}

test('while a teacher drafts a 40,000-character article, sign-in pages are served to others at once (the drafting worker runs in the build)', async () => {
	test.setTimeout(120_000);
	const cookie = await signInCookie('teacher@demo.test', 'sahel-teacher-1');
	const order: string[] = [];
	const drafting = fetch(`${ORIGIN}/teach/articles?/add`, {
		method: 'POST',
		body: new URLSearchParams({
			title: 'A very long article',
			publisher: 'Test Wire',
			eventDate: '2023-01-17',
			text: longArticleText()
		}),
		redirect: 'manual',
		headers: { origin: ORIGIN, accept: 'text/html', cookie }
	}).then((r) => {
		order.push('drafting');
		return r;
	});
	// Give the drafting request a moment to reach the server, then ask for pages one after another.
	await new Promise((r) => setTimeout(r, 300));
	for (let i = 0; i < 5; i++) {
		const page = await fetch(`${ORIGIN}/signin`);
		expect(page.status).toBe(200);
		await page.text();
	}
	order.push('sign-in pages');
	const response = await drafting;
	// The drafts were made and stored: the teacher is sent to the article's page.
	expect(response.status).toBe(303);
	expect(response.headers.get('location')).toMatch(/^\/teach\/articles\/t-/);
	expect(order).toEqual(['sign-in pages', 'drafting']);
});

test('next after sign-in: another origin or a malformed path goes home, never a 500', async () => {
	const cookie = await signInCookie('student@demo.test', 'sahel-student-1');
	for (const next of ['/%09/evil.example/', '%2F%2Fevil.example', '/%0a', '/%0d', '/%E3%80%82']) {
		const response = await fetch(`${ORIGIN}/signin?next=${next}`, {
			redirect: 'manual',
			headers: { cookie }
		});
		expect(response.status, next).toBe(303);
		const location = response.headers.get('location')!;
		expect(new URL(location, ORIGIN).origin, next).toBe(ORIGIN);
		expect(location.startsWith('//'), next).toBe(false);
	}
	const kept = await fetch(`${ORIGIN}/signin?next=%2Fpractice`, {
		redirect: 'manual',
		headers: { cookie }
	});
	expect(kept.headers.get('location')).toBe('/practice');
});
