import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { loadBankFromDir } from '../../src/lib/bank/load-from-disk.ts';
import { signUp, startQuiz } from '../helpers/e2e.ts';

const { bank } = loadBankFromDir(path.resolve(import.meta.dirname, '../../questions'));

async function questionOnScreen(page: Page) {
	return {
		id: await page.locator('input[name="questionId"]').inputValue(),
		type: await page.locator('input[name="questionType"]').inputValue()
	};
}

test('no page or data request carries the answer key of an unanswered question', async ({
	page,
	request
}) => {
	await signUp(page);
	const base = await startQuiz(page, 10);
	const cookies = await page.context().cookies();
	const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	for (let n = 1; n <= 10; n++) {
		const html = await (await request.get(`${base}/${n}`, { headers: { cookie } })).text();
		const data = await (
			await request.get(`${base}/${n}/__data.json`, { headers: { cookie } })
		).text();
		await page.goto(`${base}/${n}`);
		const { id } = await questionOnScreen(page);
		const q = bank!.questions.find((b) => b.id === id)!;
		for (const body of [html, data]) {
			expect(body).not.toMatch(/"?correct"?:\s*true|"accepted"|"tolerance"|"explanation"/);
			expect(body).not.toContain(q.explanation.slice(0, 40));
			if (q.type === 'short_text')
				for (const a of q.accepted)
					expect(body.toLowerCase()).not.toContain(`>${a.toLowerCase()}<`);
		}
	}
});

test('forged and tampered requests get a clear 4xx', async ({
	page,
	browser,
	request,
	baseURL
}) => {
	await signUp(page);
	const base = await startQuiz(page, 5);
	const url = new URL(base);
	// Every question of the attempt, so that the stranger below is none of them: the quiz is drawn at random.
	const inAttempt = new Set<string>();
	for (let n = 1; n <= 5; n++) {
		await page.goto(`${base}/${n}`);
		inAttempt.add((await questionOnScreen(page)).id);
	}
	await page.goto(`${base}/1`);
	const q = await questionOnScreen(page);
	const own = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	// By default as a browser posts a form without JavaScript; `accept: application/json` as a script would.
	const post = (
		path: string,
		fields: Record<string, string | string[]>,
		cookie = own,
		accept = 'text/html'
	) =>
		request.post(path, {
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept,
				origin: baseURL!,
				cookie
			},
			data: new URLSearchParams(
				Object.entries(fields).flatMap(([k, v]) => [v].flat().map((x) => [k, x]))
			).toString(),
			maxRedirects: 0
		});

	// A question that is not in this attempt.
	const stranger = bank!.questions.find((b) => !inAttempt.has(b.id) && b.type === 'true_false')!;
	let res = await post(`${url.pathname}/1?/save`, {
		questionId: stranger.id,
		questionType: 'true_false',
		value: 'true'
	});
	expect(res.status()).toBe(400);
	expect(await res.text()).toContain('is not part of this attempt');

	// An option that is not in the question.
	const forged: Record<string, string | string[]> =
		q.type === 'single' || q.type === 'multiple'
			? { choice: 'forged-option' }
			: q.type === 'ordering'
				? { order: ['forged-item'] }
				: q.type === 'true_false'
					? { value: 'maybe' }
					: q.type === 'numeric'
						? { value: 'a lot' }
						: { text: 'x'.repeat(1500) };
	res = await post(`${url.pathname}/1?/save`, {
		questionId: q.id,
		questionType: q.type,
		...forged
	});
	expect(res.status()).toBe(400);

	// An oversized field.
	res = await post(`${url.pathname}/1?/save`, {
		questionId: q.id,
		questionType: 'short_text',
		text: 'x'.repeat(5000)
	});
	expect(res.status()).toBe(413);

	// No session at all: a script is told 401; a browser is sent to sign in. Nothing is saved either way.
	const anonymous = { questionId: q.id, questionType: 'true_false', value: 'true' };
	res = await post(`${url.pathname}/1?/save`, anonymous, '', 'application/json');
	expect(res.status()).toBe(401);
	res = await post(`${url.pathname}/1?/save`, anonymous, '');
	expect(res.status()).toBe(303);
	expect(res.headers()['location']).toMatch(/^\/signin/);

	// Someone else's attempt.
	const otherContext = await browser.newContext();
	const other = await otherContext.newPage();
	await signUp(other, 'Someone Else');
	const otherCookie = (await otherContext.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	res = await post(
		`${url.pathname}/1?/save`,
		{ questionId: q.id, questionType: 'true_false', value: 'true' },
		otherCookie
	);
	expect(res.status()).toBe(404);
	expect((await other.goto(`${base}/1`))!.status()).toBe(404);
	await otherContext.close();

	// After submission.
	res = await post(`${url.pathname}/review?/submit`, {});
	expect(res.status()).toBe(303);
	res = await post(`${url.pathname}/1?/save`, {
		questionId: q.id,
		questionType: 'true_false',
		value: 'true'
	});
	expect(res.status()).toBe(409);
	res = await post(`${url.pathname}/review?/submit`, {});
	expect(res.status()).toBe(409);
});

test('the quiz works with JavaScript turned off', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signUp(page, 'No Script');
	await startQuiz(page, 5);
	for (let n = 1; n <= 5; n++) {
		const { type } = await questionOnScreen(page);
		if (type === 'single' || type === 'multiple')
			await page.locator('input[name="choice"]').first().check();
		if (type === 'true_false') await page.getByLabel('False').check();
		if (type === 'numeric') await page.locator('input[name="value"]').fill('2400');
		if (type === 'short_text') await page.locator('input[name="text"]').fill('Bamako');
		if (type === 'ordering') {
			// Each move posts the form and comes back to the same question.
			await page.locator('button[data-move$=":down"]').first().click();
			await expect(page.getByText(`Question ${n} of 5`, { exact: true })).toBeVisible();
		}
		await page.getByRole('button', { name: /Next|Review/ }).click();
	}
	await expect(page.getByText('All 5 questions are answered.')).toBeVisible();
	await page.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	await expect(page.locator('li.result')).toHaveCount(5);
	await context.close();
});
