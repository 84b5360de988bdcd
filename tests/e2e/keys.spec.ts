// Answer keys never reach the browser early. Every response body the browser receives during whole
// attempts (HTML, __data.json, scripts, styles, action responses, redirects' targets) is recorded and
// searched for markers of the real bank's keys: each question's explanation (a sentence of our own that
// appears nowhere a learner sees before the key), its accepted short-text answers, and any "correct" key.
//   - practice (feedback after submitting): no marker before the attempt is submitted;
//   - an assignment with feedback after each question: a question's marker only once it is checked;
//   - an assignment with feedback after the due time: no marker at all before the due time, also with
//     the browser's clock a month ahead and in another time zone, nor in the review queue or the
//     mistakes notebook (which both show keys).
//   - a timed assignment with feedback after the due time: a "time up" the browser believes in (its clock
//     two hours ahead), the student's submit replayed 10 times, a forged early "time up" (fields claiming
//     time, deadline, lateness, score) replayed 10 times, and a time limit that runs out (a save refused,
//     the attempt closed by the server, submits replayed): no marker, each replay 409, one ordinary
//     submission each, not late, graded from the answers saved in time. With TEST_DATABASE_URL (npm test
//     sets it) this test runs on a server of its own on Postgres, so that the minute can pass at once in
//     the database (see below); without it, on the shared test server, it waits the minute out;
//   - seeded questions (a teacher's GIFT import) whose accepted answers, numeric key and explanations are
//     strings found nowhere else: none before submitting, all in the results.
// Each test also finds the markers once they are due, so a marker that could never match fails the test.
import { devices, expect, test, type Page } from '@playwright/test';
import type { Question } from '../../src/lib/bank/types.ts';
import { loadRealBank } from '../helpers/bank.ts';
import { answerWithKeyboard, signUp, startQuiz } from '../helpers/e2e.ts';
import { startServerOnPostgres } from '../helpers/server.ts';
import {
	createAssignmentUi,
	createClassUi,
	createSetUi,
	DEMO_TEACHERS,
	joinClassUi,
	signIn
} from '../helpers/world.ts';

const bank = loadRealBank();
const byId = new Map(bank.questions.map((q) => [q.id, q]));

/** Everything a learner may see before any key: prompts, options, items, units, tags, article titles. */
const visibleText = [
	...bank.questions.flatMap((q) => [
		q.prompt,
		...(q.type === 'single' || q.type === 'multiple' ? q.options.map((o) => o.text) : []),
		...(q.type === 'ordering' ? q.items.map((i) => i.text) : []),
		q.type === 'numeric' ? (q.unit ?? '') : '',
		...q.tags
	]),
	...bank.articles.map((a) => a.title),
	// What answerWithKeyboard types: the learner's own input comes back to them.
	'Niamey',
	'1000'
]
	.join('\n')
	.toLowerCase();

/**
 * The longest run of an explanation free of characters HTML or JSON would escape (quotes, &, <, >, \),
 * so it is found verbatim in any body; null when it is short or also shown before the key.
 */
function explanationMarker(q: Question): string | null {
	const runs = q.explanation.split(/["'&<>\\\u2028\u2029]/).map((s) => s.trim());
	const longest = runs
		.sort((a, b) => b.length - a.length)[0]
		.slice(0, 80)
		.trim();
	return longest.length >= 25 &&
		!visibleText.includes(longest.toLowerCase()) &&
		uniqueTo(q, longest)
		? longest
		: null;
}

type Marker = { questionId: string; kind: 'explanation' | 'accepted answer'; text: string };

/**
 * What the results show of each question besides its own key: the quotes of every fact (a quote is shown
 * with each question citing it), and the explanations and accepted answers of the other questions. A
 * marker found there would point at the wrong question once another question's results are due.
 */
const quotesText = bank.facts
	.map((f) => f.quote)
	.join('\n')
	.toLowerCase();
const othersText = (q: Question) =>
	bank.questions
		.filter((o) => o.id !== q.id)
		.flatMap((o) => [o.explanation, ...(o.type === 'short_text' ? o.accepted : [])])
		.join('\n')
		.toLowerCase();
const uniqueTo = (q: Question, text: string) =>
	!quotesText.includes(text.toLowerCase()) && !othersText(q).includes(text.toLowerCase());

const markersOf = (q: Question): Marker[] => [
	...[explanationMarker(q)]
		.filter((t): t is string => t !== null)
		.map((text) => ({ questionId: q.id, kind: 'explanation' as const, text })),
	...(q.type === 'short_text' ? q.accepted : [])
		.filter(
			(a) =>
				a.length >= 4 &&
				!/["'&<>\\]/.test(a) &&
				!visibleText.includes(a.toLowerCase()) &&
				uniqueTo(q, a)
		)
		.map((text) => ({ questionId: q.id, kind: 'accepted answer' as const, text }))
];
const ALL_MARKERS = bank.questions.flatMap(markersOf);

/** A key field in data: `correct:` / `"correct":` as an object key (HTML-inlined data, __data.json, action JSON). */
const CORRECT_KEY = /[{,]\s*"?correct"?\s*:/;

type Recorded = { seq: number; url: string; contentType: string; text: string };

/** Whether a routed request failed because its page or context closed. */
const pageGone = (e: unknown) => /closed|disposed/i.test(String(e));

/**
 * Records every body the server sends the page. The requests go through a route that fetches them itself
 * (redirects are passed on to the browser, which follows them through the route again): Chromium drops
 * the bodies of some responses before `response.body()` can read them (a `__data.json` that a navigation
 * replaced), and a body that cannot be read must not count as one without markers.
 */
class Recorder {
	bodies: Recorded[] = [];
	private pending: Promise<void>[] = [];
	private seq = 0;
	private failures: string[] = [];
	private constructor() {}
	static async on(page: Page) {
		const r = new Recorder();
		await page.route('**/*', (route) => {
			const seq = r.seq++;
			const fetched = () => route.fetch({ maxRedirects: 0 });
			const done = fetched()
				// Once more, as a browser does: a keep-alive connection the server has just closed as idle
				// fails a request sent on it at that moment.
				.catch((e: unknown) => (pageGone(e) ? Promise.reject(e) : fetched()))
				.then(async (res) => {
					const body = await res.body();
					r.bodies.push({
						seq,
						url: res.url(),
						contentType: res.headers()['content-type'] ?? '',
						text: body.toString('utf8')
					});
					await route.fulfill({ response: res, body });
				})
				.catch(async (e: unknown) => {
					// The page went away while a request was on its way: nothing reached the browser.
					if (pageGone(e)) return;
					r.failures.push(`${route.request().url()}: ${String(e).slice(0, 200)}`);
					// Not left hanging (a page waits for ever on a route never answered): the request fails,
					// and settle() names it.
					await route.abort().catch(() => {});
				});
			r.pending.push(done);
			return done;
		});
		return r;
	}
	/** Waits for every body received so far; fails when one could not be recorded. */
	async settle() {
		for (let n = -1; n !== this.pending.length;) {
			n = this.pending.length;
			await Promise.all(this.pending);
		}
		expect(this.failures, 'responses that could not be recorded').toEqual([]);
		return this.bodies;
	}
	async find(markers: Marker[], { from = 0, correctKeys = true } = {}) {
		const found: { questionId: string | null; what: string }[] = [];
		for (const b of (await this.settle()).filter((x) => x.seq >= from)) {
			for (const m of markers)
				if (b.text.includes(m.text))
					found.push({
						questionId: m.questionId,
						what: `${m.kind} of ${m.questionId} ("${m.text.slice(0, 40)}…") in ${b.url}`
					});
			if (correctKeys && !/javascript|css/.test(b.contentType) && CORRECT_KEY.test(b.text)) {
				found.push({
					questionId: null,
					what: `a "correct" key in ${b.url}: …${b.text.match(new RegExp(`.{0,60}${CORRECT_KEY.source}.{0,40}`))?.[0]}…`
				});
			}
		}
		return found;
	}
	get count() {
		return this.seq;
	}
}

test.beforeAll(() => {
	// The markers must be able to tell: most questions have one.
	expect(ALL_MARKERS.length).toBeGreaterThan(bank.questions.length * 0.8);
});

test('practice: nothing of any key reaches the browser before the attempt is submitted', async ({
	page
}) => {
	test.setTimeout(180_000);
	const recorder = await Recorder.on(page);
	await signUp(page, 'Key Seeker');
	const base = await startQuiz(page, 20);
	const attemptPath = new URL(base).pathname;
	const ids: string[] = [];
	for (let n = 1; n <= 20; n++) {
		await expect(page.getByText(`Question ${n} of 20`, { exact: true })).toBeVisible();
		ids.push(await page.locator('input[name="questionId"]').inputValue());
		await answerWithKeyboard(page);
		await expect(page.getByText(/Answer saved ✓/)).toBeVisible();
		if (n === 3) {
			// A reload, a step back, and the results page asked for early (it sends back to the review page).
			await page.reload();
			await page.getByRole('button', { name: '← Previous' }).click();
			await expect(page.getByText('Question 2 of 20', { exact: true })).toBeVisible();
			await page.goto(`${attemptPath}/results`);
			await expect(page).toHaveURL(new RegExp(`${attemptPath}/review$`));
			await page.goto(`${attemptPath}/3`);
		}
		await page.getByRole('button', { name: /Next|Review/ }).click();
	}
	await expect(page.getByRole('button', { name: 'Submit my answers' })).toBeVisible();
	expect(
		(await recorder.find(ALL_MARKERS)).map((f) => f.what),
		'before submitting'
	).toEqual([]);
	const before = recorder.count;
	expect(before).toBeGreaterThan(40);

	await page.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	// The results carry every explanation of the attempt: the markers do find keys once they are due.
	const after = await recorder.find(
		ids.flatMap((id) => markersOf(byId.get(id)!)).filter((m) => m.kind === 'explanation'),
		{ from: before, correctKeys: false }
	);
	expect(new Set(after.map((f) => f.questionId))).toEqual(
		new Set(ids.filter((id) => explanationMarker(byId.get(id)!)))
	);
	// Questions that were not in the attempt never show up.
	const others = ALL_MARKERS.filter((m) => !ids.includes(m.questionId));
	expect((await recorder.find(others, { correctKeys: false })).map((f) => f.what)).toEqual([]);
});

/**
 * Teacher X's page, signed in, and a class of theirs: made once, in beforeAll, for the tests on the shared
 * test server; each test adds its own set and assignment to the class and its own students join it.
 */
let shared: { page: Page; klass: { id: string; joinCode: string } } | null = null;
test.beforeAll(async ({ browser }) => {
	// A hook's contexts do not get the config's `use` options (see shared-world.ts): the same ones, here.
	const { defaultBrowserType: _, ...desktop } = devices['Desktop Chrome'];
	const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
	const page = await (await browser.newContext({ ...desktop, baseURL })).newPage();
	await signIn(page, DEMO_TEACHERS.X.email, DEMO_TEACHERS.X.password);
	shared = { page, klass: await createClassUi(page, `Keys class ${uniqueTag()}`) };
});
test.afterAll(async () => shared?.page.context().close());

function uniqueTag() {
	return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** Signs teacher X in on `page` and makes a class (a server of a test's own), or uses the shared one. */
async function teacherAndClass(page?: Page) {
	if (!page) return shared!;
	await signIn(page, DEMO_TEACHERS.X.email, DEMO_TEACHERS.X.password);
	return { page, klass: await createClassUi(page, `Keys class ${uniqueTag()}`) };
}

/** A set of `size` and an assignment of it in X's class: the shared one, or a new one on `ownPage`. */
async function teacherAssignment(
	feedback: 'after_each' | 'after_due',
	size: number,
	options: { timeLimitMinutes?: number } = {},
	ownPage?: Page
) {
	const tag = uniqueTag();
	const { page, klass } = await teacherAndClass(ownPage);
	const setName = `Keys set ${tag}`;
	await createSetUi(page, setName, size);
	const setIds = (
		await page.locator('ol.items > li').evaluateAll((lis) => lis.map((li) => li.id))
	).map((id) => id.replace(/^item-/, ''));
	expect(setIds).toHaveLength(size);
	const assignmentId = await createAssignmentUi(page, klass.id, setName, size, `Keys task ${tag}`, {
		feedback,
		dueInDays: 2,
		...options
	});
	return { joinCode: klass.joinCode, assignmentId, setIds, classId: klass.id, setName, tag };
}

test('feedback after each question: a key appears only once its question is checked', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const { joinCode, assignmentId, setIds } = await teacherAssignment('after_each', 5);

	const context = await browser.newContext();
	const page = await context.newPage();
	const recorder = await Recorder.on(page);
	await signUp(page, 'Checker');
	await joinClassUi(page, joinCode);
	await page.goto(`/assignments/${assignmentId}`);
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page).toHaveURL(/\/attempts\/[\w-]+\/1$/);
	const checked: string[] = [];
	const notYet = () => ALL_MARKERS.filter((m) => !checked.includes(m.questionId));
	for (let n = 1; n <= setIds.length; n++) {
		await expect(
			page.getByText(`Question ${n} of ${setIds.length}`, { exact: true })
		).toBeVisible();
		const id = await page.locator('input[name="questionId"]').inputValue();
		expect(setIds).toContain(id);
		await answerWithKeyboard(page);
		// Answered on screen but not checked: still nothing (answers are not even saved until checked). Once
		// a question is checked its feedback has a "correct" key, so those are looked for only before that.
		expect(
			(await recorder.find(notYet(), { correctKeys: n === 1 })).map((f) => f.what),
			`question ${n} before checking`
		).toEqual([]);
		const from = recorder.count;
		await page.getByRole('button', { name: 'Check answer' }).click();
		await expect(page.locator('section.feedback')).toBeVisible();
		checked.push(id);
		const shown = await recorder.find(
			markersOf(byId.get(id)!).filter((m) => m.kind === 'explanation'),
			{ from, correctKeys: false }
		);
		if (explanationMarker(byId.get(id)!))
			expect(shown.length, `the checked question's explanation is shown`).toBeGreaterThan(0);
		// The other questions' keys are still unseen.
		expect(
			(await recorder.find(notYet(), { correctKeys: false })).map((f) => f.what),
			`question ${n} after checking`
		).toEqual([]);
		await page.getByRole('button', { name: /Next|Review/ }).click();
	}
	await page.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(page).toHaveURL(/\/results$/);
	await context.close();
});

test('feedback after the due time: no key before it, whatever the browser clock and time zone say', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const { joinCode, assignmentId } = await teacherAssignment('after_due', 4);

	// A browser a month in the future, on the other side of the date line.
	const context = await browser.newContext({ timezoneId: 'Pacific/Kiritimati' });
	const page = await context.newPage();
	await page.clock.install({ time: new Date(Date.now() + 30 * 86_400_000) });
	const recorder = await Recorder.on(page);
	await signUp(page, 'Early Bird');
	await joinClassUi(page, joinCode);
	await page.goto(`/assignments/${assignmentId}`);
	await page.getByRole('button', { name: 'Start' }).click();
	for (let n = 1; n <= 4; n++) {
		await expect(page.getByText(`Question ${n} of 4`, { exact: true })).toBeVisible();
		await answerWithKeyboard(page);
		await expect(page.getByText(/Answer saved ✓/)).toBeVisible();
		await page.getByRole('button', { name: /Next|Review/ }).click();
	}
	await page.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(page).toHaveURL(/\/results$/);
	const results = page.url();
	await page.reload();
	await page.goto('/');
	await page.goto(`/assignments/${assignmentId}`);
	await page.goto(results);
	await page.goto('/history');
	await visitReviewAndMistakes(page);
	expect(
		(await recorder.find(ALL_MARKERS)).map((f) => f.what),
		'after submitting, before the due time'
	).toEqual([]);
	await context.close();
});

test('seeded questions: their marker keys and explanations reach the browser only with the results', async ({
	browser
}) => {
	test.setTimeout(180_000);
	// Questions of our own whose every key and explanation is a string that appears nowhere else.
	const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.toUpperCase();
	const number = `${4000 + Math.floor(Math.random() * 900)}.${String(Math.floor(Math.random() * 1e3)).padStart(3, '0')}7`;
	const seeded: Marker[] = [
		{ questionId: 'short', kind: 'accepted answer', text: `KEYSHORT${tag}` },
		{ questionId: 'short', kind: 'accepted answer', text: `KEYALT${tag}` },
		{ questionId: 'short', kind: 'explanation', text: `EXPLSHORT${tag}` },
		{ questionId: 'numeric', kind: 'accepted answer', text: number },
		{ questionId: 'numeric', kind: 'explanation', text: `EXPLNUMERIC${tag}` },
		{ questionId: 'single', kind: 'explanation', text: `EXPLSINGLE${tag}` }
	];
	const gift = [
		`::Short ${tag}:: Which word is the key of this seeded question? {=KEYSHORT${tag} =KEYALT${tag} ####EXPLSHORT${tag}}`,
		'',
		`::Numeric ${tag}:: Which number is the key of this seeded question? {#${number}:0 ####EXPLNUMERIC${tag}}`,
		'',
		`::Single ${tag}:: Which option is the key of this seeded question? {=Option one ~Option two ~Option three ####EXPLSINGLE${tag}}`,
		''
	].join('\n');

	const { page: teacher, klass } = shared!;
	const setName = `Seeded set ${tag}`;
	await teacher.goto('/teach');
	await teacher.getByLabel('New set').fill(setName);
	await teacher.getByRole('button', { name: 'Create the set' }).click();
	await expect(teacher.getByRole('heading', { level: 1, name: setName })).toBeVisible();
	await teacher
		.getByLabel('GIFT file (.gift or .txt)')
		.setInputFiles({ name: 'seeded.gift', mimeType: 'text/plain', buffer: Buffer.from(gift) });
	await teacher.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(teacher.locator('.import-report')).toContainText('3 questions imported');
	const assignmentId = await createAssignmentUi(
		teacher,
		klass.id,
		setName,
		3,
		`Seeded task ${tag}`,
		{ feedback: 'after_submit', dueInDays: 2 }
	);

	const context = await browser.newContext();
	const page = await context.newPage();
	const recorder = await Recorder.on(page);
	await signUp(page, 'Seed Finder');
	await joinClassUi(page, klass.joinCode);
	await page.goto(`/assignments/${assignmentId}`);
	await page.getByRole('button', { name: 'Start' }).click();
	for (let n = 1; n <= 3; n++) {
		await expect(page.getByText(`Question ${n} of 3`, { exact: true })).toBeVisible();
		await answerWithKeyboard(page);
		await expect(page.getByText(/Answer saved ✓/)).toBeVisible();
		if (n === 2) await page.reload();
		await page.getByRole('button', { name: /Next|Review/ }).click();
	}
	await expect(page.getByRole('button', { name: 'Submit my answers' })).toBeVisible();
	await page.goto(`${new URL(page.url()).pathname.replace(/\/review$/, '')}/results`);
	await expect(page).toHaveURL(/\/review$/);
	expect(
		(await recorder.find(seeded)).map((f) => f.what),
		'before submitting'
	).toEqual([]);
	const before = recorder.count;

	await page.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	// Every explanation and a key of each answer question is in the results: the markers can be found.
	const after = new Set(
		(await recorder.find(seeded, { from: before, correctKeys: false })).map(
			(f) => f.what.split(' in ')[0]
		)
	);
	for (const m of seeded.filter(
		(x) => x.kind === 'explanation' || x.text === number || x.text.startsWith('KEYSHORT')
	)) {
		expect(
			[...after].some((a) => a.includes(m.text.slice(0, 20))),
			`${m.kind} "${m.text}" in the results`
		).toBe(true);
	}
	await context.close();
});

/** The review queue (showing the answer of any card it offers) and the mistakes notebook: both show keys. */
async function visitReviewAndMistakes(page: Page) {
	await page.goto('/review');
	const show = page.getByRole('button', { name: 'Show the answer' });
	if (await show.count()) await show.click();
	await page.goto('/mistakes');
}

/** A form posted from inside the page (so the recorder sees the reply), as use:enhance or a plain form would. */
async function postFromPage(
	page: Page,
	url: string,
	body: { fields?: [string, string][]; raw?: { data: string; contentType: string } },
	enhanced = true
) {
	return page.evaluate(
		async ({ url, body, enhanced }) => {
			const init: RequestInit = {
				method: 'POST',
				redirect: 'manual',
				headers: enhanced ? { 'x-sveltekit-action': 'true' } : { accept: 'text/html' }
			};
			if (body.raw) {
				init.body = body.raw.data;
				(init.headers as Record<string, string>)['content-type'] = body.raw.contentType;
			} else {
				const form = new FormData();
				for (const [k, v] of body.fields ?? []) form.append(k, v);
				init.body = form;
			}
			const res = await fetch(url, init);
			return { status: res.status, type: res.type, text: await res.text() };
		},
		{ url, body, enhanced }
	);
}

/** Starts the assignment on screen and answers the first `answered` questions (each saved); the attempt's path and question ids. */
async function startAndAnswer(page: Page, assignmentId: string, total: number, answered: number) {
	await page.goto(`/assignments/${assignmentId}`);
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page).toHaveURL(/\/attempts\/[\w-]+\/1$/);
	const path = new URL(page.url()).pathname.replace(/\/1$/, '');
	const ids: string[] = [];
	for (let n = 1; n <= answered; n++) {
		await expect(page.getByText(`Question ${n} of ${total}`, { exact: true })).toBeVisible();
		ids.push(await page.locator('input[name="questionId"]').inputValue());
		await answerWithKeyboard(page);
		await expect(page.getByText(/Answer saved ✓/)).toBeVisible();
		await page.getByRole('button', { name: /Next|Review/ }).click();
	}
	return { path, ids };
}

/** The student's own view of the assignment: one attempt, submitted, not late, none left. */
async function expectOneOrdinarySubmission(page: Page, assignmentId: string) {
	await page.goto(`/assignments/${assignmentId}`);
	await expect(page.getByText('1 of 1 used', { exact: true })).toBeVisible();
	await expect(page.locator('li', { hasText: /^\s*Attempt \d/ })).toHaveCount(1);
	await expect(page.locator('li', { hasText: /^\s*Attempt 1/ })).toHaveText(
		/^\s*Attempt 1:\s*(submitted|[\d.]+ \/ \d+)\s*$/
	);
	await expect(page.getByRole('button', { name: /Start|Resume/ })).toHaveCount(0);
}

let ownServer: Awaited<ReturnType<typeof startServerOnPostgres>> = null;
test.afterAll(async () => ownServer?.dispose());

test('a "time up" the browser believes in, replayed, and a forged early one: no key before the due time, one finalisation, an ordinary submit', async ({
	browser
}) => {
	test.setTimeout(300_000);
	// C's minute. The shared test server's database (PGlite) is open in its process alone, so with a
	// Postgres at hand (TEST_DATABASE_URL) the test runs on a server of its own whose database it can
	// reach, and the minute passes at once: C's attempt (its start, its stored deadline and its saved
	// answers) is moved 75 s into the past in the database, and C's browser clock 75 s forward. The server
	// still decides alone, by its own clock against the deadline it stored, that time is up. Without a
	// Postgres the minute is waited out.
	ownServer = await startServerOnPostgres();
	const contextOptions = ownServer ? { baseURL: ownServer.baseURL } : {};
	const minutePasses = async (page: Page, attemptPath: string, started: number) => {
		if (!ownServer) return page.waitForTimeout(Math.max(0, started + 75_000 - Date.now()));
		const id = attemptPath.split('/').pop()!;
		const moved =
			await ownServer.sql`update attempt set created_at = created_at - interval '75 seconds', deadline_at = deadline_at - interval '75 seconds' where id = ${id} and status = 'in_progress' and deadline_at is not null`;
		expect(moved.count, 'the attempt in progress, with its deadline').toBe(1);
		await ownServer.sql`update answer set answered_at = answered_at - interval '75 seconds' where attempt_id = ${id}`;
		await page.clock.fastForward(75_000);
	};
	// Feedback after the due time (in two days). T10: a 10-minute limit; T1: a 1-minute limit that really runs out.
	const teacherContext = await browser.newContext(contextOptions);
	const teacher = await teacherContext.newPage();
	const {
		joinCode,
		assignmentId: t10,
		setIds,
		classId,
		setName,
		tag
	} = await teacherAssignment('after_due', 4, { timeLimitMinutes: 10 }, teacher);
	const t1 = await createAssignmentUi(teacher, classId, setName, 4, `Keys one-minute task ${tag}`, {
		feedback: 'after_due',
		dueInDays: 2,
		timeLimitMinutes: 1
	});
	const setMarkers = ALL_MARKERS.filter((m) => setIds.includes(m.questionId));
	expect(setMarkers.length).toBeGreaterThan(0);

	const student = async (name: string, clockAhead = 0, ownClock = false) => {
		const context = await browser.newContext(contextOptions);
		const page = await context.newPage();
		if (clockAhead || ownClock)
			await page.clock.install({ time: new Date(Date.now() + clockAhead) });
		const recorder = await Recorder.on(page);
		await signUp(page, name);
		await joinClassUi(page, joinCode);
		return { context, page, recorder };
	};
	const noMarkers = async (recorder: Recorder, when: string) =>
		expect(
			(await recorder.find(ALL_MARKERS)).map((f) => f.what),
			when
		).toEqual([]);
	const alreadySubmitted = (r: { status: number; text: string }) => {
		expect(r.status, r.text.slice(0, 300)).toBe(409);
		expect(r.text).toContain('This attempt was already submitted.');
	};

	// C takes the one-minute assignment first, so that its time is really up by the end.
	const c = await student('Bell Ringer', 0, true);
	const cStarted = Date.now();
	const cAttempt = await startAndAnswer(c.page, t1, 4, 1);

	// A: the browser's clock two hours ahead. The page's timer reads 0:00 at once, but the server's time
	// is not up: answers still save, and the student's "time up" submit is an ordinary one.
	const a = await student('Clock Ahead', 2 * 3_600_000);
	const aAttempt = await startAndAnswer(a.page, t10, 4, 2);
	await a.page.goto(`${aAttempt.path}/2`);
	await expect(a.page.locator('.time-left')).toHaveText('⏱ 0:00 left');
	await a.page.goto(`${aAttempt.path}/review`);
	const timeUpRequest = a.page.waitForRequest(
		(r) => r.method() === 'POST' && r.url().endsWith('/review?/submit')
	);
	await a.page.getByRole('button', { name: 'Submit my answers' }).click();
	const timeUp = await timeUpRequest;
	await expect(a.page).toHaveURL(/\/results$/);
	await expect(a.page.getByText('Your answers are in.')).toBeVisible();
	// The time-up replayed byte for byte, one after another and all at once, enhanced and as a plain form.
	const raw = {
		data: timeUp.postDataBuffer()?.toString('latin1') ?? '',
		contentType: timeUp.headers()['content-type'] ?? 'application/x-www-form-urlencoded'
	};
	for (let i = 0; i < 4; i++) alreadySubmitted(await postFromPage(a.page, timeUp.url(), { raw }));
	for (const r of await Promise.all(
		Array.from({ length: 6 }, (_, i) => postFromPage(a.page, timeUp.url(), { raw }, i % 2 === 0))
	))
		alreadySubmitted(r);
	await a.page.reload();
	await a.page.goto(`${aAttempt.path}/1`);
	await expect(a.page).toHaveURL(/\/results$/);
	await noMarkers(a.recorder, 'A: after the time-up and its replays');

	// B: an honest clock, and a forged "time up" long before the limit: fields claiming the time, the
	// deadline, lateness and a score. The server reads none of them: it is an ordinary submit, then 409s.
	const b = await student('Forger');
	const bAttempt = await startAndAnswer(b.page, t10, 4, 1);
	const forged: [string, string][] = [
		['timeUp', '1'],
		['now', new Date(Date.now() + 86_400_000 * 30).toISOString()],
		['submittedAt', new Date(Date.now() + 86_400_000 * 30).toISOString()],
		['deadlineAt', new Date(Date.now() - 60_000).toISOString()],
		['late', 'false'],
		['score', '4'],
		['feedback', 'after_submit']
	];
	const first = await postFromPage(b.page, `${bAttempt.path}/review?/submit`, { fields: forged });
	expect(first.status).toBe(200);
	expect(JSON.parse(first.text)).toMatchObject({
		type: 'redirect',
		location: `${bAttempt.path}/results`
	});
	for (let i = 0; i < 4; i++)
		alreadySubmitted(
			await postFromPage(b.page, `${bAttempt.path}/review?/submit`, { fields: forged }, i % 2 === 0)
		);
	for (const r of await Promise.all(
		Array.from({ length: 6 }, () =>
			postFromPage(b.page, `${bAttempt.path}/review?/submit`, { fields: forged })
		)
	))
		alreadySubmitted(r);
	await b.page.goto(`${bAttempt.path}/results`);
	await expect(b.page.getByText('Your answers are in.')).toBeVisible();
	await noMarkers(b.recorder, 'B: after the forged time-up and its replays');

	// C: the server's time is up (one minute and the 5-second grace). A save is refused on the page, the
	// next page load closes the attempt as of the deadline, and a submit replayed after it is refused.
	await minutePasses(c.page, cAttempt.path, cStarted);
	await expect(c.page.getByText('Question 2 of 4', { exact: true })).toBeVisible();
	await expect(c.page.locator('.time-left')).toHaveText('⏱ 0:00 left');
	await answerWithKeyboard(c.page);
	await expect(c.page.getByText(/Time is up: this attempt can no longer change/)).toBeVisible();
	await c.page.goto(`${cAttempt.path}/review`);
	await expect(c.page).toHaveURL(/\/results$/);
	await expect(c.page.getByText('Your answers are in.')).toBeVisible();
	for (let i = 0; i < 5; i++)
		alreadySubmitted(
			await postFromPage(c.page, `${cAttempt.path}/review?/submit`, { fields: [] }, i % 2 === 0)
		);
	await noMarkers(c.recorder, 'C: after its time ran out on the server and the replays');

	// The server's state: each student one submitted attempt, not late, nothing left to start.
	await expectOneOrdinarySubmission(a.page, t10);
	await expectOneOrdinarySubmission(b.page, t10);
	await expectOneOrdinarySubmission(c.page, t1);
	for (const s of [a, b, c]) {
		await visitReviewAndMistakes(s.page);
		await noMarkers(s.recorder, 'on the assignment, review and mistakes pages');
	}

	// The teacher sees each attempt graded from the answers saved in time (the rest "No answer"), with the
	// keys: the markers do match these questions once they may be shown.
	const teacherRecorder = await Recorder.on(teacher);
	for (const [attempt, answered] of [
		[aAttempt, 2],
		[bAttempt, 1],
		[cAttempt, 1]
	] as const) {
		await teacher.goto(`${attempt.path}/results`);
		await expect(teacher.getByRole('heading', { name: 'A student’s results' })).toBeVisible();
		await expect(teacher.locator('.summary .status.overdue')).toHaveCount(0);
		await expect(teacher.locator('li.result')).toHaveCount(4);
		await expect(teacher.locator('li.result dd', { hasText: /^No answer$/ })).toHaveCount(
			4 - answered
		);
	}
	const shown = new Set(
		(await teacherRecorder.find(setMarkers, { correctKeys: false })).map((f) => f.questionId)
	);
	expect(shown.size, 'markers of the set found in the teacher’s view').toBeGreaterThan(0);
	const book = await teacher.goto(`/teach/classes/${classId}/gradebook`);
	expect(book?.status()).toBe(200);
	for (const name of ['Clock Ahead', 'Forger', 'Bell Ringer']) {
		const row = teacher.locator('tbody tr', { has: teacher.locator('th', { hasText: name }) });
		await expect(row.locator('td a')).toHaveCount(1);
		await expect(row).not.toContainText('attempts');
		await expect(row.locator('.badge')).toHaveCount(0);
	}
	for (const s of [a, b, c]) await s.context.close();
	await teacherContext.close();
});
