// The way in for teachers on a new install (its own server on an empty database, demo accounts seeded
// as by default): the first real account administers it, makes a colleague a teacher from the web,
// and that teacher's single-use invite link makes another.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { screenshot, uniqueEmail } from '../helpers/e2e.ts';
import { startServer, type OwnServer } from '../helpers/server.ts';

let server: OwnServer | null = null;
let dataDir = '';
test.beforeAll(async () => {
	test.setTimeout(180_000); // a fresh install loads the bank into its database first
	dataDir = mkdtempSync(path.join(tmpdir(), 'sahel-roles-'));
	server = await startServer({ PGLITE_DATA_DIR: dataDir }, { claimed: false });
});
test.afterAll(async () => {
	await server?.stop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function newAccount(browser: Browser, name: string, next = '') {
	const page = await (await browser.newContext({ baseURL: server!.baseURL })).newPage();
	await page.goto(`/signup${next}`);
	await page.getByLabel('Your name').fill(name);
	const email = uniqueEmail(name.toLowerCase());
	await page.getByLabel('Email').fill(email);
	await page.getByLabel(/^Password/).fill('correct-horse-battery');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('correct-horse-battery');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(
		page.getByRole('link', { name: 'Sign out' }).or(page.getByRole('button', { name: 'Sign out' }))
	).toBeVisible();
	return page;
}

test('first account administers, makes a teacher, whose invite link makes another, once', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const head = await newAccount(browser, 'Head');
	const nav = head.getByRole('navigation', { name: 'Main' });
	await expect(nav.getByRole('link', { name: 'Accounts' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Teach' })).toBeVisible();

	const colleague = await newAccount(browser, 'Colleague');
	await expect(colleague.getByRole('link', { name: 'Teach' })).toHaveCount(0);

	await head.goto('/admin/users');
	await head.getByRole('button', { name: 'Make teacher: Colleague' }).click();
	await expect(head.getByRole('button', { name: 'Make student: Colleague' })).toBeVisible();
	for (const width of [1280, 390]) {
		await head.setViewportSize({ width, height: 800 });
		await screenshot(head, `admin-users-${width}`);
	}

	await colleague.goto('/teach/invites');
	await colleague.getByRole('button', { name: 'Make an invite link' }).click();
	const link = await colleague.getByLabel('Invite link').inputValue();
	await screenshot(colleague, 'teach-invites-1280');

	const invitee = await newAccount(
		browser,
		'Invitee',
		`?next=${encodeURIComponent(new URL(link).pathname)}`
	);
	await expect(invitee.getByRole('heading', { name: 'Become a teacher' })).toBeVisible();
	await invitee.getByRole('button', { name: 'Accept and become a teacher' }).click();
	await expect(invitee).toHaveURL(/\/teach$/);

	const late = await newAccount(browser, 'Latecomer');
	await late.goto(link);
	await expect(late.getByText('has already been used')).toBeVisible();
	await expect(late.getByRole('button', { name: /Accept/ })).toHaveCount(0);
});
