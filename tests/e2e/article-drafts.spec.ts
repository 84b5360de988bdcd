// A teacher adds a new article (uploaded as .txt), reviews the drafted questions (edits one, accepts three
// into a set, rejects one), assigns the set; a student of the class answers them and follows the
// citation to the teacher's article. Another teacher and a student cannot reach the drafts.
import { expect, test, type Page } from '@playwright/test';
import { answerWithKeyboard, screenshot, signUp } from '../helpers/e2e.ts';
import { signIn } from '../helpers/world.ts';

const ARTICLE = [
	'Chad will send 1,200 soldiers to the tri-border area where Niger, Mali and Burkina Faso meet, its government said on Tuesday.',
	'The deployment was agreed at a meeting in Niamey with Niger’s President Mohamed Bazoum, who said the force would start work in March.',
	'France ended Operation Barkhane in 2022 after nine years in Mali, and some 3,000 French troops remain in the region.',
	'The European Takuba task force left Mali in June 2022, its members moving to Niger or going home.',
	'Officials in Nouakchott welcomed the plan, which they said would help the G5 Sahel states share intelligence against armed groups.'
].join('\n');

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

/** Nothing may stick out sideways on a 375 px phone. */
async function fitsPhone(page: Page, name: string) {
	const size = page.viewportSize();
	await page.setViewportSize({ width: 375, height: 800 });
	const png = await page.screenshot({ fullPage: true });
	expect(png.readUInt32BE(16), `${name} is wider than a 375 px phone`).toBe(375);
	await screenshot(page, `${name}-phone`);
	if (size) await page.setViewportSize(size);
}

test('a teacher drafts questions from a new article, accepts three, assigns them; a student answers them', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const page = await (await browser.newContext()).newPage();
	await signIn(page, 'teacher@demo.test', 'sahel-teacher-1');

	const setName = `New article ${unique()}`;
	await page.goto('/teach');
	await page.getByLabel('New set').fill(setName);
	await page.getByRole('button', { name: 'Create the set' }).click();
	await expect(page.getByRole('heading', { level: 1, name: setName })).toBeVisible();
	const className = `Sahel news ${unique()}`;
	await page.goto('/teach');
	await page.getByLabel('New class').fill(className);
	await page.getByRole('button', { name: 'Create the class' }).click();
	await expect(page.getByRole('heading', { level: 1, name: className })).toBeVisible();
	const classUrl = page.url();
	const code = (await page.getByTestId('join-code').textContent())?.trim() ?? '';

	// Adding an article: a missing title and date are named beside their fields; the form keeps the rest.
	await page.goto('/teach');
	await page.getByRole('link', { name: 'Add an article and review its drafts' }).click();
	await page.getByLabel(/^Publisher/).fill('Test Wire');
	await page.getByRole('button', { name: 'Add the article and draft questions' }).click();
	await expect(page.getByText('Give the article a title of at least 3 characters.')).toBeVisible();
	await expect(page.getByText('Give the date of the reported events as YYYY-MM-DD.')).toBeVisible();
	await expect(page.getByLabel(/^Publisher/)).toHaveValue('Test Wire');
	const title = `Chad sends soldiers ${unique()}`;
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Date of the reported events').fill('2023-01-17');
	await page
		.getByLabel('…or a .txt file')
		.setInputFiles({ name: 'chad.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) });
	await page.getByRole('button', { name: 'Add the article and draft questions' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({
		timeout: 30_000
	});
	const draftsUrl = page.url();
	expect(draftsUrl).toMatch(/\/teach\/articles\/t-[a-z0-9-]+$/);
	await screenshot(page, 'article-drafts');

	// A compact list: on main, each draft showed its quote and every field open, ~730 px a draft.
	const waiting = () => page.locator('#waiting ol.drafts > li');
	const draftCount = await page.locator('li[id^="draft-"]').count();
	const height = await page.evaluate(() => document.documentElement.scrollHeight);
	expect(height / draftCount, `${height} px for ${draftCount} drafts`).toBeLessThan(400);

	const pendingSingles = () => waiting().filter({ hasText: 'Single choice' });
	expect(await pendingSingles().count()).toBeGreaterThanOrEqual(4);

	// Edit the first in place: our own words for the question; then accept it into the set.
	const first = pendingSingles().first();
	const firstId = await first.getAttribute('id');
	await first.locator('summary', { hasText: /^Edit$/ }).click();
	const editedPrompt = `In January 2023, ${(await first.getByLabel('Question', { exact: true }).inputValue()).replace(/^\w/, (c) => c.toLowerCase())}`;
	await first.getByLabel('Question', { exact: true }).fill(editedPrompt);
	// Two options that read the same are refused by the server; what the teacher typed stays in the form.
	const option1 = await first.getByLabel('Option 1', { exact: true }).inputValue();
	const option2 = await first.getByLabel('Option 2', { exact: true }).inputValue();
	await first.getByLabel('Option 2', { exact: true }).fill(option1.toUpperCase());
	await first.getByRole('button', { name: 'Accept' }).click();
	await expect(page.locator(`#${firstId}`).getByText(/appears twice/)).toBeVisible();
	await expect(page.locator(`#${firstId}`).getByLabel('Question', { exact: true })).toHaveValue(
		editedPrompt
	);
	await page.locator(`#${firstId}`).getByLabel('Option 2', { exact: true }).fill(option2);
	await page.locator(`#${firstId}`).getByLabel('Add to set').selectOption({ label: setName });
	await page.locator(`#${firstId}`).getByRole('button', { name: 'Accept' }).click();
	await expect(page.getByRole('status')).toContainText('is now one of yours');
	await expect(page.locator(`#accepted #${firstId}`)).toContainText(editedPrompt);

	// Two more accepted as drafted.
	for (let i = 0; i < 2; i++) {
		const next = pendingSingles().first();
		const id = await next.getAttribute('id');
		await next.getByLabel('Add to set').selectOption({ label: setName });
		await next.getByRole('button', { name: 'Accept' }).click();
		await expect(page.locator(`#accepted #${id}`)).toBeVisible();
	}

	// One rejected by keyboard alone, with a reason and a note; the focus goes on to the next draft.
	const rejected = pendingSingles().first();
	const rejectedId = (await rejected.getAttribute('id'))!;
	await rejected.locator('summary', { hasText: 'Reject…' }).focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Space');
	await expect(rejected.getByLabel('Wrong key')).toBeChecked();
	await page.keyboard.press('Tab');
	await page.keyboard.type('The report says 1,200.');
	await page.keyboard.press('Enter');
	const gone = page.locator(`#rejected #${rejectedId}`);
	await expect(gone).toContainText('Wrong key');
	await expect(gone).toContainText('The report says 1,200.');
	await expect
		.poll(() => page.evaluate(() => document.activeElement?.closest('#waiting li')?.id ?? ''))
		.toMatch(/^draft-\d+$/);
	const summary = page.getByRole('navigation', { name: 'Drafts of this article' });
	await expect(summary).toContainText('3 accepted');
	await expect(summary).toContainText('1 rejected');
	// Restored, it waits again, its reason forgotten.
	await gone.getByRole('button', { name: 'Restore' }).click();
	await expect(page.locator(`#waiting #${rejectedId}`)).toBeVisible();
	await expect(summary).toContainText('0 rejected');

	// Without JavaScript, two ticked drafts are rejected together for one reason.
	const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signIn(plain, 'teacher@demo.test', 'sahel-teacher-1');
	await plain.goto(draftsUrl);
	const ticked = plain.locator('#waiting ol.drafts > li');
	const tickedIds = [
		await ticked.nth(0).getAttribute('id'),
		await ticked.nth(1).getAttribute('id')
	];
	for (const id of tickedIds) await plain.locator(`#${id}`).getByRole('checkbox').check();
	await plain.getByText('Reject several at once…').click();
	await plain.locator('#bulk').getByRole('combobox').selectOption({ label: 'Ungrammatical' });
	await plain.getByRole('button', { name: 'Reject the ticked drafts' }).click();
	for (const id of tickedIds)
		await expect(plain.locator(`#rejected #${id}`)).toContainText('Ungrammatical');
	// …and a draft's edit form holds its words, so saving it unchanged keeps them.
	const kept = plain.locator('#waiting ol.drafts > li').first();
	await kept.locator('summary', { hasText: 'Edit' }).click();
	await expect(kept.getByRole('textbox', { name: 'Question' })).not.toHaveValue('');
	await expect(kept.getByRole('textbox', { name: 'Explanation' })).not.toHaveValue('');
	await kept.getByRole('button', { name: 'Save changes' }).click();
	await expect(plain.getByText('must not be empty')).toHaveCount(0);
	await page.reload();
	await fitsPhone(page, 'article-drafts');

	// The set holds the three, cited.
	await page.goto('/teach');
	await page.getByRole('link', { name: setName }).click();
	await expect(page.locator('ol.items > li')).toHaveCount(3);
	await expect(page.locator('ol.items > li .badge', { hasText: 'Cited' })).toHaveCount(3);
	await expect(page.getByText(editedPrompt)).toBeVisible();

	// Assigned to the class.
	await page.goto(classUrl);
	await page.getByLabel('Question set').selectOption({ label: `${setName} (3 questions)` });
	const assignmentTitle = `New article check ${unique()}`;
	await page.getByLabel(/^Title/).fill(assignmentTitle);
	await page
		.getByLabel(/^Due/)
		.fill(`${new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)}T17:00`);
	await page.getByLabel('After they submit').check();
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	await expect(page.locator('ul.assignments > li', { hasText: assignmentTitle })).toBeVisible();

	// A student of the class answers them and follows a citation to the teacher's article.
	const student = await (await browser.newContext()).newPage();
	await signUp(student, `Student ${unique()}`);
	await student.goto('/classes/join');
	await student.getByLabel('Join code').fill(code);
	await student.getByRole('button', { name: 'Join class' }).click();
	await student.goto('/');
	await student.getByRole('link', { name: assignmentTitle }).click();
	await student.getByRole('button', { name: 'Start' }).click();
	for (let n = 1; n <= 3; n++) {
		await expect(student.getByText(`Question ${n} of 3`, { exact: true })).toBeVisible();
		await answerWithKeyboard(student);
		await expect(student.getByText(/Answer saved ✓/)).toBeVisible();
		await student.getByRole('button', { name: /Next|Review/ }).click();
	}
	await student.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(student).toHaveURL(/\/results$/);
	// The passage is open under a wrong answer and one click away under a right one; the options come
	// shuffled, so the keyboard's first choice is right in some runs.
	const firstWhy = student.locator('li.result details.why').first();
	if (!(await firstWhy.evaluate((d) => (d as HTMLDetailsElement).open)))
		await firstWhy.locator('summary').click();
	await firstWhy.getByRole('link', { name: title }).click();
	await expect(student.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(student.locator('mark.selected')).toHaveCount(1);
	// Its passages are listed once each, without the teacher's questions (those are for answering, not browsing).
	await expect(
		student.getByRole('heading', { name: 'Passages your teacher’s questions cite' })
	).toBeVisible();
	await expect(student.getByText('No question rests on it yet.')).toHaveCount(0);
	const passages = await student.locator('ol.citations blockquote').allTextContents();
	expect(new Set(passages).size).toBe(passages.length);
	await screenshot(student, 'article-drafts-student-article');

	// The drafts are the teacher's alone: a student is refused, another teacher finds nothing.
	const refused = await student.goto(draftsUrl);
	expect(refused?.status()).toBe(403);
	const other = await (await browser.newContext()).newPage();
	await signIn(other, 'teacher2@demo.test', 'sahel-teacher-2');
	expect((await other.goto(draftsUrl))?.status()).toBe(404);
	expect((await other.goto(draftsUrl.replace('/teach/articles/', '/articles/')))?.status()).toBe(
		404
	);
	await other.goto('/teach/articles');
	await expect(other.getByRole('link', { name: title })).toHaveCount(0);
	// Four people's browsers, closed: left open they stay in the browser for the rest of the run.
	for (const p of [page, plain, student, other]) await p.context().close();
});
