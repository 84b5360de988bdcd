import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const shotsDir = path.resolve(import.meta.dirname, '../screenshots');
mkdirSync(shotsDir, { recursive: true });

/**
 * Whether shots are written. They are for people to look at (and npm run docs:images), never compared:
 * E2E_SHOTS=0 leaves them out where nobody looks (npm test sets it under CI), a minute of the browser tests.
 */
const shooting = process.env.E2E_SHOTS !== '0';

/** Saves a full-page screenshot under tests/screenshots/ (for people to look at; not compared). */
export async function screenshot(page: Page, name: string) {
	if (shooting) await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

/** Where every page of the route list is shot, by role, at both widths: `pages/<role>/<route>-<width>.png`. */
export const pageShotsDir = path.join(shotsDir, 'pages');

/** A route id as a file name: `/(app)/teach/classes/[id]/gradebook` → `teach-classes-id-gradebook`. */
export function routeShotName(routeId: string) {
	const parts = routeId
		.split('/')
		.filter((s) => s !== '' && !/^\(.*\)$/.test(s))
		.map((s) => s.replace(/[^\w-]+/g, ''));
	return parts.join('-') || 'home';
}

/**
 * Shoots the page on screen whole at 1280 px, then at a 390 px phone, as `pages/<name>-1280.png` and
 * `-390.png`, and returns what makes it scroll sideways on the phone (nothing when it fits). The page is
 * left at 390 px.
 */
export async function shootBothWidths(page: Page, name: string): Promise<string[]> {
	const file = (width: number) => path.join(pageShotsDir, `${name}-${width}.png`);
	mkdirSync(path.dirname(file(1280)), { recursive: true });
	// A full-page shot is as tall as the page whatever the viewport's height: resize only the width.
	if (page.viewportSize()?.width !== 1280) await page.setViewportSize({ width: 1280, height: 800 });
	if (shooting) await page.screenshot({ path: file(1280), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	// Charts measure their box on resize: let them draw at the new width before looking.
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);
	const sticking = await sidewaysOverflow(page);
	if (shooting) await page.screenshot({ path: file(390), fullPage: true });
	return sticking;
}

/**
 * Nothing when the page fits its viewport's width; else the outermost elements past its right edge
 * (those not inside a box that clips or scrolls them), each as `tag#id.class "its text…" (right edge
 * at N px)`. A wide table in its own scrolling wrapper does not count: the page itself does not move.
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
	// No named functions inside: a bundler's name helpers (tsx's __name) do not exist in the page.
	return page.evaluate(() => {
		const root = document.scrollingElement ?? document.documentElement;
		if (root.scrollWidth <= root.clientWidth) return [];
		const edge = root.clientWidth;
		const past = new Set<Element>();
		for (const el of document.body.querySelectorAll('*')) {
			const box = el.getBoundingClientRect();
			if (box.width === 0 || box.right <= edge + 1) continue;
			// Inside a box that clips or scrolls it, it does not move the page.
			let clipped = false;
			for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
				if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
			if (!clipped) past.add(el);
		}
		const outermost = [...past].filter((el) => !el.parentElement || !past.has(el.parentElement));
		if (outermost.length === 0) return [`the page (${root.scrollWidth} px wide, ${edge} px shown)`];
		return outermost.slice(0, 5).map((el) => {
			const classes = [...el.classList].filter((c) => !c.startsWith('svelte-'));
			const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
			return (
				el.tagName.toLowerCase() +
				(el.id ? `#${el.id}` : '') +
				classes.map((c) => `.${c}`).join('') +
				(text ? ` "${text}"` : '') +
				` (right edge at ${Math.round(el.getBoundingClientRect().right)} px)`
			);
		});
	});
}

let counter = 0;
export function uniqueEmail(prefix = 'learner') {
	return `${prefix}-${Date.now()}-${++counter}@test.example`;
}

/** Signs a new account up and in through the pages, as a person does (auth.spec tests these pages). */
export async function signUpUi(page: Page, name = 'Test Learner') {
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

/**
 * Posts a form to `path` from the page's cookie jar, as a form without JavaScript posts it (a redirect,
 * not an action's JSON), with the Origin of the context's server (a test's own, or the shared one);
 * expects a 303 and returns where it leads.
 */
async function postFormAsPage(page: Page, path: string, form: Record<string, string>) {
	const origin = new URL((await page.request.get('/_app/version.json')).url()).origin;
	const res = await page.request.post(path, {
		form,
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status(), `${path}: ${(await res.text()).slice(0, 200)}`).toBe(303);
	return res.headers()['location'];
}

/**
 * Signs an existing account in on the page's context by posting the sign-in form from its cookie jar,
 * for the tests that only need someone signed in: the form's page and its redirect home are two page
 * loads each test would spend before its own first one. auth.spec signs in through the form itself.
 */
export async function signInByRequest(page: Page, email: string, password: string) {
	expect(await postFormAsPage(page, '/signin', { email, password })).toBe('/');
}

/**
 * A new account, signed in, its home page on screen: the sign-up and sign-in forms posted from the
 * page's own cookie jar (what the pages post, the browser's time zone included) rather than filled in,
 * which saves two page loads for the many tests that only need someone signed in.
 */
export async function signUp(page: Page, name = 'Test Learner') {
	const email = uniqueEmail();
	const timeZone = await page
		.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
		.catch(() => 'UTC');
	const password = 'correct-horse-battery';
	expect(
		await postFormAsPage(page, '/signup', { displayName: name, email, password, timeZone })
	).toMatch(/^\/signin/);
	await signInByRequest(page, email, password);
	await page.goto('/');
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
	// The shortcuts are the page's script: a key pressed before it has hydrated is lost (seen once in a
	// full run). The root layout marks hydration once every page component has mounted; polled from
	// here, as a test may have taken the page's own timers (page.clock).
	await expect
		.poll(() => page.evaluate(() => (window as { __hydrated?: boolean }).__hydrated === true))
		.toBe(true);
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
