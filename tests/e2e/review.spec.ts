import { expect, test, type Page } from '@playwright/test';
import { loadRealBank } from '../helpers/bank.ts';
import { screenshot, signUp } from '../helpers/e2e.ts';

const bank = loadRealBank();

/** The key of the true/false statement whose prompt is on the page (tests only: looked up in the bank). */
async function keyOfShownStatement(page: Page): Promise<boolean> {
	const prompt = ((await page.locator('#prompt').textContent()) ?? '').trim();
	const matches = bank.questions.filter(
		(q) => q.type === 'true_false' && q.prompt.trim() === prompt
	);
	if (matches.length !== 1)
		throw new Error(`${matches.length} true/false questions read "${prompt}"`);
	return (matches[0] as { answer: boolean }).answer;
}

/**
 * A practice quiz of five true/false questions, each answered wrongly (the key looked up in the bank), so
 * that every run has mistakes to review whatever questions the quiz drew. Returns how many are wrong.
 */
async function quizWithMistakes(page: Page) {
	await page.goto('/practice');
	await page.getByText('More options').click();
	await page.getByLabel('True or false').check();
	await page.getByLabel('5 questions', { exact: true }).check();
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page).toHaveURL(/\/attempts\/[\w-]+\/1$/);
	for (let n = 1; n <= 5; n++) {
		await expect(page.getByText(`Question ${n} of 5`, { exact: true })).toBeVisible();
		const wrongAnswer = (await keyOfShownStatement(page)) ? 'False' : 'True';
		await page.getByRole('radio', { name: wrongAnswer, exact: true }).check();
		await expect(page.getByText(/Answer saved ✓/)).toBeVisible();
		await page.getByRole('button', { name: /Next|Review and submit/ }).click();
	}
	await page.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	return page.locator('li.result .badge', { hasText: 'Wrong' }).count();
}

test('mistakes come back for review: reveal, rate, and the session ends with a summary', async ({
	page
}) => {
	await signUp(page, 'Review Learner');
	const wrong = await quizWithMistakes(page);
	expect(wrong).toBe(5);

	// One card per fact: two of the quiz's questions may share one, so up to five are due.
	await page.goto('/');
	const dueText = await page.getByText(/\d+ reviews? due today/).textContent();
	const due = Number(/(\d+) reviews? due today/.exec(dueText ?? '')?.[1]);
	expect(due).toBeGreaterThan(0);
	expect(due).toBeLessThanOrEqual(wrong);
	await screenshot(page, 'review-home-due');
	await page.getByRole('link', { name: 'Start reviewing' }).click();

	for (let i = 0; i < due; i++) {
		await expect(page.getByRole('heading', { name: 'Review', exact: true })).toBeVisible();
		// Nothing of the key is on the page before the answer is revealed.
		await expect(page.locator('text=Answer:')).toHaveCount(0);
		if (i === 0) {
			// "Check my answer" with nothing given asks for an answer instead of showing the key.
			const refusal = await page.evaluate(async () => {
				const data = new FormData(
					document.querySelector<HTMLFormElement>('form[action="?/reveal"]')!
				);
				for (const name of ['choice', 'value', 'text', 'order']) data.delete(name);
				const res = await fetch('?/reveal', {
					method: 'POST',
					body: data,
					headers: { 'x-sveltekit-action': 'true' }
				});
				return res.text();
			});
			expect(refusal).toContain('Give an answer first');
			expect(refusal).not.toContain('correctText');
		}
		// The review may show another form of the fact (any type): show the answer, then rate it recalled.
		await page.getByRole('button', { name: 'Show the answer' }).click();
		await expect(page.getByText('How well did you recall it?')).toBeVisible();
		await expect(page.locator('blockquote.quote').first()).toBeVisible();
		if (i === 0) await screenshot(page, 'review-revealed');
		await page.getByRole('button', { name: /^Good/ }).click();
	}
	await expect(page.getByRole('heading', { name: 'Session done' })).toBeVisible();
	await expect(page.getByText(`You reviewed ${due} card`)).toBeVisible();
	await screenshot(page, 'review-summary');
});

test('the mistakes notebook lists wrong answers with the quote, and practises them again', async ({
	page
}) => {
	await signUp(page, 'Notebook Learner');
	const wrong = await quizWithMistakes(page);
	expect(wrong).toBe(5);
	await page.goto('/mistakes');
	await expect(page.locator('li.mistake')).toHaveCount(wrong);
	await expect(
		page.locator('li.mistake').first().getByText('False', { exact: true })
	).toBeVisible();
	await expect(page.locator('li.mistake blockquote.quote').first()).toBeVisible();
	await screenshot(page, 'mistakes');
	await page.getByRole('button', { name: /Practise these/ }).click();
	await expect(page.getByText(`Question 1 of ${wrong}`, { exact: true })).toBeVisible();
});

test('progress shows charts and tables; settings change retention and time zone', async ({
	page
}) => {
	await signUp(page, 'Progress Learner');
	await page.goto('/progress');
	await expect(page.getByRole('heading', { name: 'Nothing to show yet' })).toBeVisible();
	await quizWithMistakes(page);
	await page.goto('/progress');
	await expect(page.getByRole('heading', { name: 'Your progress' })).toBeVisible();
	// Quiz answers are not counted as reviews: today's column holds 5 quiz answers and no review.
	const today = page
		.locator('figure', { hasText: 'What you did each day' })
		.locator('.column')
		.last();
	await expect(today).toHaveAttribute('title', /Reviews 0, Quiz answers 5$/);
	for (const chart of ['Reviews due, next 30 days', 'Retention per week', 'Mastery by topic'])
		await expect(page.getByText(chart).first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Mastery by article' })).toBeVisible();
	await screenshot(page, 'progress');

	await page.goto('/settings');
	// What each retention would cost: the learner's own cards simulated (in a worker of the built server).
	await page.getByRole('link', { name: 'What would each retention cost me?' }).click();
	const workload = page.getByRole('region', { name: 'What each retention would cost you' });
	await expect(workload.locator('tbody tr')).toHaveCount(6);
	await expect(workload.getByText('(recommended minimum)')).toBeVisible();
	await expect(workload.getByRole('row', { name: /90% \(yours\)/ })).toBeVisible();
	await screenshot(page, 'settings-workload');
	await page.getByLabel('Time zone').selectOption('Pacific/Auckland');
	await page.getByLabel('New cards per day').fill('5');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Time zone')).toHaveValue('Pacific/Auckland');
	await expect(page.getByLabel('New cards per day')).toHaveValue('5');
	// The browser refuses too many new cards itself; without its check the server says what is wrong.
	const newCards = page.getByLabel('New cards per day');
	await newCards.fill('9999');
	expect(await newCards.evaluate((el: HTMLInputElement) => el.validity.rangeOverflow)).toBe(true);
	await newCards.evaluate((el: HTMLInputElement) => el.removeAttribute('max'));
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('At most 500.')).toBeVisible();
	await expect(newCards).toHaveValue('9999'); // what was typed is kept
	await screenshot(page, 'settings');
	await page.setViewportSize({ width: 375, height: 740 });
	await page.goto('/progress');
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	await screenshot(page, 'phone-progress');
});
