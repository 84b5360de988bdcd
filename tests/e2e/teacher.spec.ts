import { expect, test, type Browser, type Page } from '@playwright/test';
import { answerWithKeyboard, screenshot, signInByRequest, signUp } from '../helpers/e2e.ts';

const TEACHER = { email: 'teacher@demo.test', password: 'sahel-teacher-1' };
// The teacher works in Paris; times typed in the form are read in that zone.
const TEACHER_ZONE = 'Europe/Paris';

async function signInTeacher(page: Page) {
	await page.goto('/signin');
	await page.getByLabel('Email').fill(TEACHER.email);
	await page.getByLabel('Password').fill(TEACHER.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/$/);
}

/**
 * The teacher signed in, on a page of a context in their time zone: through the sign-in form without
 * JavaScript (as such a browser does), else by posting it (see signInByRequest).
 */
async function teacherPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
	const context = await browser.newContext({ timezoneId: TEACHER_ZONE, ...options });
	const page = await context.newPage();
	if (options.javaScriptEnabled === false) await signInTeacher(page);
	else await signInByRequest(page, TEACHER.email, TEACHER.password);
	return page;
}

/** The bank's articles, where a set's questions come from. */
const BANK_ARTICLES = [
	'pau-summit-2020',
	'withdrawal-announced-2022',
	'macron-paris-meeting-2022',
	'niger-bazoum-2022',
	'barkhane-leaves-mali-2022'
];

/** A desktop and a 375 px phone screenshot of the page on screen. */
async function shots(page: Page, name: string) {
	await screenshot(page, `teach-${name}`);
	const size = page.viewportSize();
	await page.setViewportSize({ width: 375, height: 800 });
	// Nothing may stick out sideways on a phone: wide tables scroll inside their own wrapper. The
	// full-page shot is as wide as the page's content, so its width tells.
	const png = await page.screenshot({ fullPage: true });
	const sticking = await page.evaluate(() =>
		[...document.querySelectorAll('body *')]
			.filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
			.slice(-5)
			.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
	);
	expect(
		png.readUInt32BE(16),
		`${name} is wider than a 375 px phone; sticking out: ${sticking.join(', ')}`
	).toBe(375);
	// Nor may a control hide off-screen in a table that scrolls sideways (a roster's "Remove…").
	const offScreen = await page.evaluate(() =>
		[...document.querySelectorAll('main a, main button, main summary, main input, main select')]
			.filter((el) => {
				const box = el.getBoundingClientRect();
				return box.width > 0 && box.right > document.documentElement.clientWidth + 1;
			})
			.map((el) => el.textContent?.trim() || el.getAttribute('name') || el.tagName)
	);
	expect(offScreen, `${name} has controls off-screen on a 375 px phone`).toEqual([]);
	await screenshot(page, `teach-${name}-phone`);
	if (size) await page.setViewportSize(size);
}

/** "YYYY-MM-DDTHH:mm" some days from now, as a datetime-local input takes it. */
function localInDays(days: number, hour = 17) {
	const d = new Date(Date.now() + days * 86_400_000);
	return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

async function createClass(page: Page, name: string) {
	await page.goto('/teach');
	await page.getByLabel('New class').fill(name);
	await page.getByRole('button', { name: 'Create the class' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const code = (await page.getByTestId('join-code').textContent())?.trim() ?? '';
	expect(code).toMatch(/^[A-Z0-9]{6}$/);
	return { url: page.url(), id: page.url().split('/').pop()!, code };
}

async function createSet(page: Page, name: string) {
	await page.goto('/teach');
	await page.getByLabel('New set').fill(name);
	await page.getByRole('button', { name: 'Create the set' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	return page.url();
}

const items = (page: Page) => page.locator('ol.items > li');
const itemPrompts = (page: Page) => page.locator('ol.items > li h3').allTextContents();

test('a teacher builds a class, a set and an assignment; a student joins and hands in; the teacher reads the results', async ({
	browser
}) => {
	test.setTimeout(150_000);
	const page = await teacherPage(browser);

	// /teach: classes and sets with their forms.
	await page.goto('/teach');
	await expect(page.getByRole('heading', { name: 'Teaching', level: 1 })).toBeVisible();
	// An empty name is refused beside the field (the browser's own check is bypassed here on purpose).
	await page
		.locator('form[action="?/createClass"]')
		.evaluate((f: HTMLFormElement) => (f.noValidate = true));
	await page.getByRole('button', { name: 'Create the class' }).click();
	await expect(page.locator('#createClass-name-error')).toHaveText('Give it a name.');

	const className = `History 11B ${unique()}`;
	const klass = await createClass(page, className);
	await expect(page.getByLabel('Join link')).toHaveValue(
		new RegExp(`/classes/join\\?code=${klass.code}$`)
	);
	// A new code replaces the old one.
	await page.getByRole('button', { name: 'New code' }).click();
	await expect(page.getByTestId('join-code')).not.toHaveText(klass.code);
	const code = (await page.getByTestId('join-code').textContent())!.trim();

	// A set: by search, by rule, reordered, previewed.
	const setName = `Barkhane basics ${unique()}`;
	await createSet(page, setName);
	await expect(page.getByText('The set is empty.')).toBeVisible();
	await page.getByLabel(/^Type/).selectOption({ label: 'True or false' });
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/type=true_false/);
	const results = page.locator('ul.results > li');
	await expect(results.first()).toBeVisible();
	await expect(results.first().getByText('Answer:')).toBeVisible();
	await expect(results.first().locator('blockquote.quote').first()).toBeVisible();
	await results.nth(0).getByRole('button', { name: 'Add', exact: true }).click();
	await expect(items(page)).toHaveCount(1);
	await expect(results.nth(0).getByText('In the set')).toBeVisible();
	await results.nth(1).getByRole('button', { name: 'Add', exact: true }).click();
	await expect(items(page)).toHaveCount(2);
	// The search survives the edits.
	await expect(page).toHaveURL(/type=true_false/);

	// Words in the prompt, full-text.
	await page.getByLabel(/^Type/).selectOption('');
	await page.getByLabel('Words in the question').fill('troops');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page.getByText(/questions? match|best matches/)).toBeVisible();

	await page.getByLabel('How many').fill('3');
	await page.getByRole('button', { name: 'Add by rule' }).click();
	await expect(page.getByText('3 questions added to the set.')).toBeVisible();
	await expect(items(page)).toHaveCount(5);
	await expect(items(page).first().getByText('Answer:')).toBeVisible();
	await shots(page, 'set-builder');

	// Reorder: the second question moves up to first place.
	const before = await itemPrompts(page);
	await items(page).nth(1).getByRole('button', { name: '↑ Up' }).click();
	await expect.poll(() => itemPrompts(page)).toEqual([before[1], before[0], ...before.slice(2)]);
	await expect(items(page).first().getByRole('button', { name: '↑ Up' })).toBeDisabled();
	// Remove the last one.
	await items(page).last().getByRole('button', { name: 'Remove', exact: true }).click();
	await expect(items(page)).toHaveCount(4);

	// Preview as a student: the questions, no answers.
	await page.getByRole('link', { name: 'Preview as a student' }).click();
	await expect(page.getByRole('heading', { name: `Preview: ${setName}` })).toBeVisible();
	await expect(page.locator('ol.questions > li')).toHaveCount(4);
	await expect(page.getByText('Answer:')).toHaveCount(0);
	await shots(page, 'set-preview');

	// An assignment for the class.
	await page.goto(klass.url);
	await page.getByLabel('Question set').selectOption({ label: `${setName} (4 questions)` });
	const title = `Barkhane check ${unique()}`;
	await page.getByLabel(/^Title/).fill(title);
	// The due time must come after the opening time.
	await page.getByLabel(/^Opens/).fill(localInDays(2));
	await page.getByLabel(/^Due/).fill(localInDays(1));
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	await expect(page.getByText('The due time must come after the opening time.')).toBeVisible();
	await expect(page.getByLabel(/^Title/)).toHaveValue(title);
	await page.getByLabel(/^Opens/).fill('');
	await page.getByLabel(/^Due/).fill(localInDays(7));
	await page.getByLabel('Attempts allowed').fill('2');
	await page.getByLabel('After they submit').check();
	await page.getByLabel('Accept, marked late').check();
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	const card = page.locator('ul.assignments > li', { hasText: title });
	await expect(card).toBeVisible();
	// Due at 17:00 in Paris, written in the viewer's zone (the teacher's settings: UTC) and said so.
	await expect(card.locator('dd').nth(1)).toHaveText(/, 16:00 \(UTC\)/);
	// The form starts afresh after a success.
	await expect(page.getByLabel(/^Title/)).toHaveValue('');
	await expect(page.getByLabel('Attempts allowed')).toHaveValue('1');

	// A student joins with the code, sees the assignment at home, starts it and hands it in.
	const studentContext = await browser.newContext();
	const student = await studentContext.newPage();
	const studentName = `Aminata ${unique()}`;
	const studentEmail = await signUp(student, studentName);
	await student.goto('/classes/join');
	await student.getByLabel('Join code').fill(code.toLowerCase());
	await student.getByRole('button', { name: 'Join class' }).click();
	await expect(student).toHaveURL(/\/classes(\?|$)/);
	await student.goto('/');
	await expect(student.getByRole('heading', { name: 'Assignments' })).toBeVisible();
	await student.getByRole('link', { name: title }).click();
	await expect(student).toHaveURL(/\/assignments\/[\w-]+$/);
	const assignmentUrl = student.url();
	// Two attempts (the assignment allows two): questions and options are shuffled each time.
	for (let attempt = 1; attempt <= 2; attempt++) {
		await student.goto(assignmentUrl);
		await student.getByRole('button', { name: 'Start' }).click();
		await expect(student).toHaveURL(/\/attempts\/[\w-]+\/1$/);
		for (let n = 1; n <= 4; n++) {
			await expect(student.getByText(`Question ${n} of 4`, { exact: true })).toBeVisible();
			await answerWithKeyboard(student);
			await expect(student.getByText(/Answer saved ✓/)).toBeVisible();
			await student.getByRole('button', { name: /Next|Review/ }).click();
		}
		await student.getByRole('button', { name: 'Submit my answers' }).click();
		await expect(student).toHaveURL(/\/results$/);
	}

	// The roster now has the student.
	await page.goto(klass.url);
	await expect(page.getByRole('cell', { name: studentEmail })).toBeVisible();
	await shots(page, 'class');

	// Gradebook: one row, a cell linking to the attempt's results.
	await page.getByRole('link', { name: 'Gradebook', exact: true }).click();
	await expect(page.getByRole('heading', { name: `Gradebook: ${className}` })).toBeVisible();
	const row = page.getByRole('row', { name: new RegExp(studentName) });
	const cell = row.getByRole('link', { name: /%/ });
	await expect(cell).toHaveAttribute('href', /\/attempts\/[\w-]+\/results$/);
	await expect(row.getByText('2 attempts')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Best attempt' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await shots(page, 'gradebook');
	await page.getByRole('link', { name: 'Last attempt' }).click();
	await expect(page).toHaveURL(/rule=last/);
	await expect(page.getByRole('link', { name: 'Last attempt' })).toHaveAttribute(
		'aria-current',
		'page'
	);

	// The CSV: a header and the student's row.
	const csv = await page.request.get(`/teach/classes/${klass.id}/gradebook.csv`);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	expect(csv.headers()['content-disposition']).toMatch(
		/^attachment; filename="gradebook-.*\.csv"$/
	);
	const text = await csv.text();
	// Every text cell quoted (issue 12, item 16).
	expect(text).toContain(`"Name","Email","${title} (%)","${title} late"`);
	expect(text).toContain(`"${studentName}","${studentEmail}",`);

	// The teacher can open the student's attempt.
	await cell.click();
	await expect(page).toHaveURL(/\/attempts\/[\w-]+\/results$/);
	await expect(page.locator('li.result').first()).toBeVisible();

	// Item analysis.
	await page.goto(klass.url);
	await page
		.locator('ul.assignments > li', { hasText: title })
		.getByRole('link', { name: /Item analysis/ })
		.click();
	await expect(page.getByRole('heading', { name: `Item analysis: ${title}` })).toBeVisible();
	await expect(
		page.locator('.summary div', { hasText: 'Attempts analysed' }).locator('dd')
	).toHaveText('1');
	await expect(page.locator('ol.questions > li')).toHaveCount(4);
	await expect(
		page.getByRole('figure', { name: /Facility and discrimination per question/ })
	).toBeVisible();
	await expect(page.getByText('✓ key').first()).toBeVisible();
	await shots(page, 'analysis');
	await page.getByRole('link', { name: 'All attempts' }).click();
	await expect(page).toHaveURL(/attempts=all/);
	await expect(page.getByRole('link', { name: 'All attempts' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(
		page.locator('.summary div', { hasText: 'Attempts analysed' }).locator('dd')
	).toHaveText('2');
	await screenshot(page, 'teach-analysis-all-attempts');

	// The article heatmap: chosen on an article page, the assignment shades the passages its questions
	// cite, with the count beside each; the count leads to the questions and the wrong answers given.
	const assignmentId = /\/teach\/assignments\/([\w-]+)\/analysis/.exec(page.url())![1];
	const counts = page.locator('a.heat-count');
	for (const slug of BANK_ARTICLES) {
		await page.goto(`/articles/${slug}`);
		await page
			.getByLabel('Where does a class misread this article?')
			.selectOption(`assignment:${assignmentId}`);
		await page.getByRole('button', { name: 'Show', exact: true }).click();
		await expect(page.getByRole('list', { name: 'Legend' })).toBeVisible();
		if ((await counts.count()) > 0) break;
	}
	await expect(counts.first()).toHaveText(/^\d+\/\d+$/);
	await counts.first().click();
	await expect(page).toHaveURL(/#passage-\d+$/);
	await expect(page.locator('li:target')).toContainText(/\d+ of \d+ answers wrong/);
	await shots(page, 'article-heatmap');

	// Home of the teacher, with the class and the set listed.
	await page.goto('/teach');
	await expect(page.getByRole('link', { name: className })).toBeVisible();
	await expect(
		page
			.getByRole('row', { name: new RegExp(className) })
			.getByRole('cell', { name: '1', exact: true })
	).toBeVisible();
	await shots(page, 'home');

	// Remove the student, with the confirmation box ticked.
	await page.goto(klass.url);
	const studentRow = page.getByRole('row', { name: new RegExp(studentEmail) });
	await studentRow.getByText('Remove…').click();
	await studentRow.getByLabel(`Yes, remove ${studentName} from this class`).check();
	await studentRow.getByRole('button', { name: `Remove ${studentName}` }).click();
	await expect(page.getByRole('heading', { name: 'Students (0)' })).toBeVisible();

	// Archive and restore.
	await page.getByRole('button', { name: 'Archive the class' }).click();
	await expect(page.getByRole('heading', { level: 1 }).getByText('Archived')).toBeVisible();
	await page.getByRole('button', { name: 'Restore the class' }).click();
	await expect(page.getByRole('button', { name: 'Archive the class' })).toBeVisible();
	await studentContext.close();
});

test('every teacher form works without JavaScript; times default to UTC', async ({ browser }) => {
	const page = await teacherPage(browser, { javaScriptEnabled: false });
	const klass = await createClass(page, `No-JS class ${unique()}`);
	const setName = `No-JS set ${unique()}`;
	await createSet(page, setName);
	await page.getByLabel('How many').fill('4');
	await page.getByRole('button', { name: 'Add by rule' }).click();
	await expect(page.getByText('4 questions added to the set.')).toBeVisible();
	await page.getByLabel(/^Type/).selectOption({ label: 'Number' });
	await page.getByRole('button', { name: 'Search' }).click();
	await page
		.locator('ul.results > li')
		.getByRole('button', { name: 'Add', exact: true })
		.first()
		.click();
	await expect(items(page)).toHaveCount(5);
	const before = await itemPrompts(page);
	await items(page).nth(0).getByRole('button', { name: '↓ Down' }).click();
	expect(await itemPrompts(page)).toEqual([before[1], before[0], ...before.slice(2)]);
	await page.getByText('Rename the set').click();
	await page.getByLabel('Name of the set').fill(`${setName} (renamed)`);
	await page.getByRole('button', { name: 'Rename', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: `${setName} (renamed)` })).toBeVisible();

	await page.goto(klass.url);
	await page
		.getByLabel('Question set')
		.selectOption({ label: `${setName} (renamed) (5 questions)` });
	await page.getByLabel(/^Title/).fill('Without scripts');
	await page.getByLabel(/^Due/).fill(localInDays(3, 9));
	await page.getByLabel('Time limit in minutes').fill('0');
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	await expect(page.getByText('At least 1 minute (or leave it empty for no limit).')).toBeVisible();
	await page.getByLabel('Time limit in minutes').fill('20');
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	// No script filled the zone in: the time was read, and is shown, in UTC.
	await expect(
		page
			.locator('ul.assignments > li', { hasText: 'Without scripts' })
			.getByText(/09:00 \(UTC\)/)
			.first()
	).toBeVisible();
	await page.getByRole('link', { name: 'Gradebook', exact: true }).click();
	await expect(page.getByText('No student has joined this class yet.')).toBeVisible();
	await page.context().close();
});

test('students are kept out of the teacher pages; a class that is not yours does not exist', async ({
	browser,
	page
}) => {
	const teacher = await teacherPage(browser);
	const klass = await createClass(teacher, `Private class ${unique()}`);
	const setUrl = await createSet(teacher, `Private set ${unique()}`);

	await signUp(page, 'Curious Student');
	for (const path of [
		'/teach',
		`/teach/classes/${klass.id}`,
		`/teach/classes/${klass.id}/gradebook`,
		new URL(setUrl).pathname
	]) {
		const res = await page.goto(path);
		expect(res?.status(), path).toBe(403);
	}
	await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
	const csv = await page.request.get(`/teach/classes/${klass.id}/gradebook.csv`);
	expect(csv.status()).toBe(403);
	// Actions too.
	const post = await page.request.post(`/teach/classes/${klass.id}?/newCode`, {
		headers: {
			origin: new URL(page.url()).origin,
			'content-type': 'application/x-www-form-urlencoded'
		},
		data: '',
		maxRedirects: 0
	});
	expect(post.status()).toBe(403);

	// A class, set or assignment id that is not the teacher's own is simply not found.
	for (const path of [
		'/teach/classes/not-a-class-of-yours',
		'/teach/sets/00000000-0000-4000-8000-000000000000',
		'/teach/assignments/nope/analysis',
		'/teach/classes/nope/gradebook'
	]) {
		const res = await teacher.goto(path);
		expect(res?.status(), path).toBe(404);
	}
	await teacher.context().close();
});
