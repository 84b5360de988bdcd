import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const shotsDir = path.resolve(import.meta.dirname, '../screenshots');
mkdirSync(shotsDir, { recursive: true });

/** Saves a full-page screenshot under tests/screenshots/ (for people to look at; not compared). */
export async function screenshot(page: Page, name: string) {
	await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

let counter = 0;
export function uniqueEmail(prefix = 'learner') {
	return `${prefix}-${Date.now()}-${++counter}@test.example`;
}

export async function signUp(page: Page, name = 'Test Learner') {
	const email = uniqueEmail();
	await page.goto('/signup');
	await page.getByLabel('Your name').fill(name);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel(/^Password/).fill('correct-horse-battery');
	await page.getByRole('button', { name: 'Create account' }).click();
	// Sign-up does not sign in (it must not tell whether the email was taken): sign in as anyone would.
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('correct-horse-battery');
	await page.getByRole('button', { name: 'Sign in' }).click();
	// A new account is welcomed ("Welcome back" is for someone who has been here before).
	await expect(page.getByRole('heading', { name: `Welcome, ${name}`, exact: true })).toBeVisible();
	return email;
}

/** Starts a practice quiz of `count` questions (optionally with a quiz code) and waits for question 1. */
export async function startQuiz(page: Page, count = 5, seed?: string) {
	await page.goto('/practice');
	if (seed) {
		await page.getByText('More options').click();
		await page.getByLabel(/Quiz code/).fill(seed);
	}
	await page.getByLabel(`${count} questions`, { exact: true }).check();
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page).toHaveURL(/\/attempts\/[\w-]+\/1$/);
	return page.url().replace(/\/1$/, '');
}

/** The type of the question on screen, read from the form's hidden field. */
export async function currentQuestionType(page: Page) {
	return page.locator('input[name="questionType"]').inputValue();
}

/** Answers the question on screen with the keyboard only (shortcuts and typing), without knowing the key. */
export async function answerWithKeyboard(page: Page) {
	const type = await currentQuestionType(page);
	switch (type) {
		case 'single':
		case 'multiple':
			await page.keyboard.press('1');
			break;
		case 'true_false':
			await page.keyboard.press('t');
			break;
		case 'numeric':
			await page.keyboard.press('Tab');
			await focusField(page, 'value');
			await page.keyboard.type('1000');
			break;
		case 'short_text':
			await focusField(page, 'text');
			await page.keyboard.type('Niamey');
			break;
		case 'ordering':
			// Tab to the first "move up" button that can move, and press it with Enter.
			await tabTo(page, 'button[data-move$=":up"]:not([disabled])');
			await page.keyboard.press('Enter');
			break;
	}
	return type;
}

/** Moves focus into a text field by pressing Tab, as a keyboard user would. */
async function focusField(page: Page, name: string) {
	await tabTo(page, `input[name="${name}"]`);
}

/** Presses Tab until the focused element matches `selector`. */
export async function tabTo(page: Page, selector: string) {
	for (let i = 0; i < 60; i++) {
		if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector))
			return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`could not reach ${selector} with Tab`);
}

/**
 * Goes to the next question with the keyboard: Enter does it from anywhere but a focused button (where
 * Enter presses that button, as it should), so from a button Tab on to "Next" first.
 */
export async function nextWithKeyboard(page: Page) {
	if (await page.evaluate(() => document.activeElement instanceof HTMLButtonElement)) {
		await tabTo(page, 'button[data-next]');
	}
	await page.keyboard.press('Enter');
}
