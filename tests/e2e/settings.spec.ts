// Settings never change what the learner did not touch: the default zone (UTC) is on the list, so
// saving another setting keeps it. A new account is welcomed, not welcomed back.
import { expect, test } from '@playwright/test';
import { screenshot, signUp } from '../helpers/e2e.ts';

test('saving settings keeps the time zone; a new account is welcomed', async ({ page }) => {
	await signUp(page, 'Zone Keeper'); // checks "Welcome, Zone Keeper"
	await page.goto('/settings');
	const zone = page.getByLabel('Time zone');
	await expect(zone).toHaveValue('UTC');
	await page.getByLabel('New cards per day').fill('15');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
	await page.reload();
	await expect(zone).toHaveValue('UTC');
	await expect(page.getByLabel('New cards per day')).toHaveValue('15');
	await screenshot(page, 'settings-1280');
});
