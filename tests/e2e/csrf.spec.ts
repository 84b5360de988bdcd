// CSRF from another site, against the production build (scripts/serve.js): every form action and every
// endpoint method that may change state, posted by a signed-in teacher's browser from a foreign page
// (foreign Origin) or with no Origin at all, as each form encoding a page elsewhere can send. All must be
// refused with 403 before any route runs, and nothing the teacher can see may change. The same requests
// from our own origin are then not refused as cross-site, so the test fails if the check is switched off.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { actionPath, discoverRoutes, pathOf } from '../helpers/routes.ts';
import {
	addArticleUi,
	cookieOf,
	createAssignmentUi,
	createClassUi,
	createSetUi,
	DEMO_TEACHERS,
	signIn
} from '../helpers/world.ts';
import { signUp, startQuiz } from '../helpers/e2e.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const CSRF_MESSAGE = /Cross-site \w+ form submissions are forbidden/;

test('no state-changing request from a foreign origin is accepted', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const context = await browser.newContext();
	const page = await context.newPage();
	const tag = `csrf${Date.now().toString(36)}`;
	await signIn(page, DEMO_TEACHERS.X.email, DEMO_TEACHERS.X.password);
	const klass = await createClassUi(page, `Class ${tag}`);
	const setId = await createSetUi(page, `Set ${tag}`, 3);
	const assignmentId = await createAssignmentUi(page, klass.id, `Set ${tag}`, 3, `Task ${tag}`);
	const article = await addArticleUi(page, `Article ${tag}`);
	const cookie = await cookieOf(context);
	// A student's practice attempt (a teacher's own would change what other tests expect of the demo teacher).
	const studentContext = await browser.newContext();
	const studentPage = await studentContext.newPage();
	await signUp(studentPage, `Student ${tag}`);
	const attempt = (await startQuiz(studentPage, 5)).split('/').pop()!;
	const studentCookie = await cookieOf(studentContext);
	const cookieFor = (url: string) => (url.startsWith('/attempts/') ? studentCookie : cookie);

	const idFor = (routeId: string) =>
		routeId.includes('/assignments/')
			? assignmentId
			: routeId.includes('/attempts/')
				? attempt
				: routeId.includes('/classes/')
					? klass.id
					: setId;
	const params = (routeId: string) => ({
		id: idFor(routeId),
		n: '1',
		slug: article.slug,
		token: 'forged-invite-token'
	});

	// Fields most actions read, with values that would change something if an action ran.
	const FIELDS: Record<string, string> = {
		name: `Forged ${tag}`,
		title: `Forged ${tag}`,
		displayName: `Forged ${tag}`,
		code: klass.joinCode,
		count: '2',
		size: '2',
		setId,
		draftId: article.draftId,
		questionId: 'x',
		value: 'true',
		prompt: `Forged ${tag}`,
		rating: 'good',
		email: DEMO_TEACHERS.X.email,
		password: DEMO_TEACHERS.X.password
	};
	const bodies = {
		'application/x-www-form-urlencoded': () => new URLSearchParams(FIELDS).toString(),
		'text/plain': () =>
			Object.entries(FIELDS)
				.map(([k, v]) => `${k}=${v}`)
				.join('\r\n'),
		'multipart/form-data': null
	} as const;

	const targets = discoverRoutes().flatMap((r) => {
		if (r.kind === 'action')
			return [
				{ key: r.key, method: 'POST', url: actionPath(r.routeId, r.action, params(r.routeId)) }
			];
		if (r.kind === 'endpoint' && !SAFE.has(r.method) && r.method !== 'fallback')
			return [{ key: r.key, method: r.method, url: pathOf(r.routeId, params(r.routeId)) }];
		if (r.kind === 'endpoint' && r.method === 'fallback')
			return ['POST', 'PUT', 'PATCH', 'DELETE'].map((m) => ({
				key: `${r.key} ${m}`,
				method: m,
				url: pathOf(r.routeId, params(r.routeId))
			}));
		return [];
	});
	expect(targets.length).toBeGreaterThan(30);

	const snapshotUrls = [
		'/teach',
		`/teach/classes/${klass.id}`,
		`/teach/sets/${setId}`,
		`/teach/articles/${article.slug}`,
		'/settings',
		'/classes',
		'/history',
		`/attempts/${attempt}/1`
	];
	const snapshot = async (request: APIRequestContext) => {
		const out: string[] = [];
		for (const u of snapshotUrls) {
			const res = await request.get(`${u}/__data.json`, { headers: { cookie: cookieFor(u) } });
			expect(res.status(), u).toBe(200);
			out.push(await res.text());
		}
		return out;
	};
	const request = page.request;
	const before = await snapshot(request);

	const send = (
		t: (typeof targets)[number],
		type: keyof typeof bodies,
		origin: string | null,
		as = cookieFor(t.url)
	) =>
		request.fetch(t.url, {
			method: t.method,
			headers: {
				cookie: as,
				...(origin ? { origin } : {}),
				...(type === 'multipart/form-data' ? {} : { 'content-type': type })
			},
			...(type === 'multipart/form-data' ? { multipart: FIELDS } : { data: bodies[type]!() }),
			maxRedirects: 0
		});

	let refused = 0;
	const failures: string[] = [];
	for (const t of targets) {
		for (const origin of ['https://evil.example', 'null', null]) {
			for (const type of Object.keys(bodies) as (keyof typeof bodies)[]) {
				const res = await send(t, type, origin);
				if (res.status() === 403 && CSRF_MESSAGE.test(await res.text())) refused++;
				else failures.push(`${t.key} origin=${origin ?? '(none)'} ${type}: ${res.status()}`);
			}
		}
	}
	expect(failures).toEqual([]);
	expect(await snapshot(request)).toEqual(before);
	for (const body of before) expect(body).not.toContain(`Forged ${tag}`);

	// Control: from our own origin the same requests get past the origin check. Signed out, so that they
	// change nothing of the people above.
	const own = new URL(baseURL!).origin;
	for (const t of targets) {
		const res = await send(t, 'application/x-www-form-urlencoded', own, '');
		expect(await res.text(), t.key).not.toMatch(CSRF_MESSAGE);
	}
	console.log(
		`csrf: ${targets.length} state-changing routes, ${refused} foreign or origin-less requests refused with 403, 0 accepted`
	);
	await context.close();
	await studentContext.close();
});

test('pages carry the Content-Security-Policy and the other security headers', async ({
	request
}) => {
	for (const url of ['/signin', '/articles']) {
		const headers = (await request.get(url)).headers();
		const csp = headers['content-security-policy'] ?? '';
		// A nonce per response for SvelteKit's scripts, nothing inline without one; the page cannot be framed.
		expect(csp).toMatch(/script-src 'self' 'sha256-[^']+' 'nonce-[^']+'/);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toContain("object-src 'none'");
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('same-origin');
	}
});
