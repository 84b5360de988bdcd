// Two tabs on one attempt: the tab that did not see the other's answer cannot overwrite it. Its save is
// refused with 409, it says so and shows the saved answer; from there it can change the answer again.
// The same without JavaScript: the refused form post shows the page with the saved answer.
import { expect, test, type Page } from '@playwright/test';
import { signUp } from '../helpers/e2e.ts';

/** A practice quiz of true/false questions; the path of question 1. */
async function startTrueFalseQuiz(page: Page) {
	await page.goto('/practice');
	await page.getByText('More options').click();
	await page.getByLabel('True or false').check();
	await page.getByLabel('5 questions', { exact: true }).check();
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page).toHaveURL(/\/attempts\/[\w-]+\/1$/);
	return new URL(page.url()).pathname;
}

const radio = (page: Page, name: 'True' | 'False') =>
	page.getByRole('radio', { name, exact: true });

test('a stale tab is refused with 409, shows the saved answer and can then change it', async ({
	browser
}) => {
	const context = await browser.newContext();
	const first = await context.newPage();
	await signUp(first, 'Two Tabs');
	const question = await startTrueFalseQuiz(first);
	const second = await context.newPage();
	await second.goto(question);
	await expect(radio(second, 'True')).not.toBeChecked();

	await radio(first, 'True').check();
	await expect(first.getByText(/Answer saved ✓/)).toBeVisible();

	// The second tab still shows no answer; its save would overwrite the first tab's.
	const refused = second.waitForResponse((r) => r.url().includes('?/save'));
	// One click, as a person makes: check() would click again if the refusal's fresh answer replaced the radio
	// before it looked (seen under load), and that second click is a new, valid change.
	await radio(second, 'False').click();
	const body = await (await refused).text();
	expect(body).toContain('"status":409');
	await expect(second.getByRole('alert')).toContainText('changed in another tab');
	await expect(radio(second, 'True')).toBeChecked();
	await expect(radio(second, 'False')).not.toBeChecked();
	await first.reload();
	await expect(radio(first, 'True')).toBeChecked();

	// Now based on the saved answer, the second tab's change goes through; the first tab is the stale one.
	await radio(second, 'False').check();
	await expect(second.getByText(/Answer saved ✓/)).toBeVisible();
	await second.reload();
	await expect(radio(second, 'False')).toBeChecked();

	// Several changes in a row from one tab never trip over its own saves.
	for (const choice of ['True', 'False', 'True'] as const) {
		await radio(second, choice).check();
		await expect(second.getByText(/Answer saved ✓/)).toBeVisible();
	}
	await second.getByRole('button', { name: 'Next →' }).click();
	await expect(second).toHaveURL(/\/2$/);
	await second.goto(question);
	await expect(radio(second, 'True')).toBeChecked();
	await context.close();
});

test('without JavaScript a stale form post is refused with 409 and the page shows the saved answer', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const stale = await context.newPage();
	await signUp(stale, 'No Script Tabs');
	const question = await startTrueFalseQuiz(stale);
	const fresh = await context.newPage();
	await fresh.goto(question);
	await radio(fresh, 'True').check();
	await fresh.getByRole('button', { name: 'Next →' }).click();
	await expect(fresh).toHaveURL(/\/2$/);

	await radio(stale, 'False').check();
	const [response] = await Promise.all([
		stale.waitForResponse((r) => r.request().method() === 'POST'),
		stale.getByRole('button', { name: 'Next →' }).click()
	]);
	expect(response.status()).toBe(409);
	await expect(stale.getByRole('alert')).toContainText('changed in another tab');
	await expect(radio(stale, 'True')).toBeChecked();
	await context.close();
});
