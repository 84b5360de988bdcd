// Two app processes (the production build) on one Postgres: a change made through process A reaches an
// event stream held open on process B, through LISTEN/NOTIFY alone; a stream that reconnects with an old
// Last-Event-ID is told at once. Needs the build (npm test makes it) and Postgres (TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db/index.ts';
import { createLiveSession } from '../../src/lib/server/live/sessions.ts';
import { createSet, editSet } from '../../src/lib/server/teaching/sets.ts';
import { startServer, startServerOnPostgres, type OwnServer } from '../helpers/server.ts';

type Sse = { text: () => string; waitFor: (re: RegExp) => Promise<string>; close: () => void };

/** Opens an event stream and keeps what it receives. */
async function openStream(url: string, cookie: string, lastEventId?: string): Promise<Sse> {
	const controller = new AbortController();
	const res = await fetch(url, {
		headers: {
			cookie,
			accept: 'text/event-stream',
			...(lastEventId ? { 'last-event-id': lastEventId } : {})
		},
		signal: controller.signal
	});
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
	let received = '';
	const reader = res.body!.getReader();
	const decoder = new TextDecoder();
	void (async () => {
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) return;
				received += decoder.decode(value, { stream: true });
			}
		} catch {
			// aborted
		}
	})();
	return {
		text: () => received,
		waitFor: async (re) => {
			for (let i = 0; i < 100; i++) {
				const m = received.match(re);
				if (m) return m[0];
				await new Promise((r) => setTimeout(r, 50));
			}
			throw new Error(`the stream never said ${re}; it said:\n${received}`);
		},
		close: () => controller.abort()
	};
}

function cookiesOf(res: Response) {
	return res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

/** A form post as a browser sends it (same origin), without following the redirect. */
function post(base: string, path: string, fields: Record<string, string>, cookie = '') {
	return fetch(base + path, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: base,
			cookie,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields)
	});
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('live sessions across two app processes', () => {
	let a: Awaited<ReturnType<typeof startServerOnPostgres>>;
	let b: OwnServer;
	let database: Database;
	let sessionId: string;
	let joinCode: string;

	beforeAll(async () => {
		a = await startServerOnPostgres();
		const url = (await a!.sql`select current_database() as name`)[0].name as string;
		const dbUrl = new URL(process.env.TEST_DATABASE_URL!);
		dbUrl.pathname = `/${url}`;
		b = await startServer({ DATABASE_URL: dbUrl.toString() }, { claimed: false });
		database = openDatabase({ url: dbUrl.toString(), poolMax: 2 });
		const [teacher] = await a!.sql`select id from "user" where email = 'teacher@demo.test'`;
		const { id: setId } = await createSet(database.db, teacher.id, 'Two processes');
		const [{ id: questionId }] = await a!
			.sql`select id from question where owner_id is null and active order by id limit 1`;
		await editSet(database.db, teacher.id, setId, { kind: 'add', questionIds: [questionId] });
		({ id: sessionId, joinCode } = await createLiveSession(
			database.db,
			teacher.id,
			{ setId },
			{
				secondsPerQuestion: 60,
				speedBonus: false,
				guestsAllowed: true
			}
		));
	}, 120_000);
	afterAll(async () => {
		await database?.close();
		await b?.stop();
		await a?.dispose();
	});

	test('a stream on process B sees joins, the start and answers made through process A', async () => {
		const signIn = await post(a!.baseURL, '/signin', {
			email: 'teacher@demo.test',
			password: 'sahel-teacher-1'
		});
		const teacherCookie = cookiesOf(signIn);
		expect(teacherCookie).toMatch(/session=/);
		const joined = await post(b.baseURL, '/live', { code: joinCode, nickname: 'Guest on B' });
		expect(joined.status).toBe(303);
		const guestCookie = cookiesOf(joined);
		expect(guestCookie).toMatch(/live_guest=/);
		const second = await post(a!.baseURL, '/live', { code: joinCode, nickname: 'Guest on A' });
		const secondCookie = cookiesOf(second);
		expect(secondCookie).toMatch(/live_guest=/);

		const projectorOnB = await openStream(`${b.baseURL}/live/${sessionId}/events`, teacherCookie);
		const phoneOnB = await openStream(`${b.baseURL}/live/${sessionId}/events`, guestCookie);
		// Both streams are open (and process B listening) before the change is made on A.
		await projectorOnB.waitFor(/retry: \d+/);
		await phoneOnB.waitFor(/retry: \d+/);
		const started = await post(
			a!.baseURL,
			`/teach/live/${sessionId}?/control`,
			{ do: 'start' },
			teacherCookie
		);
		expect(started.status).toBe(303);
		expect(started.headers.get('location')).toBe(`/teach/live/${sessionId}`);
		// The phone's event carries its own view of the new question (what its page would load), so a room
		// of phones need not reload at once; the view comes from B's own read of the database.
		const startEvent = await phoneOnB.waitFor(/id: 1\nevent: change\ndata: .*\n/);
		const started1 = JSON.parse(startEvent.slice(startEvent.indexOf('data: ') + 6));
		expect(started1).toMatchObject({
			seq: 1,
			kind: 'state',
			state: 'question',
			view: {
				session: { id: sessionId, seq: 1, state: 'question', questionIndex: 0 },
				me: { nickname: 'Guest on B', points: 0 },
				answered: false,
				verdict: null
			}
		});
		await projectorOnB.waitFor(/"state":"question"/);

		// The guest answers through A: B's projector stream hears of it; the phone stream is not woken by answers.
		const page = await fetch(`${a!.baseURL}/live/${sessionId}`, {
			headers: { cookie: guestCookie }
		});
		const html = await page.text();
		const questionId = html.match(/name="questionId" value="([^"]+)"/)![1];
		const questionType = html.match(/name="questionType" value="([^"]+)"/)![1];
		const fields: Record<string, string> = { questionId, questionType };
		if (questionType === 'single' || questionType === 'multiple')
			fields.choice = html.match(/name="choice" value="([^"]+)"/)![1];
		else if (questionType === 'true_false') fields.value = 'true';
		else if (questionType === 'numeric') fields.value = '1';
		else if (questionType === 'short_text') fields.text = 'x';
		else for (const m of html.matchAll(/name="order" value="([^"]+)"/g)) fields.order = m[1];
		const answered = await post(a!.baseURL, `/live/${sessionId}?/answer`, fields, guestCookie);
		expect(answered.status).toBe(303);
		// The projector's answer event carries its two counters, read after the answer committed.
		await projectorOnB.waitFor(/"kind":"answer","state":"question","answered":1,"players":2/);
		expect(phoneOnB.text()).not.toMatch(/"kind":"answer"/);
		// The enhanced form (JavaScript) is told that its answer is in, and nothing more: no redirect to
		// follow (no page reload), no grade.
		const enhanced = await fetch(`${a!.baseURL}/live/${sessionId}?/answer`, {
			method: 'POST',
			headers: {
				origin: a!.baseURL,
				cookie: secondCookie,
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams(fields)
		});
		const reply = await enhanced.json();
		expect(reply).toEqual({ type: 'success', status: 200, data: expect.any(String) });
		expect(reply.data).not.toMatch(/correct|points|score/);
		await projectorOnB.waitFor(/"answered":2,"players":2/);
		// The phone was sent the question as its page shows it, and nothing of the key.
		expect(started1.view.question.id).toBe(questionId);
		expect(phoneOnB.text()).not.toMatch(/correctText|explanation|"correct"|"points":[1-9]/);
		projectorOnB.close();
		phoneOnB.close();

		// A reconnect with an old id catches up at once; one with the current id gets nothing more.
		const behind = await openStream(`${a!.baseURL}/live/${sessionId}/events`, guestCookie, '0');
		await behind.waitFor(/id: 1\nevent: change/);
		behind.close();
		const current = await openStream(`${a!.baseURL}/live/${sessionId}/events`, guestCookie, '1');
		await current.waitFor(/retry: \d+/);
		await new Promise((r) => setTimeout(r, 300));
		expect(current.text()).not.toMatch(/event: change/);
		current.close();

		// A stranger gets no stream.
		const stranger = await fetch(`${b.baseURL}/live/${sessionId}/events`);
		expect(stranger.status).toBe(404);
	}, 60_000);
});
