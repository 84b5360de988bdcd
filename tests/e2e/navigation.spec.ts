// Getting around: every learner page in the header, one row with a menu on a phone (a disclosure that
// works without JavaScript), and a keyboard path that reaches the answer and the Start button quickly.
import { expect, test, type Page } from '@playwright/test';
import { screenshot, signUp, startQuiz } from '../helpers/e2e.ts';

/** Tabs from the top of the page (skip link first) until `target` has focus; the number of presses. */
async function tabsTo(page: Page, isTarget: () => Promise<boolean>, max = 40) {
	for (let n = 1; n <= max; n++) {
		await page.keyboard.press('Tab');
		if (await isTarget()) return n;
	}
	return Infinity;
}

test('header: learner pages on a wide screen, one row and a menu on a phone', async ({ page }) => {
	// A long name, as real ones can be: it must not push the links onto a second row.
	await signUp(page, 'Navigation Learner Withaverylongname');
	await page.setViewportSize({ width: 1280, height: 800 });
	const nav = page.getByRole('navigation', { name: 'Main' });
	for (const name of ['Mistakes', 'Progress', 'Settings'])
		await expect(nav.getByRole('link', { name })).toBeVisible();
	const wide = await page.locator('header.site').boundingBox();
	expect(wide!.height, 'the header is one row at 1280 px').toBeLessThan(60);
	await screenshot(page, 'header-1280');

	await page.setViewportSize({ width: 390, height: 800 });
	const header = await page.locator('header.site').boundingBox();
	expect(header!.height, 'the header is one row on a phone').toBeLessThan(70);
	await expect(nav.getByRole('link', { name: 'Progress' })).toBeHidden();
	await nav.getByText('Menu').click();
	await expect(nav.getByRole('link', { name: 'Progress' })).toBeVisible();
	await screenshot(page, 'header-menu-390');
	await nav.getByRole('link', { name: 'Mistakes' }).click();
	await expect(page).toHaveURL(/\/mistakes$/);
});

test('keyboard: Start two Tabs after the skip link; the first option before the question links', async ({
	page
}) => {
	await signUp(page, 'Tab Learner');
	await page.goto('/practice');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter'); // the skip link
	const start = page.getByRole('button', { name: 'Start the quiz' });
	expect(await tabsTo(page, () => start.evaluate((el) => el === document.activeElement))).toBe(2);

	await startQuiz(page, 20);
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	const inQuestion = () =>
		page.evaluate(
			() =>
				!!document.activeElement?.closest(
					'form.question input, form.question textarea, form.question button'
				)
		);
	expect(await tabsTo(page, inQuestion)).toBeLessThanOrEqual(2);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the quiz does not promise keys or autosave; the phone menu opens', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 800 });
		await signUp(page, 'Plain Learner');
		await startQuiz(page, 5);
		await expect(page.getByText('Keys:')).toHaveCount(0);
		await expect(page.getByText('Answers save as you go')).toHaveCount(0);
		await page.getByText('Menu').click();
		await expect(page.getByRole('link', { name: 'Progress' })).toBeVisible();
	});
});
