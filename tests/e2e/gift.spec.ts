// A teacher brings their own questions: uploads a GIFT file with one good question, an essay and a syntax
// error, reads what was left out with line numbers, finds the imported questions in the set marked not
// yet cited, cites a passage for one, and exports the set back as GIFT.
import { expect, test, type Page } from '@playwright/test';
import { importGift } from '../../src/lib/gift/import.ts';
import { screenshot, signInByRequest, signUp } from '../helpers/e2e.ts';

const TEACHER = { email: 'teacher@demo.test', password: 'sahel-teacher-1' };

const GIFT = [
	'// A small Moodle export',
	'::Troops leaving::How many French troops were expected to leave Mali in the next six months? {#2400:100####About 2,400, says the report.}',
	'',
	'::Takuba essay:: Write a paragraph on the Takuba task force. {}',
	'',
	'::Broken:: Which country does Bazoum lead? {=Niger ~Mali',
	''
].join('\n');

/** Through the sign-in form: the test without JavaScript signs in as such a browser does. */
async function signInTeacherUi(page: Page) {
	await page.goto('/signin');
	await page.getByLabel('Email').fill(TEACHER.email);
	await page.getByLabel('Password').fill(TEACHER.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/$/);
}

const item = (page: Page, prompt: string) =>
	page.locator('ol.items > li').filter({ has: page.getByRole('heading', { name: prompt }) });

test('a teacher imports a GIFT file, sees what was left out, cites a passage and exports the set', async ({
	page
}) => {
	test.setTimeout(90_000);
	await signInByRequest(page, TEACHER.email, TEACHER.password);
	const name = `GIFT import ${Date.now().toString(36)}`;
	await page.goto('/teach');
	await page.getByLabel('New set').fill(name);
	await page.getByRole('button', { name: 'Create the set' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const setUrl = new URL(page.url());

	// Upload: one question imports; the essay and the broken question are reported with their lines.
	await page.getByLabel('GIFT file (.gift or .txt)').setInputFiles({
		name: 'moodle-export.gift',
		mimeType: 'text/plain',
		buffer: Buffer.from(GIFT)
	});
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	const report = page.locator('.import-report');
	await expect(report).toContainText(
		'moodle-export.gift: 1 question imported and added to the set, not yet cited.'
	);
	const problems = page.getByRole('list', { name: 'Questions left out' }).getByRole('listitem');
	await expect(problems).toHaveText([/^line 4: an essay question/, /^line 6: syntax error: /]);

	// The imported question is in the set, the teacher's own, not yet cited.
	const prompt = 'How many French troops were expected to leave Mali in the next six months?';
	const imported = item(page, prompt);
	await expect(imported).toBeVisible();
	await expect(imported.getByText('Your question')).toBeVisible();
	await expect(imported.getByText('Not yet cited')).toBeVisible();
	await expect(imported.getByText('2400')).toBeVisible();
	await screenshot(page, 'gift-import-report');

	// Citing: words not in the article are refused with the reason; page furniture too; the article's own words are taken.
	await imported.getByText('Cite a passage of an article').click();
	await imported.getByLabel('Article').selectOption({
		label: "Niger's President Bazoum opens the border area to French and European special forces"
	});
	await imported.getByLabel('Passage').fill('Some 2,400 French soldiers were leaving');
	await imported.getByRole('button', { name: 'Cite this passage' }).click();
	await expect(imported.getByRole('alert')).toContainText('word for word');
	await screenshot(page, 'gift-cite-refused');

	await imported
		.getByLabel('Passage')
		.fill('Protestors in Mali and Burkina Faso have been pushing for French troops to leave.');
	await imported.getByRole('button', { name: 'Cite this passage' }).click();
	await expect(imported.getByRole('alert')).toContainText('page furniture');

	await imported.getByLabel('Article').selectOption({
		label: "Niger's President Bazoum opens the border area to French and European special forces"
	});
	await imported
		.getByLabel('Passage')
		.fill('Some 2,400 French troops that were part of the forces deployed in Mali');
	await imported.getByRole('button', { name: 'Cite this passage' }).click();
	await expect(imported.getByRole('status')).toContainText('Passage cited');
	await expect(imported.getByText('Cited', { exact: true })).toBeVisible();
	await expect(imported.getByText('Not yet cited')).toHaveCount(0);
	await expect(imported.locator('blockquote')).toContainText(
		'Some 2,400 French troops that were part of the forces deployed in Mali'
	);
	await screenshot(page, 'gift-cited');

	// Only the teacher's own questions, from the search panel.
	await page.getByRole('combobox', { name: 'Questions', exact: true }).selectOption('mine');
	await page.getByRole('button', { name: 'Search', exact: true }).click();
	await expect(page.locator(`.results li`).filter({ hasText: prompt }).first()).toContainText(
		'Your question'
	);

	// Export: the set as GIFT, with the explanation and the cited quote, as a download.
	await page.goto(setUrl.pathname);
	const link = page.getByRole('link', { name: 'Export as GIFT' });
	await expect(link).toHaveAttribute('href', `${setUrl.pathname}/export.gift`);
	const download = page.waitForEvent('download');
	await link.click();
	expect((await download).suggestedFilename()).toMatch(/^set-gift-import-[a-z0-9-]+\.gift$/);
	const response = await page.request.get(`${setUrl.pathname}/export.gift`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
	expect(response.headers()['content-disposition']).toMatch(
		/^attachment; filename="set-.*\.gift"$/
	);
	const text = await response.text();
	expect(text).toContain(
		`${prompt} {#2400:100####About 2,400, says the report.\\n\\n"Some 2,400 French troops that were part of the forces deployed in Mali"}`
	);
	// …which imports back as the same question.
	const back = importGift(text, { idPrefix: 'back' });
	expect(back.problems).toEqual([]);
	expect(back.questions).toMatchObject([{ type: 'numeric', prompt, answer: 2400, tolerance: 100 }]);
});

test('the GIFT export is for teachers: a student gets 403, a signed-out visitor is sent to sign in', async ({
	page
}) => {
	const signedOut = await page.request.get('/teach/bank.gift', { maxRedirects: 0 });
	expect(signedOut.status()).toBe(303);
	expect(signedOut.headers()['location']).toBe('/signin?next=%2Fteach%2Fbank.gift');
	await signUp(page, 'Gift Student');
	expect((await page.request.get('/teach/bank.gift')).status()).toBe(403);
});

test('the import and the citing work without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInTeacherUi(page);
	const name = `GIFT no JS ${Date.now().toString(36)}`;
	await page.goto('/teach');
	await page.getByLabel('New set').fill(name);
	await page.getByRole('button', { name: 'Create the set' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

	await page.getByLabel('GIFT file (.gift or .txt)').setInputFiles({
		name: 'two.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('Bazoum leads Niger. {T}\n\nDescribe the Sahel.\n')
	});
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.locator('.import-report')).toContainText('two.txt: 1 question imported');
	await expect(page.getByRole('list', { name: 'Questions left out' })).toHaveText(
		/line 3: a description/
	);
	const imported = item(page, 'Bazoum leads Niger.');
	await expect(imported.getByText('Not yet cited')).toBeVisible();

	// A file that is not GIFT is refused before anything is read.
	await page
		.getByLabel('GIFT file (.gift or .txt)')
		.setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF') });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('“notes.pdf” is not a GIFT file');

	await imported.getByText('Cite a passage of an article').click();
	await imported.getByLabel('Article').selectOption({
		label: "Niger's President Bazoum opens the border area to French and European special forces"
	});
	await imported.getByLabel('Passage').fill("Niger's President Mohamed Bazoum says");
	await imported.getByRole('button', { name: 'Cite this passage' }).click();
	await expect(item(page, 'Bazoum leads Niger.').getByText('Cited', { exact: true })).toBeVisible();
	await context.close();
});
