// Stored XSS: a corpus of payloads is put in every piece of text a user or an import can set (class,
// set and assignment names, display name, GIFT-imported question, options and explanation, a teacher's
// article title and text, edited drafts), then every view that shows them is opened in Chromium. Each
// payload calls `__xss(id)` or `alert(id)` if it ever runs; the test fails on any call, any dialog, any
// element a payload would create, any Content-Security-Policy violation, and if the text is not shown
// literally. The gradebook CSV must defuse the display name's formula.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { escapeGift } from '../../src/lib/gift/export.ts';
import { mapConcurrently } from '../helpers/concurrency.ts';
import { signUp } from '../helpers/e2e.ts';
import {
	answerAll,
	createAssignmentUi,
	createClassUi,
	DEMO_TEACHERS,
	joinClassUi,
	signIn
} from '../helpers/world.ts';

// Short enough for a 100-character name with its label; each one is a different way out of text.
const CORPUS = [
	'<script>__xss(1)</script>',
	'<img src=x onerror=__xss(2)>',
	'"><svg onload=__xss(3)>',
	"'><details open ontoggle=alert(4)>",
	'<a href="javascript:__xss(5)">link5</a>',
	'<math><mtext><table><mglyph><style><img src=x onerror=__xss(6)>',
	'{__xss(7)} ${__xss(8)} {@html "<b>9</b>"}',
	'</title></textarea><script>alert(10)</script>',
	'<iframe srcdoc="<script>parent.__xss(11)</script>">',
	'javascript:__xss(12)//'
];
const ALL = CORPUS.join(' ');

/** Elements or attributes that exist only if a payload was parsed as markup. */
async function injected(page: Page) {
	return page.evaluate(() => {
		const bad = [
			...document.querySelectorAll(
				'svg[onload], img[onerror], details[ontoggle], iframe, math, mglyph, a[href^="javascript:" i], b'
			)
		].filter((el) => !(el.tagName === 'B' && el.textContent !== '9'));
		// SvelteKit's data script quotes the payloads but carries the response's nonce; an injected one cannot.
		const scripts = [...document.querySelectorAll('script')].filter(
			(s) => !s.nonce && /__xss|alert\(/.test(s.textContent ?? '')
		);
		return [...bad, ...scripts].map((el) => el.outerHTML.slice(0, 80));
	});
}

/** The page's text as a person (or a screen reader) gets it: body and title text, field values. */
async function shownText(page: Page) {
	return page.evaluate(() => {
		const values = [...document.querySelectorAll('input, textarea, select option:checked')].map(
			(el) => (el as HTMLInputElement).value ?? el.textContent
		);
		return [document.title, document.body.textContent ?? '', ...values]
			.join('\n')
			.replace(/\s+/g, ' ');
	});
}

async function guard(context: BrowserContext, log: string[]) {
	await context.exposeBinding('__xss', (_source, id) => log.push(`__xss(${id})`));
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { __csp: string[] }).__csp.push(
				`${e.violatedDirective} ${e.blockedURI} line ${e.lineNumber} ${e.sample}`
			)
		);
		(window as unknown as { __csp: string[] }).__csp = [];
	});
	context.on('page', (p) =>
		p.on('dialog', (d) => (log.push(`dialog ${d.message()}`), d.dismiss()))
	);
}

test('stored payloads are shown as text in every view and never run', async ({ browser }) => {
	test.setTimeout(150_000);
	const ran: string[] = [];
	const tag = Date.now().toString(36);
	const field = (label: string, i: number) => `${label}${tag} ${CORPUS[i % CORPUS.length]}`;
	const className = field('C', 1);
	const setName = field('S', 2);
	const renamed = field('R', 5);
	const title = field('T', 3);
	const displayName = `=HYPERLINK("x")${field('N', 0)}`.slice(0, 80);
	const articleTitle = field('A', 7);
	const prompt = `Q${tag} ${ALL}`;
	const option = `O${tag} ${CORPUS[5]}`;
	const explanation = `E${tag} ${ALL}`;

	const teacher = await browser.newContext();
	await guard(teacher, ran);
	const t = await teacher.newPage();
	await signIn(t, DEMO_TEACHERS.X.email, DEMO_TEACHERS.X.password);
	const klass = await createClassUi(t, className);
	await t.goto('/teach');
	await t.getByLabel('New set').fill(setName);
	await t.getByRole('button', { name: 'Create the set' }).click();
	await expect(t.getByRole('heading', { level: 1, name: setName })).toBeVisible();
	const setId = t.url().split('/').pop()!;
	// Two questions by GIFT import: a single choice and a short answer, payloads everywhere.
	const gift = [
		`${escapeGift(prompt)} {\n=${escapeGift(option)}\n~${escapeGift(`W${tag} ${CORPUS[1]}`)}\n####${escapeGift(explanation)}\n}`,
		`${escapeGift(`Q2${tag} ${CORPUS[2]}`)} {=${escapeGift(`K${tag} ${CORPUS[3]}`)} ####${escapeGift(explanation)}}`
	].join('\n\n');
	await t
		.getByLabel('GIFT file (.gift or .txt)')
		.setInputFiles({ name: 'x.gift', mimeType: 'text/plain', buffer: Buffer.from(gift) });
	await t.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(t.locator('.import-report')).toContainText('2 questions imported');
	const assignmentId = await createAssignmentUi(t, klass.id, setName, 2, title, {
		feedback: 'after_submit'
	});

	// The teacher's article is drafted while the student hands the assignment in.
	const student = await browser.newContext();
	await guard(student, ran);
	const s = await student.newPage();
	const [{ slug, draftPrompt, draftExplanation }, attempt] = await Promise.all([
		addArticle(),
		handIn()
	]);

	// A teacher's article with payloads in its title and text; one draft edited to carry more.
	async function addArticle() {
		await t.goto('/teach/articles');
		await t.getByLabel('Title').fill(articleTitle);
		await t.getByLabel('Date of the reported events').fill('2023-01-17');
		await t
			.getByLabel('Text of the article')
			.fill(
				`Chad will send 1,200 soldiers to the tri-border area where Niger, Mali and Burkina Faso meet, its government said on Tuesday.\n${ALL}\nFrance ended Operation Barkhane in 2022 after nine years in Mali, and some 3,000 French troops remain in the region.`
			);
		await t.getByRole('button', { name: 'Add the article and draft questions' }).click();
		await expect(t.getByRole('heading', { level: 1, name: articleTitle })).toBeVisible({
			timeout: 30_000
		});
		const slug = t.url().split('/').pop()!;
		const draftId = await t
			.locator('ol.drafts > li')
			.filter({ hasText: 'Single choice' })
			.first()
			.getAttribute('id');
		const draft = t.locator(`[id="${draftId}"]`);
		const draftPrompt = `D${tag} ${CORPUS[8]}`;
		const draftExplanation = `X${tag} ${ALL}`;
		await draft.locator('summary', { hasText: /^Edit$/ }).click();
		await draft.getByLabel('Question', { exact: true }).fill(draftPrompt);
		await draft.getByLabel('Option 2', { exact: true }).fill(`P${tag} ${CORPUS[6]}`);
		await draft.getByLabel(/^Explanation/).fill(draftExplanation);
		await draft.getByRole('button', { name: 'Save changes' }).click();
		await t.reload();
		await expect(
			t.locator(`[id="${draftId}"]`).getByLabel('Question', { exact: true })
		).toHaveValue(draftPrompt);
		return { slug, draftPrompt, draftExplanation };
	}

	// The student: the display name, then the assignment answered and handed in.
	async function handIn() {
		await signUp(s, displayName);
		await joinClassUi(s, klass.joinCode);
		await s.goto(`/assignments/${assignmentId}`);
		await s.getByRole('button', { name: 'Start' }).click();
		await expect(s).toHaveURL(/\/attempts\/[\w-]+\/1$/);
		const attempt = s.url().split('/')[4];
		await answerAll(s);
		await s.getByRole('button', { name: 'Submit my answers' }).click();
		await expect(s).toHaveURL(/\/results$/);
		return attempt;
	}

	// The set renamed after the assignment exists, so both names are shown somewhere.
	await t.goto(`/teach/sets/${setId}`);
	await t.getByText('Rename the set').click();
	await t.getByLabel('Name of the set').fill(renamed);
	await t.getByRole('button', { name: 'Rename', exact: true }).click();
	await expect(t.getByRole('heading', { level: 1, name: renamed })).toBeVisible();

	const anonymous = await browser.newContext();
	await guard(anonymous, ran);
	const anon = await anonymous.newPage();

	// Each view and the texts it must show literally.
	const views: [Page, string, string[]][] = [
		[t, '/teach', [className, renamed]],
		[t, `/teach/classes/${klass.id}`, [className, title, displayName]],
		[t, `/teach/classes/${klass.id}/gradebook`, [className, title, displayName]],
		[t, `/teach/assignments/${assignmentId}/analysis`, [title, prompt, option]],
		[t, `/teach/sets/${setId}`, [renamed, prompt, option]],
		[t, `/teach/sets/${setId}/preview`, [prompt, option]],
		[t, '/teach/articles', [articleTitle]],
		[t, `/teach/articles/${slug}`, [articleTitle, draftPrompt, draftExplanation]],
		[s, '/', [displayName, title]],
		[s, '/classes', [className]],
		[s, `/assignments/${assignmentId}`, [title]],
		[s, `/attempts/${attempt}/1`, []],
		[s, `/attempts/${attempt}/review`, []],
		[s, `/attempts/${attempt}/results`, [prompt, option, explanation]],
		[s, '/history', []],
		[s, `/articles/${slug}`, [articleTitle, ALL]],
		// The other pages, for CSP violations only.
		...[
			'/practice',
			'/progress',
			'/review',
			'/mistakes',
			'/settings',
			'/articles',
			'/classes/join'
		].map((u) => [s, u, []] as [Page, string, string[]]),
		...['/signin', '/signup', '/articles'].map((u) => [anon, u, []] as [Page, string, string[]])
	];
	const problems: string[] = [];
	let checks = 0;
	// Three views at a time, each in a new tab of its viewer's browser (guarded as the first tab is).
	await mapConcurrently(views, 3, async ([viewer, url, texts]) => {
		const page = await viewer.context().newPage();
		const res = await page.goto(url);
		expect(res?.status(), url).toBe(200);
		await page.waitForLoadState('networkidle');
		const text = await shownText(page);
		for (const x of texts) {
			checks++;
			if (!text.includes(x.replace(/\s+/g, ' ')))
				problems.push(`${url}: not shown literally: ${x.slice(0, 40)}`);
		}
		for (const el of await injected(page)) problems.push(`${url}: injected ${el}`);
		for (const v of await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))
			problems.push(`${url}: CSP violation ${v}`);
		await page.close();
	});
	expect(problems).toEqual([]);
	expect(ran).toEqual([]);

	// The gradebook CSV: the display name's formula is defused.
	const csv = await (await t.request.get(`/teach/classes/${klass.id}/gradebook.csv`)).text();
	expect(csv).toContain(`'=HYPERLINK`);
	expect(csv).not.toMatch(/(^|,|\n)"?=HYPERLINK/);
	console.log(
		`xss: ${CORPUS.length} payloads in 16 stored texts, ${views.length} page views, ${checks} literal checks, 0 scripts run, 0 CSP violations`
	);
	await teacher.close();
	await student.close();
	await anonymous.close();
});
