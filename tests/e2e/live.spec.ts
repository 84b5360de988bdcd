// A live session in the browser: a teacher on the projector, a signed-in student and a guest on phones.
// The projector learns of joins and answers, and the phones of each step, through the event stream
// (nobody reloads); one phone reloads mid-question and finds its answer kept.
import { expect, test, type Page } from '@playwright/test';
import { signUp } from '../helpers/e2e.ts';
import { createSetUi, DEMO_TEACHERS, signIn } from '../helpers/world.ts';

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
