// A small school built through the UI, for the access tests: teacher X (the demo teacher) with a class,
// a set and an assignment; teacher Y (the second demo teacher) with the same; student A in X's class and
// student B in Y's, each with a submitted assignment attempt, a practice attempt in progress and a review
// card. Every name is unique to the run, so a test can look for it in any response body.
import {
	expect,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Page
} from '@playwright/test';
import { answerWithKeyboard, signInByRequest, signUp, startQuiz } from './e2e.ts';

export type Who = 'anonymous' | 'A' | 'B' | 'X' | 'Y';
export const REQUESTERS: Who[] = ['anonymous', 'A', 'B', 'X', 'Y'];

export const DEMO_TEACHERS = {
	X: { email: 'teacher@demo.test', password: 'sahel-teacher-1' },
	Y: { email: 'teacher2@demo.test', password: 'sahel-teacher-2' }
} as const;

export type Principal = { context: BrowserContext | null; page: Page | null; cookie: string };

export type AttemptRef = {
	id: string;
	owner: 'A' | 'B';
	/** The teacher of the class it was assigned in (practice: none). */
	teacher: 'X' | 'Y' | null;
	status: 'in_progress' | 'submitted';
	/** The question form of question 1 as the browser posts it (a valid body for the attempt's actions). */
	form: [string, string][];
};

export type TeacherWorld = {
	classId: string;
	className: string;
	joinCode: string;
	setId: string;
	setName: string;
	assignmentId: string;
	assignmentTitle: string;
	/** The id of the one student in the class (from the roster's remove form). */
	studentId: string;
	questionId: string;
	/** The teacher's own article (readable by them and their class) and the id of one of its drafts. */
	articleSlug: string;
	articleTitle: string;
	draftId: string;
};

export type StudentWorld = {
	name: string;
	email: string;
	cardId: string;
	practice: AttemptRef;
	assigned: AttemptRef;
};

export type World = {
	tag: string;
	who: Record<Who, Principal>;
	X: TeacherWorld;
	Y: TeacherWorld;
	A: StudentWorld;
	B: StudentWorld;
	articleSlug: string;
	/** Strings that only some requesters may ever receive, with who they are. */
	markers: { text: string; what: string; visibleTo: Who[] }[];
};

export async function cookieOf(context: BrowserContext) {
	return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Signs in on the page's context (the form posted from its cookie jar: see signInByRequest). */
export async function signIn(page: Page, email: string, password: string) {
	await signInByRequest(page, email, password);
}

/** "YYYY-MM-DDTHH:mm" some days from now, as a datetime-local input takes it. */
export function localInDays(days: number, hour = 17) {
	const d = new Date(Date.now() + days * 86_400_000);
	return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

export async function createClassUi(page: Page, name: string) {
	await page.goto('/teach');
	await page.getByLabel('New class').fill(name);
	await page.getByRole('button', { name: 'Create the class' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const joinCode = ((await page.getByTestId('join-code').textContent()) ?? '').trim();
	return { id: page.url().split('/').pop()!.split(/[?#]/)[0], joinCode };
}

/** A set of `count` questions added by rule; its id. */
export async function createSetUi(page: Page, name: string, count = 3) {
	await page.goto('/teach');
	await page.getByLabel('New set').fill(name);
	await page.getByRole('button', { name: 'Create the set' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const id = page.url().split('/').pop()!.split(/[?#]/)[0];
	await page.getByLabel('How many').fill(String(count));
	await page.getByRole('button', { name: 'Add by rule' }).click();
	await expect(page.getByText(`${count} questions added to the set.`)).toBeVisible();
	return id;
}

export type AssignmentOptions = {
	feedback?: 'after_each' | 'after_submit' | 'after_due';
	attempts?: number;
	dueInDays?: number;
	timeLimitMinutes?: number;
};

/** An assignment of set `setName` (of `size` questions) in the class at `classId`; its id. */
export async function createAssignmentUi(
	page: Page,
	classId: string,
	setName: string,
	size: number,
	title: string,
	options: AssignmentOptions = {}
) {
	await page.goto(`/teach/classes/${classId}`);
	await page.getByLabel('Question set').selectOption({ label: `${setName} (${size} questions)` });
	await page.getByLabel(/^Title/).fill(title);
	await page.getByLabel(/^Due/).fill(localInDays(options.dueInDays ?? 7));
	await page.getByLabel('Attempts allowed').fill(String(options.attempts ?? 1));
	if (options.timeLimitMinutes)
		await page.getByLabel(/^Time limit in minutes/).fill(String(options.timeLimitMinutes));
	await page
		.locator(`input[name="feedback"][value="${options.feedback ?? 'after_submit'}"]`)
		.check();
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	const link = page
		.locator('ul.assignments > li', { hasText: title })
		.getByRole('link', { name: /Item analysis/ });
	await expect(link).toBeVisible();
	return (await link.getAttribute('href'))!.split('/')[3];
}

export async function joinClassUi(page: Page, code: string) {
	await page.goto('/classes/join');
	await page.getByLabel('Join code').fill(code);
	await page.getByRole('button', { name: 'Join class' }).click();
	await expect(page).toHaveURL(/\/classes(\?|$)/);
}

/** The fields the question form on screen would post. */
export async function questionForm(page: Page): Promise<[string, string][]> {
	return page
		.locator('form.card.question')
		.evaluate((f: HTMLFormElement) =>
			[...new FormData(f)].map(([k, v]) => [k, String(v)] as [string, string])
		);
}

/** Answers every question of the attempt on screen (keyboard, without knowing keys); the form of question 1. */
export async function answerAll(page: Page) {
	const total = Number(
		(await page.getByText(/^Question 1 of \d+$/).textContent())!.match(/of (\d+)/)![1]
	);
	let first: [string, string][] = [];
	for (let n = 1; n <= total; n++) {
		await expect(page.getByText(`Question ${n} of ${total}`, { exact: true })).toBeVisible();
		await answerWithKeyboard(page);
		await expect(page.getByText(/Answer saved ✓/)).toBeVisible();
		if (n === 1) first = await questionForm(page);
		await page.getByRole('button', { name: /Next|Review/ }).click();
	}
	return first;
}

/** Fifty-odd words of news, enough for the drafter to propose questions. */
const ARTICLE_TEXT = [
	'Chad will send 1,200 soldiers to the tri-border area where Niger, Mali and Burkina Faso meet, its government said on Tuesday.',
	'The deployment was agreed at a meeting in Niamey with Niger’s President Mohamed Bazoum, who said the force would start work in March.',
	'France ended Operation Barkhane in 2022 after nine years in Mali, and some 3,000 French troops remain in the region.'
].join('\n');

/** A teacher's own article added by pasting its text; its slug and the id of its first draft. */
export async function addArticleUi(page: Page, title: string) {
	await page.goto('/teach/articles');
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Date of the reported events').fill('2023-01-17');
	await page.getByLabel('Text of the article').fill(ARTICLE_TEXT);
	await page.getByRole('button', { name: 'Add the article and draft questions' }).click();
	// Drafting runs in a worker, one at a time on a two-core machine: the two teachers' articles queue.
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({
		timeout: 90_000
	});
	return {
		slug: page.url().split('/').pop()!.split(/[?#]/)[0],
		draftId: await page.locator('input[name="draftId"]').first().inputValue()
	};
}

async function buildTeacher(
	browser: Browser,
	who: 'X' | 'Y',
	tag: string,
	options: BrowserContextOptions
) {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await signIn(page, DEMO_TEACHERS[who].email, DEMO_TEACHERS[who].password);
	// The article first, in a tab of its own: its drafting (seconds in the server's worker, the two
	// teachers' one after the other) runs while this tab makes the class, the set and the assignment.
	const articleTitle = `Article ${who} ${tag}`;
	const article = context.newPage().then(async (tab) => {
		const added = await addArticleUi(tab, articleTitle);
		await tab.close();
		return added;
	});
	// Awaited by buildSide; a failure meanwhile is not an unhandled rejection.
	article.catch(() => {});
	const className = `Class ${who} ${tag}`;
	const setName = `Set ${who} ${tag}`;
	const assignmentTitle = `Task ${who} ${tag}`;
	const klass = await createClassUi(page, className);
	const setId = await createSetUi(page, setName, 3);
	const questionId = await page.locator('ol.items > li').first().getAttribute('id');
	const assignmentId = await createAssignmentUi(page, klass.id, setName, 3, assignmentTitle);
	return {
		principal: { context, page, cookie: await cookieOf(context) },
		article,
		world: {
			classId: klass.id,
			className,
			joinCode: klass.joinCode,
			setId,
			setName,
			assignmentId,
			assignmentTitle,
			studentId: '',
			questionId: (questionId ?? '').replace(/^item-/, ''),
			articleSlug: '',
			articleTitle,
			draftId: ''
		}
	};
}

async function buildStudent(
	browser: Browser,
	who: 'A' | 'B',
	teacher: 'X' | 'Y',
	t: TeacherWorld,
	tag: string,
	options: BrowserContextOptions
) {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	const name = `Student ${who} ${tag}`;
	const email = await signUp(page, name);
	await joinClassUi(page, t.joinCode);
	// The assignment: started, answered and handed in.
	await page.goto(`/assignments/${t.assignmentId}`);
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page).toHaveURL(/\/attempts\/[\w-]+\/1$/);
	const assignedId = page.url().split('/')[4];
	const assignedForm = await answerAll(page);
	await page.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(page).toHaveURL(/\/results$/);
	// Five short answers that are certainly wrong: mistakes are due for review today (right answers are
	// not, and the assignment's may all be right).
	await page.goto('/practice');
	await page.getByText('More options').click();
	await page.getByLabel('Short answer').check();
	await page.getByLabel('5 questions', { exact: true }).check();
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	for (let n = 1; n <= 5; n++) {
		await expect(page.getByText(`Question ${n} of 5`, { exact: true })).toBeVisible();
		await page.locator('input[name="text"]').fill('certainly not the answer');
		await page.getByRole('button', { name: /Next|Review/ }).click();
	}
	await page.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(page).toHaveURL(/\/results$/);
	// A practice quiz, left in progress with question 1 answered.
	const base = await startQuiz(page, 5);
	await answerWithKeyboard(page);
	await expect(page.getByText(/Answer saved ✓/)).toBeVisible();
	const practiceForm = await questionForm(page);
	// The first card due.
	await page.goto('/review');
	const cardId = await page.locator('input[name="cardId"]').first().inputValue();
	return {
		principal: { context, page, cookie: await cookieOf(context) },
		world: {
			name,
			email,
			cardId,
			practice: {
				id: base.split('/').pop()!,
				owner: who,
				teacher: null,
				status: 'in_progress',
				form: practiceForm
			},
			assigned: { id: assignedId, owner: who, teacher, status: 'submitted', form: assignedForm }
		} satisfies StudentWorld
	};
}

/** One teacher's side of the world: the teacher's class, set, assignment and article, and their student. */
async function buildSide(
	browser: Browser,
	teacher: 'X' | 'Y',
	student: 'A' | 'B',
	tag: string,
	options: BrowserContextOptions
) {
	const t = await buildTeacher(browser, teacher, tag, options);
	// The student needs only the class and the assignment: they work while their teacher's article is
	// still being drafted, and the teacher then reads the roster.
	const [article, s] = await Promise.all([
		t.article,
		buildStudent(browser, student, teacher, t.world, tag, options)
	]);
	t.world.articleSlug = article.slug;
	t.world.draftId = article.draftId;
	await t.principal.page.goto(`/teach/classes/${t.world.classId}`);
	t.world.studentId = await t.principal.page
		.locator('input[name="studentId"]')
		.first()
		.inputValue();
	return [t, s] as const;
}

/** The slug of a bank article, from the article list as `page` sees it. */
async function bankArticleSlug(page: Page) {
	await page.goto('/articles');
	const href = await page.locator('a[href^="/articles/"]').first().getAttribute('href');
	return href!.split('/')[2];
}

/**
 * The world on the test server, or on another server at `baseURL` (a test that starts its own), in
 * browser contexts made with `contextOptions`.
 */
export async function buildWorld(
	browser: Browser,
	baseURL?: string,
	contextOptions: BrowserContextOptions = {}
): Promise<World> {
	const options = baseURL ? { ...contextOptions, baseURL } : contextOptions;
	const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
	// X's side (X, then A in X's class) and Y's side are independent: built side by side, in browser
	// contexts of their own, as two schools using the server at the same time would.
	const [[x, a], [y, b]] = await Promise.all([
		buildSide(browser, 'X', 'A', tag, options),
		buildSide(browser, 'Y', 'B', tag, options)
	]);
	const articleSlug = await bankArticleSlug(a.principal.page);
	const markers: World['markers'] = [
		{ text: a.world.name, what: "A's name", visibleTo: ['A', 'X'] },
		{ text: a.world.email, what: "A's email", visibleTo: ['A', 'X'] },
		{ text: b.world.name, what: "B's name", visibleTo: ['B', 'Y'] },
		{ text: b.world.email, what: "B's email", visibleTo: ['B', 'Y'] },
		{ text: x.world.className, what: "X's class name", visibleTo: ['X', 'A'] },
		{ text: x.world.assignmentTitle, what: "X's assignment title", visibleTo: ['X', 'A'] },
		{ text: x.world.setName, what: "X's set name", visibleTo: ['X'] },
		{ text: x.world.joinCode, what: "X's join code", visibleTo: ['X'] },
		{ text: y.world.className, what: "Y's class name", visibleTo: ['Y', 'B'] },
		{ text: y.world.assignmentTitle, what: "Y's assignment title", visibleTo: ['Y', 'B'] },
		{ text: y.world.setName, what: "Y's set name", visibleTo: ['Y'] },
		{ text: y.world.joinCode, what: "Y's join code", visibleTo: ['Y'] },
		// A teacher's article is theirs and their class's.
		{ text: x.world.articleTitle, what: "X's article title", visibleTo: ['X', 'A'] },
		{ text: y.world.articleTitle, what: "Y's article title", visibleTo: ['Y', 'B'] }
	];
	return {
		tag,
		who: {
			anonymous: { context: null, page: null, cookie: '' },
			A: a.principal,
			B: b.principal,
			X: x.principal,
			Y: y.principal
		},
		X: x.world,
		Y: y.world,
		A: a.world,
		B: b.world,
		articleSlug,
		markers
	};
}

/** X's side of the world alone (X, and A in X's class): for a test that acts only as them or as nobody. */
export type XSideWorld = Pick<World, 'tag' | 'X' | 'A' | 'articleSlug'> & {
	who: Record<'anonymous' | 'X' | 'A', Principal>;
};

/** X's side of the world (see buildWorld), built as buildWorld builds it. */
export async function buildXSide(browser: Browser, baseURL: string): Promise<XSideWorld> {
	const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
	const [x, a] = await buildSide(browser, 'X', 'A', tag, { baseURL });
	return {
		tag,
		who: { anonymous: { context: null, page: null, cookie: '' }, A: a.principal, X: x.principal },
		X: x.world,
		A: a.world,
		articleSlug: await bankArticleSlug(a.principal.page)
	};
}

export async function disposeWorld(world: World) {
	for (const p of Object.values(world.who)) await p.context?.close();
}
