// Role × route matrix, generated from src/routes: every page (as HTML and as __data.json), every form
// action (as a script posts it and as a browser without JavaScript does) and every endpoint method,
// requested by anonymous, student A, student B, teacher X (A's class) and teacher Y (B's class), with
// their own and each other's ids. The expectations below are keyed by route id; the first test fails
// when a route exists that the table does not cover, so a new route cannot be forgotten.
//
// Passes when: no request gets a status other than the table's (in particular no 2xx or redirect where
// the table says 401/403/404, and anonymous requests go to /signin or get 401), nothing answers 5xx, no
// body carries a marker (names, emails, class, set and assignment names, join codes) the requester may
// not see, and afterwards nothing a refused request aimed at has changed.
import { readsBesideWrites } from '../helpers/concurrency.ts';
import { actionPath, discoverRoutes, pathOf, type RouteEntry } from '../helpers/routes.ts';
import { expect, test } from '../helpers/shared-world.ts';
import { REQUESTERS, type AttemptRef, type Who, type World } from '../helpers/world.ts';

/** What a request must get. 'ok': a 2xx or a redirect that is not to /signin. 'signin': a redirect to /signin or 401. */
type Outcome = 'ok' | 'signin' | 400 | 403 | 404 | 409;
/** One outcome, any of several (a form without JavaScript may end on another page than a script's request), or a combination left out. */
type Expected = Outcome | Outcome[] | { skip: string };

type Subject = {
	label: string;
	params: Record<string, string>;
	owner: Who | null;
	members?: Who[];
	attempt?: AttemptRef;
	cardOf?: 'A' | 'B';
};

type Body =
	| { form: [string, string][] }
	| { multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> };

type Entry = {
	subjects?: (w: World) => Subject[];
	expect: (who: Who, s: Subject) => Expected;
	/** Actions: the fields to post. `own` is true when the requester is allowed: then a harmless body (usually one the form refuses with 400). */
	body?: (w: World, who: Who, s: Subject) => Body;
};

const NONE: Subject = { label: '', params: {}, owner: null };
const form = (fields: Record<string, string> = {}): Body => ({ form: Object.entries(fields) });

// Who may do what, as rules of the app.
const isStudent = (who: Who) => who === 'A' || who === 'B';
const isTeacher = (who: Who) => who === 'X' || who === 'Y';
const publicRoute = (): Expected => 'ok';
const signedIn = (who: Who): Expected => (who === 'anonymous' ? 'signin' : 'ok');
const teacherOnly = (who: Who): Expected =>
	who === 'anonymous' ? 'signin' : isStudent(who) ? 403 : 'ok';
/** A teacher's own class, set or assignment: students 403, another teacher 404. */
const teacherOwn = (who: Who, s: Subject): Expected =>
	who === 'anonymous' ? 'signin' : isStudent(who) ? 403 : who === s.owner ? 'ok' : 404;
/** For teacher actions: the owner's harmless post is refused by the form (400). */
const teacherOwnAction = (who: Who, s: Subject): Expected =>
	who === s.owner ? 400 : teacherOwn(who, s);

// Subjects: the ids routes are requested with.
const attempts = (w: World): Subject[] =>
	[w.A.practice, w.A.assigned, w.B.practice, w.B.assigned].map((a) => ({
		label: `${a.owner}'s ${a.teacher ? 'assignment attempt (submitted)' : 'practice attempt (in progress)'}`,
		params: { id: a.id, n: '1' },
		owner: a.owner,
		attempt: a
	}));
const classes = (w: World): Subject[] => [
	{ label: "X's class", params: { id: w.X.classId }, owner: 'X', members: ['A'] },
	{ label: "Y's class", params: { id: w.Y.classId }, owner: 'Y', members: ['B'] }
];
const assignments = (w: World): Subject[] => [
	{ label: "X's assignment", params: { id: w.X.assignmentId }, owner: 'X', members: ['A'] },
	{ label: "Y's assignment", params: { id: w.Y.assignmentId }, owner: 'Y', members: ['B'] }
];
const sets = (w: World): Subject[] => [
	{ label: "X's set", params: { id: w.X.setId }, owner: 'X' },
	{ label: "Y's set", params: { id: w.Y.setId }, owner: 'Y' }
];
const cards = (): Subject[] => [
	{ label: "A's review card", params: {}, owner: 'A', cardOf: 'A' },
	{ label: "B's review card", params: {}, owner: 'B', cardOf: 'B' }
];
const articles = (w: World): Subject[] => [
	{ label: 'a bank article', params: { slug: w.articleSlug }, owner: null },
	...teacherArticles(w)
];
const teacherArticles = (w: World): Subject[] => [
	{ label: "X's article", params: { slug: w.X.articleSlug }, owner: 'X', members: ['A'] },
	{ label: "Y's article", params: { slug: w.Y.articleSlug }, owner: 'Y', members: ['B'] }
];
const noLiveSession = (): Subject[] => [
	{
		label: 'no such live session',
		params: { id: '00000000-0000-4000-8000-000000000000' },
		owner: null
	}
];
const teacherOf = (w: World, s: Subject) => (s.owner === 'X' ? w.X : w.Y);

/** The actions of the attempt page: the owner may change an attempt in progress; a submitted one is 409. */
const attemptAction: Entry = {
	subjects: attempts,
	expect: (who, s) =>
		who === 'anonymous'
			? 'signin'
			: who === s.owner
				? s.attempt!.status === 'in_progress'
					? 'ok'
					: 409
				: 404,
	// Without the version of the answer the page showed: the matrix replays one form many times, and after
	// the first save a replayed version is stale (409 by design, two-tabs.spec covers it).
	body: (_w, _who, s) => ({ form: s.attempt!.form.filter(([k]) => k !== 'basedOn') })
};

const MATRIX: Record<string, Entry> = {
	'/': { expect: publicRoute },
	'/articles': { expect: publicRoute },
	// The bank's articles are public; a teacher's own is for them and their classes' students (404 to anyone else).
	'/articles/[slug]': {
		subjects: articles,
		expect: (who, s) =>
			s.owner === null || who === s.owner || s.members!.includes(who) ? 'ok' : 404
	},
	'/signout': { expect: publicRoute },
	'/signout ?/default': {
		expect: (who) =>
			who === 'anonymous'
				? 'ok'
				: { skip: 'signing out would end the session the matrix uses (auth.spec covers it)' },
		body: () => form()
	},
	'/(auth)/signin': { expect: publicRoute },
	// Signed in, a refused form posted without JavaScript shows the sign-in page again, which sends them home.
	'/(auth)/signin ?/default': {
		expect: (who) => (who === 'anonymous' ? 400 : [400, 'ok']),
		body: () => form({ email: '', password: '' })
	},
	'/(auth)/forgot-password': { expect: publicRoute },
	'/(auth)/forgot-password ?/default': {
		expect: () => 400,
		body: () => form({ email: '' })
	},
	'/(auth)/reset-password': { expect: publicRoute },
	'/(auth)/reset-password ?/default': {
		expect: () => 400,
		body: () => form({ password: 'x' })
	},
	'/(auth)/signup': { expect: publicRoute },
	'/(auth)/signup ?/default': {
		expect: (who) => (who === 'anonymous' ? 400 : [400, 'ok']),
		body: () => form({ displayName: '', email: 'not-an-email', password: 'x' })
	},

	// The benchmark's routes exist only when BENCH_ROUTES=1, which the test server does not set.
	'/(bench)/bench/ssr': { expect: () => 404 },
	'/(bench)/bench/noop GET': { expect: () => 404 },

	'/(app)/history': { expect: signedIn },
	'/(app)/progress': { expect: signedIn },
	'/(app)/classes': { expect: signedIn },
	// Live sessions: the world has none, so these are asked about a session that does not exist (live.test.ts
	// and live-two-processes.test.ts cover who may see and do what in a real one).
	'/live': { expect: publicRoute },
	'/live ?/default': { expect: () => 400, body: () => form({ code: '' }) },
	'/live/[id]': { subjects: noLiveSession, expect: () => 'ok' },
	// Refused (400); a browser without JavaScript then lands on /live, the page of a session it is not in.
	'/live/[id] ?/answer': { subjects: noLiveSession, expect: () => [400, 'ok'], body: () => form() },
	'/live/[id] ?/move': { subjects: noLiveSession, expect: () => 'ok', body: () => form() },
	'/live/[id]/events GET': { subjects: noLiveSession, expect: () => 404 },
	'/(app)/teach/live': { expect: teacherOnly },
	'/(app)/teach/live ?/create': {
		expect: (who) => (isTeacher(who) ? 400 : teacherOnly(who)),
		body: () => form({ secondsPerQuestion: 'x' })
	},
	'/(app)/teach/live/[id]': { subjects: noLiveSession, expect: teacherOwn },
	'/(app)/teach/live/[id] ?/control': {
		subjects: noLiveSession,
		expect: teacherOwn,
		body: () => form({ do: 'end' })
	},
	'/(app)/teach/live/[id] ?/remove': {
		subjects: noLiveSession,
		expect: teacherOwn,
		body: () => form({ playerId: 'x' })
	},
	'/(app)/classes/join': { expect: signedIn },
	'/(app)/classes/join ?/default': {
		// A student posts the code of their own class again (harmless); teachers do not join classes.
		expect: (who) => (who === 'anonymous' ? 'signin' : isTeacher(who) ? 403 : 'ok'),
		body: (w, who) =>
			form({ code: who === 'A' ? w.X.joinCode : who === 'B' ? w.Y.joinCode : 'QQQQQQ' })
	},
	'/(app)/mistakes': { expect: signedIn },
	'/(app)/mistakes ?/practise': {
		expect: (who) => (who === 'anonymous' ? 'signin' : 400),
		body: () => form({ article: 'no-such-article' })
	},
	'/(app)/practice': { expect: signedIn },
	'/(app)/practice ?/default': {
		expect: (who) => (who === 'anonymous' ? 'signin' : 400),
		body: () => form({ count: '0' })
	},
	'/(app)/account': { expect: signedIn },
	// A wrong current password: refused beside the field, nothing changed.
	'/(app)/account ?/password': {
		expect: (who) => (who === 'anonymous' ? 'signin' : 400),
		body: () => form({ currentPassword: 'not-the-password', newPassword: 'a-new-long-password' })
	},
	'/(app)/account ?/endOthers': {
		expect: (who) =>
			who === 'anonymous'
				? 'signin'
				: { skip: 'would sign out sessions the matrix uses (account-page.test.ts covers it)' },
		body: () => form()
	},
	'/(app)/settings': { expect: signedIn },
	'/(app)/settings ?/default': {
		expect: signedIn,
		body: () =>
			form({
				desiredRetention: '0.9',
				timeZone: 'UTC',
				dayRolloverHour: '4',
				newCardsPerDay: '20',
				reviewsPerDay: '200'
			})
	},
	'/(app)/review': { expect: signedIn },
	'/(app)/review ?/reveal': {
		subjects: cards,
		expect: (who, s) => (who === 'anonymous' ? 'signin' : who === s.owner ? 'ok' : 404),
		body: (w, _who, s) => form({ cardId: w[s.cardOf!].cardId, questionType: 'single', skip: '1' })
	},
	'/(app)/review ?/rate': {
		subjects: cards,
		// The owner sends a rating that does not exist (400), so the schedule stays put for the checks at the end.
		expect: (who, s) => (who === 'anonymous' ? 'signin' : who === s.owner ? 400 : 404),
		body: (w, who, s) =>
			form({
				cardId: w[s.cardOf!].cardId,
				rating: who === s.owner ? 'perfect' : 'good',
				requestId: `matrix-${w.tag}-${who}-${s.cardOf}`,
				response: '',
				elapsedMs: '1000'
			})
	},

	'/(app)/review ?/suspension': {
		subjects: cards,
		// The owner sends a choice that does not exist (400), so the card stays in the queue for the checks at the end.
		expect: (who, s) => (who === 'anonymous' ? 'signin' : who === s.owner ? 400 : 404),
		body: (w, who, s) =>
			form({ cardId: w[s.cardOf!].cardId, suspend: who === s.owner ? 'maybe' : 'yes' })
	},
	'/(app)/attempts/[id]/[n]': {
		subjects: attempts,
		// The owner of a submitted attempt is sent on to its results (a redirect, so 'ok').
		expect: (who, s) => (who === 'anonymous' ? 'signin' : who === s.owner ? 'ok' : 404)
	},
	'/(app)/attempts/[id]/[n] ?/save': attemptAction,
	'/(app)/attempts/[id]/[n] ?/next': attemptAction,
	'/(app)/attempts/[id]/[n] ?/previous': attemptAction,
	'/(app)/attempts/[id]/[n] ?/check': attemptAction,
	'/(app)/attempts/[id]/[n] ?/move': attemptAction,
	'/(app)/attempts/[id]/review': {
		subjects: attempts,
		expect: (who, s) => (who === 'anonymous' ? 'signin' : who === s.owner ? 'ok' : 404)
	},
	'/(app)/attempts/[id]/review ?/submit': {
		subjects: attempts,
		expect: (who, s) =>
			who === 'anonymous'
				? 'signin'
				: who === s.owner
					? s.attempt!.status === 'submitted'
						? 409
						: { skip: 'submitting would end the attempt the matrix uses (quiz.spec covers it)' }
					: 404,
		body: () => form()
	},
	'/(app)/attempts/[id]/results': {
		subjects: attempts,
		// The teacher of the class sees a submitted assignment attempt; nobody else but its learner.
		expect: (who, s) =>
			who === 'anonymous'
				? 'signin'
				: who === s.owner || (who === s.attempt!.teacher && s.attempt!.status === 'submitted')
					? 'ok'
					: 404
	},

	'/(app)/assignments/[id]': {
		subjects: assignments,
		// Only members of the class: its own teacher is not one (404 here, the teacher's pages are under /teach).
		expect: (who, s) => (who === 'anonymous' ? 'signin' : s.members!.includes(who) ? 'ok' : 404)
	},
	'/(app)/assignments/[id] ?/start': {
		subjects: assignments,
		// Members have used their one attempt: 409.
		expect: (who, s) => (who === 'anonymous' ? 'signin' : s.members!.includes(who) ? 409 : 404),
		body: () => form()
	},

	// Nobody in the matrix administers (the install's administrator is made apart: roles.spec covers them).
	'/(app)/admin/users': { expect: (who) => (who === 'anonymous' ? 'signin' : 403) },
	'/(app)/admin/users ?/change': {
		expect: (who) => (who === 'anonymous' ? 'signin' : 403),
		body: (w) => form({ userId: w.X.classId, role: 'teacher' })
	},
	// An invite link nobody issued: 404 to everyone, and accepting it changes nothing.
	'/invites/[token]': {
		subjects: () => [
			{ label: 'an unknown invite', params: { token: 'not-an-invite' }, owner: null }
		],
		expect: () => 404
	},
	'/invites/[token] ?/accept': {
		subjects: () => [
			{ label: 'an unknown invite', params: { token: 'not-an-invite' }, owner: null }
		],
		expect: (who) => (who === 'anonymous' ? 'signin' : 404),
		body: () => form()
	},
	'/(app)/teach/invites': { expect: teacherOnly },
	'/(app)/teach/invites ?/create': { expect: teacherOnly, body: () => form() },
	'/(app)/teach': { expect: teacherOnly },
	'/(app)/teach ?/createClass': {
		expect: (who) => (isTeacher(who) ? 400 : teacherOnly(who)),
		body: (_w, who) => form({ name: isTeacher(who) ? '' : 'Class made by a student' })
	},
	'/(app)/teach ?/createSet': {
		expect: (who) => (isTeacher(who) ? 400 : teacherOnly(who)),
		body: (_w, who) => form({ name: isTeacher(who) ? '' : 'Set made by a student' })
	},
	'/(app)/teach/bank.gift GET': { expect: teacherOnly },
	'/(app)/teach/assignments/[id]/analysis': { subjects: assignments, expect: teacherOwn },
	'/(app)/teach/classes/[id]': { subjects: classes, expect: teacherOwn },
	'/(app)/teach/classes/[id]/gradebook': { subjects: classes, expect: teacherOwn },
	'/(app)/teach/classes/[id]/gradebook.csv GET': { subjects: classes, expect: teacherOwn },
	'/(app)/teach/classes/[id] ?/newCode': {
		subjects: classes,
		expect: (who, s) =>
			who === s.owner
				? {
						skip: 'a new code would change the join code the matrix looks for (teacher.spec covers it)'
					}
				: teacherOwn(who, s),
		body: () => form()
	},
	'/(app)/teach/classes/[id] ?/archive': {
		subjects: classes,
		expect: teacherOwnAction,
		body: (_w, who, s) => form({ archived: who === s.owner ? 'perhaps' : 'yes' })
	},
	'/(app)/teach/classes/[id] ?/removeStudent': {
		subjects: classes,
		expect: teacherOwnAction,
		body: (w, who, s) =>
			form({ studentId: teacherOf(w, s).studentId, ...(who === s.owner ? {} : { confirm: 'yes' }) })
	},
	'/(app)/teach/classes/[id] ?/assign': {
		subjects: classes,
		expect: teacherOwnAction,
		body: (w, who, s) => {
			if (who === s.owner) return form({ setId: teacherOf(w, s).setId, title: '' });
			// A complete assignment of the class owner's set (and, for Y, of Y's own set: still not Y's class).
			const setId = who === 'X' ? w.X.setId : who === 'Y' ? w.Y.setId : teacherOf(w, s).setId;
			return form({
				setId,
				title: 'Slipped in',
				timeZone: 'UTC',
				opensAt: '',
				dueAt: '2099-01-01T12:00',
				attemptsAllowed: '3',
				timeLimitMinutes: '',
				feedback: 'after_submit',
				lateWork: 'refuse'
			});
		}
	},

	'/(app)/teach/articles': { expect: teacherOnly },
	'/(app)/teach/articles ?/add': {
		// The teachers' harmless post has no title (400); a student's is a complete article.
		expect: (who) => (isTeacher(who) ? 400 : teacherOnly(who)),
		body: (_w, who) =>
			isTeacher(who)
				? { multipart: { title: '', eventDate: '2023-01-17', text: '' } }
				: {
						multipart: {
							title: 'Article by a student',
							eventDate: '2023-01-17',
							text: 'word '.repeat(60)
						}
					}
	},
	'/(app)/teach/articles/[slug]': { subjects: teacherArticles, expect: teacherOwn },
	// The owner posts no draft (400); anyone else one of the owner's drafts.
	'/(app)/teach/articles/[slug] ?/save': {
		subjects: teacherArticles,
		expect: teacherOwnAction,
		body: (w, who, s) =>
			form(
				who === s.owner
					? { draftId: '' }
					: {
							draftId: teacherOf(w, s).draftId,
							prompt: 'Rewritten by someone else',
							explanation: 'Hijacked.'
						}
			)
	},
	'/(app)/teach/articles/[slug] ?/accept': {
		subjects: teacherArticles,
		expect: teacherOwnAction,
		body: (w, who, s) =>
			form(who === s.owner ? { draftId: '' } : { draftId: teacherOf(w, s).draftId })
	},
	'/(app)/teach/articles/[slug] ?/reject': {
		subjects: teacherArticles,
		expect: teacherOwnAction,
		body: (w, who, s) =>
			form(
				who === s.owner
					? { draftId: '' }
					: { draftId: teacherOf(w, s).draftId, reason: 'duplicate' }
			)
	},
	'/(app)/teach/articles/[slug] ?/rejectTicked': {
		subjects: teacherArticles,
		expect: teacherOwnAction,
		body: (w, who, s) =>
			form(
				who === s.owner
					? { reason: 'duplicate' }
					: { draftId: teacherOf(w, s).draftId, reason: 'duplicate' }
			)
	},
	'/(app)/teach/articles/[slug] ?/restore': {
		subjects: teacherArticles,
		expect: teacherOwnAction,
		body: (w, who, s) =>
			form(who === s.owner ? { draftId: '' } : { draftId: teacherOf(w, s).draftId })
	},

	'/(app)/teach/sets/[id]': { subjects: sets, expect: teacherOwn },
	'/(app)/teach/sets/[id]/preview': { subjects: sets, expect: teacherOwn },
	'/(app)/teach/sets/[id]/export.gift GET': { subjects: sets, expect: teacherOwn },
	'/(app)/teach/sets/[id] ?/importGift': {
		subjects: sets,
		expect: teacherOwnAction,
		body: (_w, who, s) =>
			who === s.owner
				? {
						multipart: {
							file: { name: 'empty.gift', mimeType: 'text/plain', buffer: Buffer.alloc(0) }
						}
					}
				: {
						multipart: {
							file: {
								name: 'slipped.gift',
								mimeType: 'text/plain',
								buffer: Buffer.from('::Slipped in:: Niamey is the capital of Niger. {T}\n')
							}
						}
					}
	},
	'/(app)/teach/sets/[id] ?/cite': {
		subjects: sets,
		expect: teacherOwnAction,
		body: (w, who, s) =>
			who === s.owner
				? form()
				: form({
						questionId: teacherOf(w, s).questionId,
						article: w.articleSlug,
						passage: 'France'
					})
	},
	'/(app)/teach/sets/[id] ?/rename': {
		subjects: sets,
		expect: teacherOwnAction,
		body: (_w, who, s) => form({ name: who === s.owner ? '' : 'Renamed by someone else' })
	},
	'/(app)/teach/sets/[id] ?/move': {
		subjects: sets,
		expect: teacherOwnAction,
		body: (_w, who, s) =>
			form(who === s.owner ? { position: 'first', by: '1' } : { position: '0', by: '1' })
	},
	'/(app)/teach/sets/[id] ?/remove': {
		subjects: sets,
		expect: teacherOwnAction,
		body: (_w, who, s) => form({ position: who === s.owner ? 'first' : '0' })
	},
	'/(app)/teach/sets/[id] ?/updateVersion': {
		subjects: sets,
		expect: teacherOwnAction,
		body: (_w, who, s) => form({ position: who === s.owner ? 'first' : '0' })
	},
	'/(app)/teach/sets/[id] ?/add': {
		subjects: sets,
		expect: teacherOwnAction,
		body: (w, who, s) => form({ questionId: who === s.owner ? '' : w.X.questionId })
	},
	'/(app)/teach/sets/[id] ?/addRule': {
		subjects: sets,
		expect: teacherOwnAction,
		body: (_w, who, s) =>
			form(
				who === s.owner ? { minDifficulty: '0', count: '1' } : { minDifficulty: '1', count: '1' }
			)
	}
};

type Observed = { status: number; location?: string; body: string };

function matches(expected: Outcome | Outcome[], got: Observed): boolean {
	if (Array.isArray(expected)) return expected.some((e) => matches(e, got));
	const redirect = got.status >= 300 && got.status < 400;
	const toSignin = redirect && /^\/signin(\?|$)/.test(got.location ?? '');
	if (expected === 'ok') return (got.status >= 200 && got.status < 300) || (redirect && !toSignin);
	if (expected === 'signin') return toSignin || got.status === 401;
	return got.status === expected;
}

/** What a `__data.json` answer means: a redirect, the status of the first failing load, or 200. */
function readDataJson(text: string): Pick<Observed, 'status' | 'location'> {
	try {
		const json = JSON.parse(text.split('\n')[0]) as {
			type: string;
			location?: string;
			nodes?: ({ type: string; status?: number } | null)[];
		};
		if (json.type === 'redirect') return { status: 303, location: json.location };
		const failed = json.nodes?.find((n) => n?.type === 'error');
		return { status: failed ? (failed.status ?? 500) : 200 };
	} catch {
		return { status: 500 };
	}
}

/** What a script's action request got: the JSON says failure/redirect/success; an error has its own HTTP status. */
function readActionJson(status: number, text: string): Pick<Observed, 'status' | 'location'> {
	if (status !== 200) return { status };
	try {
		const json = JSON.parse(text) as { type: string; status?: number; location?: string };
		if (json.type === 'redirect') return { status: json.status ?? 303, location: json.location };
		if (json.type === 'failure') return { status: json.status ?? 400 };
		return { status: 200 };
	} catch {
		return { status: 500 };
	}
}

type Request = {
	key: string;
	who: Who;
	subject: string;
	mode: string;
	method: 'GET' | 'POST';
	url: string;
	body?: Body;
	expected: Expected;
};

function requestsFor(entry: RouteEntry, spec: Entry, w: World): Request[] {
	const out: Request[] = [];
	for (const s of spec.subjects?.(w) ?? [NONE]) {
		for (const who of REQUESTERS) {
			const expected = spec.expect(who, s);
			const base = { key: entry.key, who, subject: s.label, expected };
			if (entry.kind === 'page') {
				const url = pathOf(entry.routeId, s.params);
				out.push({ ...base, mode: 'html', method: 'GET', url });
				out.push({
					...base,
					mode: 'data',
					method: 'GET',
					url: `${url === '/' ? '' : url}/__data.json`
				});
			} else if (entry.kind === 'endpoint') {
				out.push({
					...base,
					mode: 'endpoint',
					method: entry.method === 'GET' ? 'GET' : 'POST',
					url: pathOf(entry.routeId, s.params)
				});
			} else {
				const url = actionPath(entry.routeId, entry.action, s.params);
				const body = spec.body?.(w, who, s) ?? form();
				out.push({ ...base, mode: 'action (script)', method: 'POST', url, body });
				out.push({ ...base, mode: 'action (no script)', method: 'POST', url, body });
			}
		}
	}
	return out;
}

/**
 * Sends one request with exactly the requester's cookie. Node's fetch rather than Playwright's request
 * context: that one keeps a cookie jar, so a renewed session cookie of one requester would ride along
 * with the next requester's (or an anonymous) request.
 */
async function send(baseURL: string, w: World, r: Request): Promise<Observed> {
	const headers: Record<string, string> = { origin: baseURL };
	const cookie = w.who[r.who].cookie;
	if (cookie) headers.cookie = cookie;
	if (r.mode === 'action (script)') headers.accept = 'application/json';
	if (r.mode === 'action (no script)' || r.mode === 'html') headers.accept = 'text/html';
	let body: string | FormData | undefined;
	if (r.method === 'POST' && r.body && 'multipart' in r.body) {
		const data = new FormData();
		for (const [k, v] of Object.entries(r.body.multipart)) {
			if (typeof v === 'string') data.append(k, v);
			else data.append(k, new Blob([new Uint8Array(v.buffer)], { type: v.mimeType }), v.name);
		}
		body = data;
	} else if (r.method === 'POST') {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(r.body && 'form' in r.body ? r.body.form : []).toString();
	}
	const res = await fetch(new URL(r.url, baseURL), {
		method: r.method,
		headers,
		body,
		redirect: 'manual'
	});
	const text = await res.text();
	if (r.mode === 'data') return { ...readDataJson(text), body: text };
	if (r.mode === 'action (script)') return { ...readActionJson(res.status, text), body: text };
	return { status: res.status, location: res.headers.get('location') ?? undefined, body: text };
}

test.describe.configure({ mode: 'serial' });

test('every route under src/routes has an entry in the access matrix', () => {
	const discovered = discoverRoutes();
	expect(discovered.length).toBeGreaterThan(40);
	const missing = discovered.filter((e) => !(e.key in MATRIX)).map((e) => e.key);
	expect(
		missing,
		`routes with no entry in the access matrix of ${import.meta.filename}: add them`
	).toEqual([]);
	const stale = Object.keys(MATRIX).filter((k) => !discovered.some((e) => e.key === k));
	if (stale.length)
		test.info().annotations.push({
			type: 'stale matrix entries (routes gone)',
			description: stale.join(', ')
		});
});

test('role × route matrix: no unexpected access, no foreign data, nothing changed by a refused request', async ({
	world: w,
	baseURL
}) => {
	test.setTimeout(420_000);
	const discovered = discoverRoutes().filter((e) => e.key in MATRIX);
	const requests = discovered.flatMap((e) => requestsFor(e, MATRIX[e.key], w));
	const failures: string[] = [];
	const skipped = new Set<string>();
	let sent = 0;
	const toSend: (Request & { expected: Outcome | Outcome[] })[] = [];
	for (const r of requests) {
		const { expected } = r;
		if (typeof expected === 'object' && !Array.isArray(expected))
			skipped.add(`${r.key} as ${r.who}${r.subject ? ` on ${r.subject}` : ''}: ${expected.skip}`);
		else toSend.push({ ...r, expected });
	}
	// The posts one at a time in the table's order, the reads four at a time beside them.
	const posts = toSend.filter((r) => r.method === 'POST');
	const reads = toSend.filter((r) => r.method !== 'POST');
	await readsBesideWrites(posts, reads, 4, async (r) => {
		const got = await send(baseURL!, w, r);
		sent++;
		const where = `${r.method} ${r.url} [${r.key}, ${r.mode}] as ${r.who}${r.subject ? ` on ${r.subject}` : ''}`;
		if (got.status >= 500) failures.push(`${where}: ${got.status} (server error)`);
		else if (!matches(r.expected, got))
			failures.push(
				`${where}: expected ${[r.expected].flat().join(' or ')}, got ${got.status}${got.location ? ` → ${got.location}` : ''}`
			);
		for (const m of w.markers) {
			if (!m.visibleTo.includes(r.who) && got.body.includes(m.text))
				failures.push(`${where}: the body contains ${m.what}`);
		}
	});
	console.log(
		`access matrix: ${discovered.length} route entries, ${sent} requests, ${skipped.size} combinations skipped, ${failures.length} failures`
	);
	test.info().annotations.push({
		type: 'matrix',
		description: `${discovered.length} route entries, ${sent} requests, ${failures.length} failures`
	});
	for (const s of skipped) test.info().annotations.push({ type: 'skipped', description: s });
	expect(failures, failures.join('\n')).toEqual([]);

	// Nothing a refused request aimed at has changed.
	const x = w.who.X.page!;
	await x.goto(`/teach/classes/${w.X.classId}`);
	await expect(x.getByRole('heading', { level: 1, name: w.X.className })).toBeVisible();
	await expect(x.getByTestId('join-code')).toHaveText(w.X.joinCode);
	await expect(x.getByRole('button', { name: 'Archive the class' })).toBeVisible();
	await expect(x.getByRole('cell', { name: w.A.email })).toBeVisible();
	await expect(x.locator('ul.assignments > li')).toHaveCount(1);
	await x.goto(`/teach/sets/${w.X.setId}`);
	await expect(x.getByRole('heading', { level: 1, name: w.X.setName })).toBeVisible();
	await expect(x.locator('ol.items > li')).toHaveCount(3);
	const a = w.who.A.page!;
	const taking = await a.goto(`/attempts/${w.A.practice.id}/1`);
	expect(taking?.status()).toBe(200);
	await expect(a).toHaveURL(new RegExp(`/attempts/${w.A.practice.id}/1$`));
	await a.goto('/review');
	await expect(a.locator('input[name="cardId"]').first()).toHaveValue(w.A.cardId);
	await expect(a.getByText(/· 0 reviewed today/)).toBeVisible();
	const y = w.who.Y.page!;
	await y.goto(`/teach/classes/${w.Y.classId}`);
	await expect(y.locator('ul.assignments > li')).toHaveCount(1);
	await expect(y.getByRole('cell', { name: w.B.email })).toBeVisible();
	// The drafts others tried to save, accept or reject are as they were.
	await x.goto(`/teach/articles/${w.X.articleSlug}`);
	const draft = x.locator('#waiting ol.drafts > li', {
		has: x.locator(`input[name="draftId"][value="${w.X.draftId}"]`)
	});
	await expect(draft).toBeVisible();
	await expect(x.getByText('Rewritten by someone else')).toHaveCount(0);
	for (const page of [x, y]) {
		await page.goto('/teach/articles');
		await expect(page.getByText('Article by a student')).toHaveCount(0);
		await page.goto('/teach');
		await expect(page.getByText('Class made by a student')).toHaveCount(0);
		await expect(page.getByText('Set made by a student')).toHaveCount(0);
	}
});
