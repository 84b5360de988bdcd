// A live session in the browser: a teacher on the projector, a signed-in student and a guest on phones.
// The projector learns of joins and answers, and the phones of each step, through the event stream
// (nobody reloads); one phone reloads mid-question and finds its answer kept.
import { expect, test, type Page } from '@playwright/test';
import type { Question } from '../../src/lib/bank/types.ts';
import { loadRealBank } from '../helpers/bank.ts';
import { signUp } from '../helpers/e2e.ts';
import { startServer, startServerOnPostgres, type OwnServer } from '../helpers/server.ts';
import {
	createAssignmentUi,
	createClassUi,
	createSetUi,
	DEMO_TEACHERS,
	joinClassUi,
	signIn
} from '../helpers/world.ts';

const bank = loadRealBank();
const BANK_ARTICLES = bank.articles.map((a) => a.slug);

const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.LIVE_SHOTS_DIR;

async function shot(page: Page, name: string) {
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Gives some answer to the question on a phone, whatever its type, and sends it. */
async function answer(page: Page) {
	const form = page.locator('form.live-answer');
	const type = await form.locator('input[name="questionType"]').inputValue();
	if (type === 'single' || type === 'multiple' || type === 'true_false')
		await form.locator('label.option').first().click();
	else if (type === 'numeric') await form.locator('input[name="value"]').fill('1000');
	else if (type === 'short_text') await form.locator('input[name="text"]').fill('Niamey');
	await form.getByRole('button', { name: 'Send answer' }).click();
	await expect(page.getByText('Answer sent.')).toBeVisible();
}

test('a teacher runs a live session for a signed-in student and a guest', async ({ browser }) => {
	test.setTimeout(60_000);
	const teacherContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const projector = await teacherContext.newPage();
	await signIn(projector, DEMO_TEACHERS.X.email, DEMO_TEACHERS.X.password);
	const tag = Date.now().toString(36);
	await createSetUi(projector, `Live ${tag}`, 2);
	await projector.getByText('Run live in class').click();
	await projector.getByLabel('Seconds per question').fill('120');
	await projector.getByRole('button', { name: 'Run live' }).click();
	const code = ((await projector.getByLabel('Join code').textContent()) ?? '').trim();
	expect(code).toMatch(/^\d{6}$/);
	await expect(projector.getByAltText('QR code of the join link')).toBeVisible();

	const aminaContext = await browser.newContext({ viewport: PHONE });
	const amina = await aminaContext.newPage();
	await signUp(amina, `Amina ${tag}`);
	await amina.goto(`/live?code=${code}`);
	await amina.getByRole('button', { name: 'Join' }).click();
	await expect(amina.getByRole('heading', { name: 'You are in' })).toBeVisible();

	const guestContext = await browser.newContext({ viewport: PHONE });
	const guest = await guestContext.newPage();
	await guest.goto('/live');
	await guest.getByLabel('Code').fill(code);
	await guest.getByLabel('Nickname').fill(`Guest ${tag}`);
	await guest.getByRole('button', { name: 'Join' }).click();
	await expect(guest.getByRole('heading', { name: 'You are in' })).toBeVisible();

	// Both appear in the lobby without a reload.
	await expect(projector.getByRole('heading', { name: '2 players' })).toBeVisible();
	await shot(projector, 'lobby-1280');
	await projector.getByRole('button', { name: 'Start' }).click();

	// Question 1 reaches both phones through the stream.
	await expect(amina.getByText('Question 1 of 2')).toBeVisible();
	await expect(guest.getByText('Question 1 of 2')).toBeVisible();
	await shot(amina, 'question-390');
	await shot(projector, 'question-1280');
	await answer(amina);
	// A reload keeps the answer.
	await amina.reload();
	await expect(amina.getByText('Answer sent.')).toBeVisible();
	await answer(guest);
	await expect(projector.getByText('2 of 2 answered')).toBeVisible();
	await projector.getByRole('button', { name: 'Reveal' }).click();
	await expect(projector.getByRole('heading', { name: 'Leaderboard' })).toBeVisible();
	await expect(projector.locator('blockquote footer').first()).not.toBeEmpty();
	await expect(amina.getByText(/^\+\d+ points$/)).toBeVisible();
	await expect(guest.getByText(/^\+\d+ points$/)).toBeVisible();
	// The phone's passage opens the article at that passage.
	await expect(amina.locator('blockquote footer a').first()).toHaveAttribute('href', /#fact-/);
	await shot(projector, 'reveal-1280');
	await shot(amina, 'reveal-390');

	await projector.getByRole('button', { name: 'Next question' }).click();
	await expect(amina.getByText('Question 2 of 2')).toBeVisible();
	await answer(amina);
	await projector.getByRole('button', { name: 'Reveal' }).click();
	await expect(guest.getByRole('heading', { name: 'No answer' })).toBeVisible();
	await projector.getByRole('button', { name: 'Finish' }).click();
	await expect(projector.getByRole('heading', { name: 'Podium' })).toBeVisible();
	await expect(amina.getByRole('heading', { name: 'Finished' })).toBeVisible();
	await expect(
		amina.getByRole('link', { name: 'Your results are kept with your quizzes' })
	).toBeVisible();
	await expect(
		guest.getByText('As a guest, your answers stay with this session only.')
	).toBeVisible();
	await shot(projector, 'podium-1280');
	await shot(amina, 'results-390');
	await Promise.all([teacherContext.close(), aminaContext.close(), guestContext.close()]);
});

let serverA: Awaited<ReturnType<typeof startServerOnPostgres>> = null;
let serverB: OwnServer | null = null;
test.afterAll(async () => {
	await serverB?.stop();
	await serverA?.dispose();
});

const TYPES = [
	'Single choice',
	'Multiple select',
	'True or false',
	'Number',
	'Short answer',
	'Put in order'
];

/** The bank question whose prompt a phone shows (tests only). */
async function questionOnPhone(page: Page): Promise<Question> {
	const prompt = ((await page.locator('h1.prompt').textContent()) ?? '').trim();
	const q = bank.questions.find((b) => b.prompt.trim() === prompt);
	if (!q) throw new Error(`no bank question reads "${prompt}"`);
	return q;
}

/** Gives a wrong answer on a phone (the key looked up in the bank) and sends it. */
async function answerWrongly(page: Page) {
	const q = await questionOnPhone(page);
	const form = page.locator('form.live-answer');
	const option = (text: string) =>
		form.locator('label.option').filter({ has: page.getByText(text, { exact: true }) });
	if (q.type === 'single') await option(q.options.find((o) => !o.correct)!.text).click();
	else if (q.type === 'multiple')
		for (const o of q.options.filter((o) => !o.correct)) await option(o.text).click();
	else if (q.type === 'true_false') await option(q.answer ? 'False' : 'True').click();
	else if (q.type === 'numeric')
		await form.locator('input[name="value"]').fill(String(q.answer + q.tolerance + 1000));
	else if (q.type === 'short_text')
		await form.locator('input[name="text"]').fill('certainly not the answer');
	else {
		const key = q.items.map((i) => i.text);
		const shown = await form.locator('ol.ordering > li .item').allTextContents();
		if (shown.every((t, i) => t.trim() === key[i]))
			await form.getByRole('button', { name: `Move down: ${key[0]}` }).click();
	}
	await form.getByRole('button', { name: 'Send answer' }).click();
	await expect(page.getByText('Answer sent.')).toBeVisible();
}

test('two app processes on one Postgres: a session from an assignment, all six types, a late joiner, an answer after time refused; gradebook, reviews and heatmap afterwards', async ({
	browser
}) => {
	test.setTimeout(150_000);
	serverA = await startServerOnPostgres();
	test.skip(!serverA, 'needs TEST_DATABASE_URL');
	serverB = await startServer({ DATABASE_URL: serverA!.databaseUrl }, { claimed: false });
	const on = async (server: { baseURL: string }, viewport = PHONE) => {
		const context = await browser.newContext({ baseURL: server.baseURL, viewport });
		return { context, page: await context.newPage() };
	};

	// The teacher (process A): a class, a set with one question of each type, an assignment, Run live.
	const teacher = await on(serverA!, { width: 1280, height: 800 });
	const projector = teacher.page;
	await signIn(projector, DEMO_TEACHERS.X.email, DEMO_TEACHERS.X.password);
	const tag = Date.now().toString(36);
	const klass = await createClassUi(projector, `Live class ${tag}`);
	const setName = `Live set ${tag}`;
	await projector.goto('/teach');
	await projector.getByLabel('New set').fill(setName);
	await projector.getByRole('button', { name: 'Create the set' }).click();
	await expect(projector.getByRole('heading', { level: 1, name: setName })).toBeVisible();
	for (const type of TYPES) {
		await projector.getByLabel(/^Type/).selectOption({ label: type });
		await projector.getByRole('button', { name: 'Search', exact: true }).click();
		await projector.locator('ul.results li').first().getByRole('button', { name: 'Add' }).click();
		await expect(projector.getByText('Added to the set.')).toBeVisible();
	}
	const assignmentId = await createAssignmentUi(
		projector,
		klass.id,
		setName,
		TYPES.length,
		`Live homework ${tag}`
	);

	// Two students of the class, one on each process; a guest joins late, on process B.
	const student = async (server: { baseURL: string }, name: string) => {
		const s = await on(server);
		await signUp(s.page, name);
		await joinClassUi(s.page, klass.joinCode);
		return s;
	};
	const amina = await student(serverA!, `Amina ${tag}`);
	const bakary = await student(serverB, `Bakary ${tag}`);

	await projector.goto(`/teach/assignments/${assignmentId}/analysis`);
	await projector.getByText("Run this assignment's set live in class").click();
	await projector.getByLabel('Seconds per question').fill('120');
	await projector.getByRole('button', { name: 'Run live' }).click();
	const code = ((await projector.getByLabel('Join code').textContent()) ?? '').trim();
	const sessionId = /\/teach\/live\/([\w-]+)/.exec(projector.url())![1];
	for (const s of [amina, bakary]) {
		await s.page.goto(`/live?code=${code}`);
		await s.page.getByRole('button', { name: 'Join' }).click();
		await expect(s.page.getByRole('heading', { name: 'You are in' })).toBeVisible();
	}
	await expect(projector.getByRole('heading', { name: '2 players' })).toBeVisible();
	await projector.getByRole('button', { name: 'Start' }).click();

	const guest = await on(serverB);
	const phones = [amina.page, bakary.page];
	for (let n = 1; n <= TYPES.length; n++) {
		const heading = `Question ${n} of ${TYPES.length}`;
		for (const phone of phones) await expect(phone.getByText(heading)).toBeVisible();
		// Amina (A) answers wrongly; Bakary (B) answers something.
		await answerWrongly(amina.page);
		await answer(bakary.page);
		if (n === 1) {
			// A reload mid-question finds the answer kept.
			await bakary.page.reload();
			await expect(bakary.page.getByText('Answer sent.')).toBeVisible();
		}
		if (n === 2) {
			// The guest joins while question 2 is open and answers it.
			await guest.page.goto(`/live?code=${code}`);
			await guest.page.getByLabel('Nickname').fill(`Late ${tag}`);
			await guest.page.getByRole('button', { name: 'Join' }).click();
			await expect(guest.page.getByText(heading)).toBeVisible();
			await answer(guest.page);
			phones.push(guest.page);
		}
		if (n === 3) {
			// The server's deadline passes (moved into the past): the guest's answer is refused.
			await serverA!
				.sql`update live_session set question_deadline_at = now() - interval '5 seconds' where id = ${sessionId}`;
			await answer(guest.page).catch(() => {});
			await expect(guest.page.getByText(/Time is up/)).toBeVisible();
		}
		const answered = n === 2 ? 3 : 2;
		await expect(projector.getByText(`${answered} of ${phones.length} answered`)).toBeVisible();
		await projector.getByRole('button', { name: 'Reveal' }).click();
		await expect(projector.getByRole('heading', { name: 'Leaderboard' })).toBeVisible();
		// Every phone, on either process, hears the reveal.
		await expect(amina.page.getByRole('heading', { name: 'Not quite' })).toBeVisible();
		for (const phone of phones) await expect(phone.getByText(/^\+\d+ points$/)).toBeVisible();
		if (n === 3) await expect(guest.page.getByRole('heading', { name: 'No answer' })).toBeVisible();
		await projector
			.getByRole('button', { name: n < TYPES.length ? 'Next question' : 'Finish' })
			.click();
	}
	await expect(projector.getByRole('heading', { name: 'Podium' })).toBeVisible();
	for (const phone of phones)
		await expect(phone.getByRole('heading', { name: 'Finished' })).toBeVisible();

	// Afterwards: the session is a column of the class gradebook (process B), each student's score in it
	// (Amina's wrong answers may earn partial credit: an ordering or a multiple select).
	const gradebook = await on(serverB, { width: 1280, height: 800 });
	await signIn(gradebook.page, DEMO_TEACHERS.X.email, DEMO_TEACHERS.X.password);
	await gradebook.page.goto(`/teach/classes/${klass.id}/gradebook`);
	await expect(
		gradebook.page.getByRole('columnheader', { name: new RegExp(`Live homework ${tag}.*live`) })
	).toBeVisible();
	for (const name of [`Amina ${tag}`, `Bakary ${tag}`])
		await expect(gradebook.page.getByRole('row', { name: new RegExp(name) })).toContainText(
			/–\s*\d+(\.\d+)?%/
		);
	// Amina's mistakes are due in her reviews.
	await amina.page.goto('/review');
	await expect(amina.page.locator('#prompt')).toBeVisible();
	// The heatmap of the assignment counts the live answers on the passages their questions cite.
	const counts = gradebook.page.locator('a.heat-count');
	for (const slug of BANK_ARTICLES) {
		await gradebook.page.goto(`/articles/${slug}`);
		await gradebook.page
			.getByLabel('Where does a class misread this article?')
			.selectOption(`assignment:${assignmentId}`);
		await gradebook.page.getByRole('button', { name: 'Show', exact: true }).click();
		if ((await counts.count()) > 0) break;
	}
	await expect(counts.first()).toHaveText(/^[12]\/\d+$/);
	for (const c of [teacher, amina, bakary, guest, gradebook]) await c.context.close();
});
