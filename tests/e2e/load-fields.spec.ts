// Per-role allow-lists of what each page's load sends to the browser. Every page under src/routes is
// loaded (as its __data.json, which is exactly what the load returns) by the role that may see it, with
// the test world's own ids; each field of the decoded data, as a path such as `attempt.results[].score`,
// must be on that route's list for that role. A new field, a new route or a new role's view fails the test
// until someone has looked at it and added it here.
//
// Also, whatever the list says: no value is a password hash or a session token, a student's data holds
// no email but their own, and no page a student loads before the attempt is final has a key field.
import type { Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { unflatten } from 'devalue';
import { mapConcurrently } from '../helpers/concurrency.ts';
import { discoverRoutes, pathOf } from '../helpers/routes.ts';
import { expect, test } from '../helpers/shared-world.ts';
import type { Who, World } from '../helpers/world.ts';

type Role = 'anonymous' | 'student' | 'teacher';
type Visit = { role: Role; who: Who; label: string; params: Record<string, string> };

/** The layout's data, on every page: the signed-in user's name and role, nothing else of them. */
const LAYOUT = ['user', 'user.displayName', 'user.role', 'user.isAdmin', 'timeZone'];

/** A question as presented to a learner: no key, no explanation, no facts. */
const PRESENTED = (p: string) =>
	[
		p,
		...[
			'id',
			'type',
			'prompt',
			'options',
			'options[]',
			'options[].id',
			'options[].text',
			'items',
			'items[]',
			'items[].id',
			'items[].text',
			'unit'
		].map((k) => `${p}.${k}`)
	].join(' ');

/** Whose view of which page with which ids. */
function visits(routeId: string, w: World): Visit[] {
	const A = (label: string, params: Record<string, string> = {}): Visit => ({
		role: 'student',
		who: 'A',
		label,
		params
	});
	const X = (label: string, params: Record<string, string> = {}): Visit => ({
		role: 'teacher',
		who: 'X',
		label,
		params
	});
	const anon: Visit = { role: 'anonymous', who: 'anonymous', label: 'anonymous', params: {} };
	switch (routeId) {
		case '/':
		case '/articles':
			return [anon, A('student'), X('teacher')];
		case '/articles/[slug]':
			return [
				{ ...anon, params: { slug: w.articleSlug } },
				A('student, bank article', { slug: w.articleSlug }),
				A("student, their teacher's article", { slug: w.X.articleSlug }),
				X('teacher, own article', { slug: w.X.articleSlug })
			];
		case '/signout':
		case '/(auth)/signin':
		case '/(auth)/signup':
		case '/(auth)/forgot-password':
		case '/(auth)/reset-password':
			return [anon];
		// The bench page (404 here), the administrators' page and invite links: no world account is an
		// administrator or holds an invite (roles.spec and roles.test cover them).
		case '/(bench)/bench/ssr':
		case '/(app)/admin/users':
		case '/invites/[token]':
			return [];
		// No live session in the world: live.test.ts checks what a player's view holds (no key before the reveal).
		case '/live/[id]':
		case '/(app)/teach/live/[id]':
			return [];
		case '/live':
			return [anon, A('student'), X('teacher')];
		case '/(app)/attempts/[id]/[n]':
		case '/(app)/attempts/[id]/review':
			return [A('student, practice in progress', { id: w.A.practice.id, n: '1' })];
		case '/(app)/attempts/[id]/results':
			return [
				A('student, submitted assignment', { id: w.A.assigned.id }),
				X("teacher, their student's attempt", { id: w.A.assigned.id })
			];
		case '/(app)/assignments/[id]':
			return [A('student', { id: w.X.assignmentId })];
		case '/(app)/teach/assignments/[id]/analysis':
			return [X('teacher', { id: w.X.assignmentId })];
		case '/(app)/teach/classes/[id]':
		case '/(app)/teach/classes/[id]/gradebook':
			return [X('teacher', { id: w.X.classId })];
		case '/(app)/teach/sets/[id]':
		case '/(app)/teach/sets/[id]/preview':
			return [X('teacher', { id: w.X.setId })];
		case '/(app)/teach/articles/[slug]':
			return [X('teacher', { slug: w.X.articleSlug })];
		default:
			if (routeId.startsWith('/(app)/teach')) return [X('teacher')];
			if (routeId.startsWith('/(app)')) return [A('student'), X('teacher')];
			return [anon];
	}
}

/** The paths of every field of a value: `a.b`, arrays as `[]`, keys that are ids as `*`. */
function fieldPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
	if (Array.isArray(value)) {
		const p = `${prefix}[]`;
		for (const v of value) {
			if (v !== null && typeof v === 'object') {
				out.add(p);
				fieldPaths(v, p, out);
			}
		}
		return out;
	}
	if (value === null || typeof value !== 'object' || value instanceof Date) return out;
	for (const [k, v] of Object.entries(value)) {
		// Keys that are ids or numbers (maps by question id, by student id) are one field.
		const key = /^[A-Za-z_$][\w$]*$/.test(k) && !/\d{3}|^[a-z]+-[a-z0-9-]+$/.test(k) ? k : '*';
		const p = prefix ? `${prefix}.${key}` : key;
		out.add(p);
		fieldPaths(v, p, out);
	}
	return out;
}

/** Every string in a value, with its path. */
function* strings(value: unknown, path = ''): Generator<[string, string]> {
	if (typeof value === 'string') yield [path, value];
	else if (Array.isArray(value))
		for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
	else if (value !== null && typeof value === 'object' && !(value instanceof Date))
		for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
}

/** The loads' data of a page, decoded from its __data.json, merged over its layouts. */
async function loadData(baseURL: string, url: string, cookie: string) {
	const res = await fetch(new URL(`${url === '/' ? '' : url}/__data.json`, baseURL), {
		headers: cookie ? { cookie } : {},
		redirect: 'manual'
	});
	const text = await res.text();
	const json = JSON.parse(text.split('\n')[0]) as {
		type: string;
		nodes?: ({ type: string; data?: unknown[] } | null)[];
	};
	// A page that only redirects (sign-out) sends no data.
	if (json.type === 'redirect') return {};
	expect(json.type, `${url}: ${text.slice(0, 200)}`).toBe('data');
	const merged: Record<string, unknown> = {};
	for (const node of json.nodes ?? []) {
		expect(
			node?.type ?? 'skip',
			`${url}: a load failed: ${JSON.stringify(node).slice(0, 200)}`
		).not.toBe('error');
		if (node?.type === 'data' && node.data)
			Object.assign(merged, unflatten(node.data as never) as object);
	}
	return merged;
}

const KEY_FIELDS =
	/(^|\.)(correct|accepted|answer|tolerance|explanation|facts|correctText|citations)$/;
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;

test('every page load returns only the fields on its role’s allow-list, and no secrets', async ({
	world: w,
	baseURL
}) => {
	test.setTimeout(240_000);
	const lists = ALLOW;
	const pages = discoverRoutes().filter((e) => e.kind === 'page');
	const failures: string[] = [];
	const observed: Record<string, Record<string, string[]>> = {};
	let loads = 0;
	for (const page of pages) {
		const list = lists[page.routeId];
		if (!list) {
			failures.push(`${page.routeId}: no allow-list (add one to ${import.meta.filename})`);
			if (!process.env.PRINT_LOAD_FIELDS) continue;
		}
		// The loads only read: four at a time.
		const views = visits(page.routeId, w);
		const datas = await mapConcurrently(views, 4, (v) =>
			loadData(baseURL!, pathOf(page.routeId, v.params), w.who[v.who].cookie)
		);
		for (const [i, v] of views.entries()) {
			const data = datas[i];
			loads++;
			const paths = [...fieldPaths(data)].sort();
			(observed[page.routeId] ??= {})[v.role] = [
				...new Set([...(observed[page.routeId]?.[v.role] ?? []), ...paths])
			].sort();
			const allowed = new Set([...LAYOUT, ...(list?.[v.role] ?? [])]);
			if (!list?.[v.role])
				failures.push(`${page.routeId} as ${v.label}: no allow-list for the ${v.role} role`);
			for (const p of paths)
				if (!allowed.has(p))
					failures.push(`${page.routeId} as ${v.label}: field "${p}" is not on the allow-list`);
			for (const [p, s] of strings(data)) {
				if (/^\$argon2|^\$2[aby]\$|^scrypt:/.test(s))
					failures.push(`${page.routeId} as ${v.label}: a password hash at ${p}`);
				if (s === w.who[v.who].cookie.split('=')[1])
					failures.push(`${page.routeId} as ${v.label}: the session token at ${p}`);
				const email = EMAIL.exec(s)?.[0];
				if (v.role === 'student' && email && email !== w.A.email)
					failures.push(`${page.routeId} as ${v.label}: someone else's email (${email}) at ${p}`);
			}
			if (v.role === 'student' && /\[n\]|review$/.test(page.routeId)) {
				for (const p of paths)
					if (KEY_FIELDS.test(p))
						failures.push(
							`${page.routeId} as ${v.label}: a key field "${p}" before the attempt is final`
						);
			}
		}
	}
	if (process.env.PRINT_LOAD_FIELDS) console.log(JSON.stringify(observed, null, 1));
	console.log(`load fields: ${pages.length} pages, ${loads} loads, ${failures.length} failures`);
	expect(failures, failures.join('\n')).toEqual([]);
});

/** Pages whose body, not only the header, differs by role. */
const EVERY_ROLE_VIEW = new Set([
	'/',
	'/articles',
	'/articles/[slug]',
	'/(app)/attempts/[id]/results'
]);

/**
 * axe-core itself, minified, put in each page once. (@axe-core/playwright puts in the unminified source,
 * twice, and finishes each run in a new blank page: three times the work for the same rules, on pages
 * that have no frames to look into.)
 */
const AXE_SOURCE = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

/** Every axe rule that fails on the page, at any impact, as "rule (impact): n nodes: first target". */
async function axeViolations(page: Page): Promise<string[]> {
	await page.evaluate(AXE_SOURCE);
	// Only violations are read: axe then keeps one node of each passing rule rather than every node,
	// which is most of its time on long pages (an article, a results page).
	const { violations } = await page.evaluate(
		(options) =>
			(window as unknown as { axe: { run: (o: RunOptions) => Promise<AxeResults> } }).axe.run(
				options
			),
		{ resultTypes: ['violations'] } satisfies RunOptions
	);
	return violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target.join(' ')} — ${v.help}`
	);
}

test('every page, and the header of each role, has no accessibility violation (axe, every impact level)', async ({
	world: w,
	browser,
	baseURL
}) => {
	test.setTimeout(360_000);
	const anonymous = await browser.newContext({ baseURL });
	// One view of each page, by the role it is for (the first signed-in visit): the header, the one part
	// every role sees differently, is checked for each role on the pages whose body differs by role too.
	const checks = discoverRoutes()
		.filter((e) => e.kind === 'page')
		.flatMap((route) => {
			const byRole = [
				...new Map(visits(route.routeId, w).map((v) => [v.role, v] as const)).values()
			];
			const views = EVERY_ROLE_VIEW.has(route.routeId)
				? byRole
				: byRole.filter((v) => v === (byRole.find((b) => b.role !== 'anonymous') ?? byRole[0]));
			return views.map((v) => ({ url: pathOf(route.routeId, v.params), v }));
		});
	const failures: string[] = [];
	let checked = 0;
	async function check({ url, v }: (typeof checks)[number]) {
		const context = v.who === 'anonymous' ? anonymous : w.who[v.who].context!;
		const page = await context.newPage();
		const res = await page.goto(baseURL + url);
		if (res && res.status() < 400) {
			checked++;
			for (const problem of await axeViolations(page))
				failures.push(`${url} as ${v.label}: ${problem}`);
		}

		await page.close();
	}
	// A few pages at a time: axe's work is in the browser's renderers, which run side by side.
	const queue = [...checks];
	await Promise.all(
		Array.from({ length: 3 }, async () => {
			for (let next = queue.shift(); next; next = queue.shift()) await check(next);
		})
	);
	await anonymous.close();
	console.log(`axe: ${checked} pages checked, ${failures.length} violations`);
	expect(failures, failures.join('\n')).toEqual([]);
});

/** Space-separated paths. */
const fields = (list: string) => list.split(/\s+/).filter(Boolean);

/** A response of any type, as the learner gave it. */
const RESPONSE = (p: string) =>
	[
		p,
		...['type', 'optionId', 'optionIds', 'value', 'text', 'itemIds'].map((k) => `${p}.${k}`)
	].join(' ');

/** A teacher's draft question of any type: theirs to edit, keys included. */
const DRAFT = (p: string) =>
	[
		p,
		...[
			'type',
			'prompt',
			'explanation',
			'difficulty',
			'tags',
			'options',
			'options[]',
			'options[].text',
			'options[].correct',
			'answer',
			'tolerance',
			'unit',
			'accepted',
			'items'
		].map((k) => `${p}.${k}`)
	].join(' ');

/**
 * The allow-lists, by route and role: what each page renders, reviewed for secrets. Keys appear only
 * where they are earned (results after submitting, the mistakes notebook) or are the teacher's own
 * (set builder, drafts); emails only on the teacher's roster and gradebook of their own class.
 */
const ALLOW: Record<string, Partial<Record<Role, string[]>>> = {
	// Only with BENCH_ROUTES=1, which the test server does not set (a 404 here): nothing to load.
	'/(bench)/bench/ssr': {},
	'/(app)/admin/users': {},
	'/(app)/teach/invites': {
		// The access matrix may have made an invite for the world's teacher: its row, as the page lists it.
		teacher: fields(
			`invites invites[] invites[].createdAt invites[].expiresAt invites[].usedAt invites[].usedByName lifetimeDays`
		)
	},
	'/invites/[token]': {},
	'/': {
		anonymous: fields(`assignments dueReviews inProgress recent returning`),
		student: fields(
			`assignments assignments[] assignments[].attemptsAllowed assignments[].attemptsUsed assignments[].bestScore assignments[].className assignments[].dueAt assignments[].feedback assignments[].id assignments[].inProgressId assignments[].lateWork assignments[].maxScore assignments[].opensAt assignments[].status assignments[].timeZone assignments[].title dueReviews inProgress inProgress.assignmentId inProgress.filters inProgress.filters.articles inProgress.filters.count inProgress.filters.tags inProgress.filters.types inProgress.id inProgress.late inProgress.maxScore inProgress.score inProgress.startedAt inProgress.status inProgress.submittedAt recent recent[] recent[].assignmentId recent[].filters recent[].filters.articles recent[].filters.count recent[].filters.tags recent[].filters.types recent[].id recent[].late recent[].maxScore recent[].score recent[].startedAt recent[].status recent[].submittedAt returning`
		),
		teacher: fields(`assignments dueReviews inProgress recent returning`)
	},
	'/(app)/assignments/[id]': {
		student: fields(
			`assignment assignment.attemptsAllowed assignment.className assignment.dueAt assignment.feedback assignment.id assignment.lateWork assignment.opensAt assignment.timeLimitMinutes assignment.timeZone assignment.title attempts attempts[] attempts[].attemptNumber attempts[].id attempts[].late attempts[].maxScore attempts[].score attempts[].status attempts[].submittedAt canStart inProgress status`
		)
	},
	'/(app)/attempts/[id]/[n]': {
		student: fields(
			`answered attemptId checkMode deadlineAt feedback position total version ${PRESENTED('question')} ${RESPONSE('response')}`
		)
	},
	'/(app)/attempts/[id]/results': {
		student: fields(
			`asTeacher attempt attempt.assignmentId attempt.id attempt.late attempt.seed attempt.startedAt attempt.submittedAt feedbackFrom heldByAssignment max percent results results[] results[].citations results[].citations[] results[].citations[].articleSlug results[].citations[].articleTitle results[].citations[].factId results[].citations[].quote results[].correct results[].correctText results[].explanation results[].position results[].prompt results[].questionId results[].responseText results[].score results[].tags results[].tags[] results[].type results[].version removedFromClass score`
		),
		teacher: fields(
			`asTeacher attempt attempt.assignmentId attempt.id attempt.late attempt.seed attempt.startedAt attempt.submittedAt feedbackFrom heldByAssignment max percent results results[] results[].citations results[].citations[] results[].citations[].articleSlug results[].citations[].articleTitle results[].citations[].factId results[].citations[].quote results[].correct results[].correctText results[].explanation results[].position results[].prompt results[].questionId results[].responseText results[].score results[].tags results[].tags[] results[].type results[].version removedFromClass score`
		)
	},
	'/(app)/attempts/[id]/review': {
		student: fields(`attemptId questions questions[] questions[].answered questions[].prompt`)
	},
	'/(app)/classes': {
		student: fields(`classes classes[] classes[].id classes[].name classes[].teacher joined`),
		teacher: fields(`classes joined`)
	},
	'/live': {
		anonymous: fields(`code signedInAs`),
		student: fields(`code signedInAs`),
		teacher: fields(`code signedInAs`)
	},
	'/(app)/teach/live': {
		teacher: fields(
			`sessions sessions[] sessions[].createdAt sessions[].id sessions[].state sessions[].title sets sets[] sets[].id sets[].name`
		)
	},
	// Not visited (the world has no live session): the fields as the views return them, for review.
	'/live/[id]': {
		student: fields(
			`answered attemptId me me.guest me.nickname me.playerCount me.points me.rank me.removed myResponse podium podium[] podium[].nickname podium[].playerId podium[].points podium[].rank ${PRESENTED('question')} results results[] results[].citations results[].correct results[].correctText results[].explanation results[].points results[].position results[].prompt results[].responseText session session.guestsAllowed session.id session.questionCount session.questionIndex session.remainingMs session.secondsPerQuestion session.seq session.speedBonus session.state session.title verdict verdict.answered verdict.citations verdict.correct verdict.correctText verdict.explanation verdict.points`
		)
	},
	'/(app)/teach/live/[id]': {
		teacher: fields(
			`answeredCount assignmentId classId codeOpen extendSeconds joinUrl playerCount players players[] players[].guest players[].id players[].nickname players[].removed qr ${PRESENTED('question')} reveal reveal.citations reveal.correctText reveal.distribution reveal.explanation session session.joinCode session.guestsAllowed session.id session.questionCount session.questionIndex session.remainingMs session.secondsPerQuestion session.seq session.speedBonus session.state session.title standings standings[] standings[].nickname standings[].playerId standings[].points standings[].rank`
		)
	},
	'/(app)/classes/join': {
		student: fields(`code`),
		teacher: fields(`code`)
	},
	'/(app)/history': {
		student: fields(
			`attempts attempts[] attempts[].assignmentId attempts[].filters attempts[].filters.articles attempts[].filters.count attempts[].filters.tags attempts[].filters.types attempts[].id attempts[].late attempts[].maxScore attempts[].score attempts[].startedAt attempts[].status attempts[].submittedAt`
		),
		teacher: fields(`attempts`)
	},
	'/(app)/mistakes': {
		student: fields(
			`articles articles[] articles[].slug articles[].title filters filters.article filters.tag inPractice mistakes mistakes[] mistakes[].articles mistakes[].citations mistakes[].citations[] mistakes[].citations[].articleSlug mistakes[].citations[].articleTitle mistakes[].citations[].factId mistakes[].citations[].quote mistakes[].due mistakes[].inPractice mistakes[].prompt mistakes[].questionId mistakes[].rightAnswer mistakes[].state mistakes[].tags mistakes[].wrongAnswer mistakes[].wrongAt tags total`
		),
		teacher: fields(`articles filters filters.article filters.tag inPractice mistakes tags total`)
	},
	'/(app)/practice': {
		student: fields(
			`articles articles[] articles[].eventDate articles[].questionCount articles[].slug articles[].title tags tags[] tags[].count tags[].tag total types types[] types[].label types[].type`
		),
		teacher: fields(
			`articles articles[] articles[].eventDate articles[].questionCount articles[].slug articles[].title tags tags[] tags[].count tags[].tag total types types[] types[].label types[].type`
		)
	},
	'/(app)/progress': {
		student: fields(
			`activityPerDay activityPerDay[] activityPerDay[].day activityPerDay[].quiz activityPerDay[].reviews byState byState.learning byState.new byState.relearning byState.review desiredRetention forecast forecast[] forecast[].count forecast[].day masteryByArticle masteryByArticle[] masteryByArticle[].group masteryByArticle[].known masteryByArticle[].percent masteryByArticle[].questions masteryByArticle[].seen masteryByArticle[].title masteryByTopic masteryByTopic[] masteryByTopic[].group masteryByTopic[].known masteryByTopic[].percent masteryByTopic[].questions masteryByTopic[].seen retention retention.retention retention.reviews retentionPerWeek retentionPerWeek[] retentionPerWeek[].retention retentionPerWeek[].reviews retentionPerWeek[].week timeZone`
		),
		teacher: fields(
			`activityPerDay activityPerDay[] activityPerDay[].day activityPerDay[].quiz activityPerDay[].reviews byState byState.learning byState.new byState.relearning byState.review desiredRetention forecast forecast[] forecast[].count forecast[].day masteryByArticle masteryByArticle[] masteryByArticle[].group masteryByArticle[].known masteryByArticle[].percent masteryByArticle[].questions masteryByArticle[].seen masteryByArticle[].title masteryByTopic masteryByTopic[] masteryByTopic[].group masteryByTopic[].known masteryByTopic[].percent masteryByTopic[].questions masteryByTopic[].seen retention retention.retention retention.reviews retentionPerWeek retentionPerWeek[] retentionPerWeek[].retention retentionPerWeek[].reviews retentionPerWeek[].week timeZone`
		)
	},
	'/(app)/review': {
		student: fields(
			`card card.cardId ${PRESENTED('card.question')} card.state leechLapses leeches leeches[] leeches[].cardId leeches[].lapses leeches[].prompt leeches[].suspended remaining reviewedToday shownAt summary summary.again summary.easy summary.good summary.hard`
		),
		teacher: fields(
			`card leechLapses leeches remaining reviewedToday shownAt summary summary.again summary.easy summary.good summary.hard`
		)
	},
	'/(app)/account': {
		student: fields(
			`email sessions sessions[] sessions[].createdAt sessions[].current sessions[].lastSeenAt sessions[].userAgent`
		),
		teacher: fields(
			`email sessions sessions[] sessions[].createdAt sessions[].current sessions[].lastSeenAt sessions[].userAgent`
		)
	},
	'/(app)/settings': {
		student: fields(
			`parameters parameters.fitted parameters.fittedAt parameters.logLoss parameters.reviewCount parameters.threshold parameters.weights settings settings.dayRolloverHour settings.desiredRetention settings.newCardsPerDay settings.reviewsPerDay settings.timeZone timeZones workload`
		),
		teacher: fields(
			`parameters parameters.fitted parameters.fittedAt parameters.logLoss parameters.reviewCount parameters.threshold parameters.weights settings settings.dayRolloverHour settings.desiredRetention settings.newCardsPerDay settings.reviewsPerDay settings.timeZone timeZones workload`
		)
	},
	'/(app)/teach': {
		teacher: fields(
			`classes classes[] classes[].archived classes[].id classes[].joinCode classes[].name classes[].students sets sets[] sets[].id sets[].name sets[].size sets[].updatedAt`
		)
	},
	'/(app)/teach/articles': {
		teacher: fields(
			`articles articles[] articles[].accepted articles[].createdAt articles[].eventDate articles[].pending articles[].publisher articles[].rejected articles[].slug articles[].title maxChars`
		)
	},
	'/(app)/teach/articles/[slug]': {
		teacher: fields(
			`accepted article article.eventDate article.file article.publisher article.slug article.title drafts drafts[] drafts[].distractors drafts[].distractors[] drafts[].id drafts[].key drafts[].kind drafts[].nearDuplicates drafts[].nearDuplicates[] drafts[].nearDuplicates[].id drafts[].nearDuplicates[].number drafts[].nearDuplicates[].of drafts[].nearDuplicates[].prompt drafts[].nearDuplicates[].why drafts[].number ${DRAFT('drafts[].question')} drafts[].questionId drafts[].quote drafts[].rejectNote drafts[].rejectReason drafts[].status drafts[].timelineFacts drafts[].typeLabel sets sets[] sets[].id sets[].name`
		)
	},
	'/(app)/teach/assignments/[id]/analysis': {
		teacher: fields(
			`assignment assignment.classId assignment.className assignment.dueAt assignment.id assignment.timeZone assignment.title questions questions[] questions[].attempts questions[].cited questions[].discriminationIndex questions[].facilityIndex questions[].flags questions[].maxMark questions[].position questions[].prompt questions[].questionId questions[].responses questions[].responses[] questions[].responses[].count questions[].responses[].isKey questions[].responses[].label questions[].standardDeviation questions[].typeLabel summary summary.attemptCount summary.cronbachAlpha summary.maxTotal summary.mean summary.meanPercent summary.median summary.standardDeviation summary.standardDeviationPercent which`
		)
	},
	'/(app)/teach/classes/[id]': {
		teacher: fields(
			`assignments assignments[] assignments[].dueAt assignments[].id assignments[].opensAt assignments[].setName assignments[].timeZone assignments[].title joinLink klass klass.archived klass.id klass.joinCode klass.joinCodeExpiresAt klass.name roster roster[] roster[].displayName roster[].email roster[].id roster[].joinedAt sets sets[] sets[].id sets[].name sets[].size`
		)
	},
	'/(app)/teach/classes/[id]/gradebook': {
		teacher: fields(
			`assignments assignments[] assignments[].dueAt assignments[].id assignments[].timeZone assignments[].title averages first klass klass.id klass.name last liveSessions liveSessions[] liveSessions[].finishedAt liveSessions[].id liveSessions[].title page pages rows rows[] rows[].cells rows[].cells[] rows[].cells[].attemptId rows[].cells[].attempts rows[].cells[].late rows[].cells[].maxScore rows[].cells[].percent rows[].cells[].score rows[].student rows[].student.displayName rows[].student.email rows[].student.id rule studentCount`
		)
	},
	'/(app)/teach/sets/[id]': {
		teacher: fields(
			`articles articles[] articles[].slug articles[].title items items[] items[].answer items[].cited items[].difficulty items[].newerVersion items[].owned items[].position items[].prompt items[].questionId items[].quotes items[].quotes[] items[].quotes[].articleSlug items[].quotes[].articleTitle items[].quotes[].quote items[].retired items[].type items[].typeLabel items[].version maxGiftBytes maxSize notice notice.added notice.cited notice.via results search search.article search.difficulty search.fresh search.more search.q search.query search.searched search.source search.tag search.type set set.id set.name tags types types[] types[].label types[].value`
		)
	},
	'/(app)/teach/sets/[id]/preview': {
		teacher: fields(
			`questions questions[] questions[].position ${PRESENTED('questions[].question')} questions[].typeLabel set set.id set.name`
		)
	},
	'/(auth)/signin': {
		anonymous: fields(``)
	},
	'/(auth)/signup': {
		anonymous: fields(``)
	},
	'/(auth)/forgot-password': {
		anonymous: fields(``)
	},
	'/(auth)/reset-password': {
		anonymous: fields(`usable`)
	},
	'/articles': {
		anonymous: fields(
			`articles articles[] articles[].eventDate articles[].publisher articles[].slug articles[].title`
		),
		student: fields(
			`articles articles[] articles[].eventDate articles[].publisher articles[].slug articles[].title`
		),
		teacher: fields(
			`articles articles[] articles[].eventDate articles[].publisher articles[].slug articles[].title`
		)
	},
	'/articles/[slug]': {
		anonymous: fields(
			`article article.eventDate article.file article.publisher article.slug article.title facts facts[] facts[].id facts[].ids facts[].questions facts[].questions[] facts[].questions[].id facts[].questions[].prompt facts[].quote paragraphs paragraphs[] paragraphs[].line paragraphs[].segments paragraphs[].segments[] paragraphs[].segments[].factIds paragraphs[].segments[].opens paragraphs[].segments[].text selected teachersOwn listsEveryQuestion signedIn`
		),
		student: fields(
			`article article.eventDate article.file article.publisher article.slug article.title facts facts[] facts[].id facts[].ids facts[].questions facts[].questions[] facts[].questions[].id facts[].questions[].prompt facts[].quote paragraphs paragraphs[] paragraphs[].line paragraphs[].segments paragraphs[].segments[] paragraphs[].segments[].factIds paragraphs[].segments[].opens paragraphs[].segments[].text selected teachersOwn listsEveryQuestion signedIn`
		),
		teacher: fields(
			`article article.eventDate article.file article.publisher article.slug article.title facts paragraphs paragraphs[] paragraphs[].line paragraphs[].segments paragraphs[].segments[] paragraphs[].segments[].factIds paragraphs[].segments[].opens paragraphs[].segments[].text selected teachersOwn listsEveryQuestion signedIn misread misread.byFact misread.scope misreadScopes misreadScopes[] misreadScopes[].assignments misreadScopes[].assignments[] misreadScopes[].assignments[].label misreadScopes[].assignments[].value misreadScopes[].label misreadScopes[].value`
		)
	},
	'/signout': {
		anonymous: fields(``)
	}
};
