import { expect, test } from '@playwright/test';
import { screenshot, signUp, uniqueEmail } from '../helpers/e2e.ts';

test('sign up, sign out, sign in again', async ({ page }) => {
	const email = await signUp(page, 'Aminata');
	await screenshot(page, 'auth-home-signed-in');
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();

	await page.goto('/signin');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('correct-horse-battery');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { name: 'Welcome back, Aminata' })).toBeVisible();
});

test('sign-up errors are shown beside the field, and what was typed is kept', async ({ page }) => {
	await page.goto('/signup');
	await page.getByLabel('Your name').fill('Short Password');
	const email = uniqueEmail();
	await page.getByLabel('Email').fill(email);
	// The browser's own minlength check would stop the form first; remove it to reach the server's.
	await page.getByLabel(/^Password/).evaluate((el) => el.removeAttribute('minlength'));
	await page.getByLabel(/^Password/).fill('short');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText('Use at least 8 characters for the password.')).toBeVisible();
	await expect(page.getByLabel('Email')).toHaveValue(email);
	await screenshot(page, 'auth-signup-error');
});

test('a wrong password is refused without saying which part was wrong', async ({ page }) => {
	await page.goto('/signin');
	await page.getByLabel('Email').fill('student@demo.test');
	await page.getByLabel('Password').fill('not-the-password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('That email and password do not match an account.');
});

test('the demo student can sign in', async ({ page }) => {
	await page.goto('/signin');
	await page.getByLabel('Email').fill('student@demo.test');
	await page.getByLabel('Password').fill('sahel-student-1');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { name: 'Welcome back, Demo Student' })).toBeVisible();
});

test('what is typed before the page has finished loading is kept', async ({ page }) => {
	// Hold the app's scripts back, type, then let them load: hydration must not empty the fields.
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await released;
		await route.continue();
	});
	await page.goto('/signup', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Your name').fill('Early Typist');
	await page.getByLabel('Email').fill('early@test.example');
	release();
	await page.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true);
	await expect(page.getByLabel('Your name')).toHaveValue('Early Typist');
	await expect(page.getByLabel('Email')).toHaveValue('early@test.example');
});
