import { expect, test } from '@playwright/test';
import {
	answerWithKeyboard,
	currentQuestionType,
	nextWithKeyboard,
	screenshot,
	signUp,
	startQuiz
} from '../helpers/e2e.ts';

test('take a whole quiz with the keyboard only, then read cited results', async ({ page }) => {
	await signUp(page);
	await page.goto('/practice');
	// Keyboard only from here: Tab into the length choice (focus lands on the checked 10), arrow to 5,
	// then Tab to Start and Enter.
	const ten = page.getByLabel('10 questions', { exact: true });
	while (!(await ten.evaluate((el) => el === document.activeElement)))
		await page.keyboard.press('Tab');
	await page.keyboard.press('ArrowLeft');
	await expect(page.getByLabel('5 questions', { exact: true })).toBeChecked();
	const start = page.getByRole('button', { name: 'Start the quiz' });
	while (!(await start.evaluate((el) => el === document.activeElement)))
		await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/attempts\/[\w-]+\/1$/);

	const types: string[] = [];
	for (let n = 1; n <= 5; n++) {
		await expect(page.getByText(`Question ${n} of 5`, { exact: true })).toBeVisible();
		types.push(await answerWithKeyboard(page));
		await expect(page.getByText(/Answer saved ✓/)).toBeVisible();
		if (n === 1) await screenshot(page, 'quiz-question-keyboard');
		await nextWithKeyboard(page);
	}
	await expect(page.getByRole('heading', { name: 'Review and submit' })).toBeVisible();
	await expect(page.getByText('All 5 questions are answered.')).toBeVisible();
	await screenshot(page, 'quiz-review');
	const submit = page.getByRole('button', { name: 'Submit my answers' });
	while (!(await submit.evaluate((el) => el === document.activeElement)))
		await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');

	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	const results = page.locator('li.result');
	await expect(results).toHaveCount(5);
	// The summary leads: counts of right, partly right and wrong, and one line per question.
	const tally = await page.locator('.tally').textContent();
	const right = Number(/(\d+) right/.exec(tally ?? '')?.[1]);
	await expect(page.locator('.marks li')).toHaveCount(5);
	for (const result of await results.all()) {
		await expect(result.getByText('Right answer')).toBeVisible();
		// Why, and the passage: open where the answer was not right, one click away where it was.
		const why = result.locator('details.why');
		if (!(await why.evaluate((d) => (d as HTMLDetailsElement).open)))
			await why.locator('summary').click();
		await expect(result.locator('blockquote.quote').first()).toBeVisible();
		await expect(result.getByRole('link', { name: /./ }).first()).toHaveAttribute(
			'href',
			/\/articles\/[\w-]+\?fact=/
		);
	}
	await screenshot(page, 'quiz-results');
	// "Only my mistakes" leaves out the questions answered right.
	if (right < 5) {
		await page.getByRole('link', { name: /Show only my mistakes/ }).click();
		await expect(results).toHaveCount(5 - right);
		await expect(page.locator('li.result .badge.good')).toHaveCount(0);
	}
});

test('reload and a second tab resume the attempt with every answer kept', async ({
	page,
	context
}) => {
	await signUp(page);
	const base = await startQuiz(page, 5);
	// Answer the first two questions, then reload in the middle of the quiz.
	await expect(page.getByText('0 answered')).toBeVisible();
	const firstType = await answerWithKeyboard(page);
	await expect(page.getByText(/Answer saved ✓/)).toBeVisible();
	// The count and the question strip follow the autosave without a reload.
	await expect(page.getByText('1 answered')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Question 1, answered' })).toBeVisible();
	await page.getByRole('button', { name: 'Next →' }).click();
	await expect(page.getByText('Question 2 of 5', { exact: true })).toBeVisible();
	await answerWithKeyboard(page);
	await expect(page.getByText(/Answer saved ✓/)).toBeVisible();
	await page.reload();
	await expect(page.getByText('2 answered')).toBeVisible();

	const second = await context.newPage();
	await second.goto(`${base}/1`);
	await expect(second.getByText('2 answered')).toBeVisible();
	if (firstType === 'single' || firstType === 'multiple' || firstType === 'true_false') {
		await expect(
			second.locator('input[name="choice"]:checked, input[name="value"]:checked')
		).toHaveCount(1);
	}
	await screenshot(second, 'quiz-resumed-second-tab');
});

test('a quiz code gives the same questions again', async ({ page }) => {
	await signUp(page);
	const prompts = async () => {
		const seen: string[] = [];
		for (let n = 1; n <= 5; n++) {
			await expect(page.getByText(`Question ${n} of 5`, { exact: true })).toBeVisible();
			seen.push((await page.locator('h1#prompt').textContent()) ?? '');
			await page.getByRole('button', { name: /Next|Review/ }).click();
		}
		return seen;
	};
	await startQuiz(page, 5, 'same-code-42');
	const first = await prompts();
	await startQuiz(page, 5, 'same-code-42');
	expect(await prompts()).toEqual(first);
});

test('the results link opens the article with the cited passage highlighted', async ({ page }) => {
	await signUp(page);
	await startQuiz(page, 5);
	await page.getByRole('link', { name: 'Question 5' }).click();
	await page.getByRole('button', { name: 'Review and submit →' }).click();
	await page.getByRole('button', { name: 'Submit my answers' }).click();
	const quote = page.locator('li.result blockquote.quote').first();
	const quoteText = ((await quote.textContent()) ?? '').replace(/^“|”$/g, '');
	const firstWhy = page.locator('li.result details.why').first();
	if (!(await firstWhy.evaluate((d) => (d as HTMLDetailsElement).open)))
		await firstWhy.locator('summary').click();
	await page.locator('li.result figcaption a').first().click();
	await expect(page).toHaveURL(/\/articles\/[\w-]+\?fact=[\w-]+#fact-/);
	const marked = page.locator('mark.selected');
	await expect(marked.first()).toBeVisible();
	// Wholly in view, below the site's header (the anchor keeps a margin above it).
	await expect(marked.first()).toBeInViewport({ ratio: 1 });
	const headerBottom = await page
		.locator('header.site')
		.evaluate((h) => h.getBoundingClientRect().bottom);
	expect((await marked.first().boundingBox())!.y).toBeGreaterThanOrEqual(Math.max(0, headerBottom));
	// It stands out alone: no other passage of the article is highlighted.
	const painted = await page
		.locator('article mark')
		.evaluateAll((ms) =>
			ms.map((m) => [m.classList.contains('selected'), getComputedStyle(m).backgroundColor])
		);
	expect(painted.filter(([, bg]) => bg !== 'rgba(0, 0, 0, 0)').length).toBe(
		painted.filter(([selected]) => selected).length
	);
	// The highlighted words are the cited words (whitespace and quote style aside).
	const norm = (s: string) =>
		s.replace(/[“”"]/g, '"').replace(/[‘’']/g, "'").replace(/\s+/g, ' ').trim();
	// A passage is split into several marks where other cited passages begin or end: join those within a
	// paragraph as they stand, paragraphs with a space.
	const highlighted = await page
		.locator('p:has(mark.selected)')
		.evaluateAll((ps) =>
			ps
				.map((p) => [...p.querySelectorAll('mark.selected')].map((m) => m.textContent).join(''))
				.join(' ')
		);
	expect(norm(highlighted)).toBe(norm(quoteText));
	await screenshot(page, 'article-highlighted');
});

test('phone-sized screen: the quiz fits without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 740 });
	await signUp(page);
	await startQuiz(page, 5);
	for (let n = 1; n <= 5; n++) {
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(
			overflow,
			`question ${n} (${await currentQuestionType(page)}) overflows`
		).toBeLessThanOrEqual(0);
		if (n === 1) await screenshot(page, 'phone-question');
		await page.getByRole('button', { name: /Next|Review/ }).click();
	}
	await page.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	expect(
		await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
	).toBeLessThanOrEqual(0);
	await screenshot(page, 'phone-results');
});

test('an ordering question: drag an item with the pointer, and the new order is saved', async ({
	page
}) => {
	await signUp(page);
	await page.goto('/practice');
	await page.getByText('More options').click();
	await page.getByLabel('Put in order').check();
	// A fixed quiz code, so the drag is tried on the same items each run (their order is drawn per attempt).
	await page.getByLabel(/Quiz code/).fill('drag-order-1');
	await page.getByLabel('5 questions', { exact: true }).check();
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page).toHaveURL(/\/attempts\/[\w-]+\/1$/);
	const items = page.locator('ol.ordering > li .item');
	const before = await items.allTextContents();
	expect(before.length).toBeGreaterThanOrEqual(3);
	// Press on the first item, move in small steps below the last one, release. The whole list must be on
	// screen (a long prompt pushes it down), or the pointer would leave the page mid-drag.
	await page.setViewportSize({ width: 1280, height: 1400 });
	await page.locator('ol.ordering').scrollIntoViewIfNeeded();
	// The drag library is loaded once an ordering list is shown (it is not in every quiz page's JavaScript).
	await expect(page.locator('ol.ordering')).toHaveAttribute('data-drag-ready', '');
	const first = page.locator('ol.ordering > li').first();
	const to = (await page.locator('ol.ordering > li').last().boundingBox())!;
	// Press where the first item's greyed ↑ is: the copy of the item that follows the pointer has the same
	// disabled button under the pointer at the release, and Chromium sends no mouseup to a disabled button,
	// which left the item in the air (it happened wherever that copy put its buttons under the pointer).
	const upButton = page.getByRole('button', { name: `Move up: ${before[0]}` });
	await expect(upButton).toBeDisabled();
	const up = (await upButton.boundingBox())!;
	const x = up.x + up.width / 2;
	// Where the item's buttons sit in it: the copy that follows the pointer must have them there too.
	const buttonsAt = (item: typeof first) =>
		item.evaluate((li) => {
			const box = li.getBoundingClientRect();
			const buttons = li.querySelector('.moves')!.getBoundingClientRect();
			return {
				right: Math.round(box.right - buttons.right),
				top: Math.round(buttons.top - box.top)
			};
		});
	const itemButtons = await buttonsAt(first);
	// At a hand's pace: the drag library starts a drag on a pause after the press and drops after the
	// last move has been seen; a release in the same instant as the move can leave the item in the air.
	await page.mouse.move(x, up.y + up.height / 2);
	await page.mouse.down();
	await page.waitForTimeout(100);
	await page.mouse.move(x, up.y + up.height / 2 + 10, { steps: 3 });
	const dragged = page.locator('#dnd-action-dragged-el');
	await expect(dragged).toHaveCount(1);
	expect(await buttonsAt(dragged)).toEqual(itemButtons);
	await page.mouse.move(x, to.y + to.height - 4, { steps: 20 });
	await page.waitForTimeout(300);
	await page.mouse.up();
	// The drop has finished when the copy is gone and every item is back in the list (on a busy machine
	// its animation lags).
	await expect(dragged).toHaveCount(0);
	await expect(items).toHaveCount(before.length);
	// The first item left the top (where it lands depends on the items' heights); the rest keep their order.
	await expect(items.first()).not.toHaveText(before[0]);
	const after = await items.allTextContents();
	expect([...after].sort()).toEqual([...before].sort());
	expect(after.filter((t) => t !== before[0])).toEqual(before.slice(1));
	await expect(page.getByText(/Answer saved ✓/)).toBeVisible({ timeout: 15_000 });
	// The server has the new order: a reload shows it.
	await page.reload();
	await expect(items).toHaveText(after);

	// By keyboard: Enter on a move button moves the item and stays on this question (Enter elsewhere goes on).
	const url = page.url();
	await page.getByRole('button', { name: `Move down: ${after[0]}` }).focus();
	await page.keyboard.press('Enter');
	await expect(items.nth(1)).toHaveText(after[0]);
	await expect(page.getByRole('button', { name: `Move down: ${after[0]}` })).toBeFocused();
	await expect(page.getByText(/Answer saved ✓/)).toBeVisible();
	expect(page.url()).toBe(url);
});
