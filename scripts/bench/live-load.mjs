// The classroom of the bench's live scenario, run as its own process (as load.mjs is), so the servers'
// event loops never share a thread with it: `node scripts/bench/live-load.mjs spec.json` prints one JSON
// result on stdout.
//
// It plays a teacher's projector and every student's phone the way their browsers do
// (src/lib/components/live-follow.ts): each holds the session's event stream open, and when the session
// moves past what it shows, a phone shows the view its event carries, or else reloads its page's data
// (`__data.json`, what invalidateAll fetches), one reload in flight and at most one queued. The projector
// reloads its data on a change of step and on a join, and shows the counters an answer event carries
// without reloading. A phone that shows an unanswered question posts its answer
// after a think time (the enhanced form: the reply says it is in, no reload). The teacher starts, waits
// until the projector counts every answer, reveals, and goes on.
//
// spec: { sessionId, joinCode, teacher: { base, cookie }, students: [{ base, cookie }],
//         answers: string[][] (per question, per student: the form body), questions, lastOfSet,
//         thinkMs, revealPauseMs, secondsPerQuestion, seed }
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { unflatten } from 'devalue';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const id = spec.sessionId;
const N = spec.students.length;
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// mulberry32, as scripts/bench/answers.ts: the same think times every run.
let seedState = spec.seed >>> 0;
const random = () => {
	seedState = (seedState + 0x6d2b79f5) >>> 0;
	let t = seedState;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

// Requests on keep-alive connections, as many as are in flight (a phone has its own connection); each
// event stream on a connection of its own.
const requestAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

const problems = [];
const problem = (text) => {
	if (problems.length < 50) problems.push(text);
};

// A keep-alive connection the server closed as idle (its keepAliveTimeout) just as a request went out on it
// fails with ECONNRESET before the server read anything; a browser sends the request again on a new
// connection, and so does this (the pattern Node's http docs give for `reusedSocket`).
function request(base, method, path, headers, body, retried = false) {
	return new Promise((resolve, reject) => {
		const req = http.request(
			base + path,
			{ method, agent: requestAgent, headers: { ...headers, connection: 'keep-alive' } },
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (d) => (text += d));
				res.on('end', () => resolve({ status: res.statusCode, body: text }));
				res.on('error', reject);
			}
		);
		req.on('error', (error) => {
			if (!retried && req.reusedSocket && error.code === 'ECONNRESET')
				resolve(request(base, method, path, headers, body, true));
			else reject(error);
		});
		if (body) req.write(body);
		req.end();
	});
}

/** The page's own data, as the client router reads it: the last node's data, unflattened. */
async function pageData(base, cookie, pagePath) {
	const res = await request(base, 'GET', `${pagePath}/__data.json`, {
		cookie,
		accept: 'application/json'
	});
	if (res.status !== 200) throw new Error(`GET ${pagePath}/__data.json: HTTP ${res.status}`);
	const parsed = JSON.parse(res.body);
	if (parsed.type !== 'data')
		throw new Error(`GET ${pagePath}/__data.json: ${res.body.slice(0, 200)}`);
	const node = parsed.nodes.at(-1);
	return unflatten(node.data);
}

function post(base, cookie, pagePath, action, body) {
	return request(
		base,
		'POST',
		action === 'default' ? pagePath : `${pagePath}?/${action}`,
		{
			cookie,
			origin: base,
			'content-type': 'application/x-www-form-urlencoded',
			'x-sveltekit-action': 'true',
			accept: 'application/json'
		},
		body
	).then((res) => {
		let parsed = null;
		try {
			parsed = JSON.parse(res.body);
		} catch {
			// not JSON: an error page
		}
		return { status: res.status, type: parsed?.type ?? null, text: res.body.slice(0, 300) };
	});
}

/** Follows the session's event stream: `onChange({seq, kind, state}, time)` for each change event. */
function follow(base, cookie, onChange, label) {
	let closing = false;
	let opened = false;
	const req = http.request(
		`${base}/live/${id}/events`,
		{ agent: streamAgent, headers: { cookie, accept: 'text/event-stream' } },
		(res) => {
			if (res.statusCode !== 200) {
				problem(`${label}: event stream answered HTTP ${res.statusCode}`);
				res.resume();
				return;
			}
			opened = true;
			res.setEncoding('utf8');
			let buffer = '';
			res.on('data', (chunk) => {
				const t = now();
				buffer += chunk;
				let end;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					let event = 'message';
					let data = '';
					for (const line of block.split('\n')) {
						if (line.startsWith('event:')) event = line.slice(6).trim();
						else if (line.startsWith('data:')) data += line.slice(5).trim();
					}
					if (event === 'change') onChange(JSON.parse(data), t);
				}
			});
			res.on('close', () => {
				if (!closing) problem(`${label}: the event stream closed during the session`);
			});
		}
	);
	req.on('error', (e) => {
		if (!closing) problem(`${label}: event stream ${opened ? 'dropped' : 'failed'}: ${e.message}`);
	});
	req.end();
	return () => {
		closing = true;
		req.destroy();
	};
}

/** One reload in flight and at most one queued, as live-follow.ts does. */
function coalesced(load) {
	let running = false;
	let again = false;
	const reload = async () => {
		if (running) {
			again = true;
			return;
		}
		running = true;
		try {
			do {
				again = false;
				await load();
			} while (again);
		} catch (e) {
			problem(String(e?.message ?? e));
		} finally {
			running = false;
		}
	};
	reload.busy = () => running;
	return reload;
}

// ---- the projector ------------------------------------------------------------------------------

const projector = {
	view: null,
	/** The counters shown: the page data's, or an answer event's at the same seq if larger. */
	answered: 0,
	players: 0,
	reloads: 0,
	/** Every view it showed: when it arrived and the figures on it. */
	shown: [],
	/** Arrival of each answer event. */
	answerEvents: [],
	stop: () => {}
};
const teacherPath = `/teach/live/${id}`;
projector.reload = coalesced(async () => {
	projector.reloads++;
	const view = await pageData(spec.teacher.base, spec.teacher.cookie, teacherPath);
	const sameSeq = projector.view?.session.seq === view.session.seq;
	projector.view = view;
	projector.answered = Math.max(view.answeredCount, sameSeq ? projector.answered : 0);
	projector.players = Math.max(view.playerCount, sameSeq ? projector.players : 0);
	projector.show(now());
});
projector.show = (t) =>
	projector.shown.push({
		t,
		state: projector.view.session.state,
		questionIndex: projector.view.session.questionIndex,
		answeredCount: projector.answered,
		playerCount: projector.players
	});
/** An event, as the projector page takes it (followLiveSession with its onCounts). */
projector.onChange = (change, t) => {
	if (change.kind === 'answer') projector.answerEvents.push({ t, seq: change.seq });
	if (!projector.view || change.seq > projector.view.session.seq) return void projector.reload();
	if (change.kind === 'state') return;
	if (change.kind === 'answer' && typeof change.answered === 'number') {
		projector.answered = Math.max(projector.answered, change.answered);
		projector.players = Math.max(projector.players, change.players);
		projector.show(t);
	} else void projector.reload();
};

// ---- the phones ---------------------------------------------------------------------------------

let phoneReloads = 0;
const answers = []; // { question, student, sentAt, ackAt, ok, status, text }
const phones = spec.students.map((s, i) => {
	const phone = {
		i,
		...s,
		view: null,
		shownSeq: -1,
		events: [], // { seq, state, t }
		answeredFor: new Set(),
		revealShownAt: new Map(), // question → time the phone showed its verdict
		finishedShownAt: null,
		stop: () => {}
	};
	phone.reload = coalesced(async () => {
		phoneReloads++;
		show(phone, await pageData(phone.base, phone.cookie, `/live/${id}`));
	});
	return phone;
});

/** What a phone does with its view, whether a reload brought it or its event stream did. */
function show(phone, view) {
	const t = now();
	if (phone.view && view.session.seq < phone.view.session.seq) return;
	phone.view = view;
	phone.shownSeq = view.session.seq;
	const q = view.session.questionIndex;
	const state = view.session.state;
	if (state === 'question' && view.question && !view.answered && !phone.answeredFor.has(q)) {
		phone.answeredFor.add(q);
		setTimeout(() => void sendAnswer(phone, q), random() * spec.thinkMs);
	}
	if (state === 'reveal' && view.verdict && !phone.revealShownAt.has(q)) {
		phone.revealShownAt.set(q, t);
		if (phone.answeredFor.has(q) && !view.verdict.answered)
			problem(
				`student ${phone.i}: question ${q + 1} revealed as unanswered after an answer was sent`
			);
	}
	if (state === 'finished' && phone.finishedShownAt === null) phone.finishedShownAt = t;
}

async function sendAnswer(phone, question) {
	const body = spec.answers[question][phone.i];
	const sentAt = now();
	let res;
	try {
		res = await post(phone.base, phone.cookie, `/live/${id}`, 'answer', body);
	} catch (e) {
		res = { status: 0, type: null, text: String(e?.message ?? e) };
	}
	const ackAt = now();
	const ok = res.type === 'success' || res.type === 'redirect';
	answers.push({ question, student: phone.i, sentAt, ackAt, ok, status: res.status });
	if (!ok) problem(`student ${phone.i}, question ${question + 1}: answer refused: ${res.text}`);
	// The enhanced form shows "Answer sent" from the reply; a redirect (no JavaScript) would reload.
	if (res.type === 'redirect') void phone.reload();
}

// ---- helpers ------------------------------------------------------------------------------------

async function until(predicate, timeoutMs, what, state = () => '') {
	const deadline = now() + timeoutMs;
	while (!predicate()) {
		if (now() > deadline)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} ${state()}`.trim());
		await sleep(2);
	}
}

async function control(what) {
	const res = await post(
		spec.teacher.base,
		spec.teacher.cookie,
		teacherPath,
		'control',
		`do=${what}`
	);
	if (res.type !== 'redirect') throw new Error(`teacher's ${what}: ${res.status} ${res.text}`);
}

const percentile = (list, p) => {
	if (list.length === 0) return null;
	const sorted = [...list].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const summary = (list) => ({
	count: list.length,
	p50: percentile(list, 50),
	p99: percentile(list, 99),
	max: list.length ? Math.max(...list) : null
});
const round = (v) => (v === null ? null : Math.round(v * 10) / 10);
const rounded = (s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v)]));

// ---- the session ----------------------------------------------------------------------------------

const result = {
	students: N,
	questions: spec.questions,
	joinMs: null,
	perQuestion: [],
	finishMs: null,
	finishedShownMs: null
};
const answerToProjector = [];
const answerToProjectorEvent = [];
const answerAck = [];
const revealEvent = [];
const revealShown = [];
const started = now();

try {
	projector.stop = follow(spec.teacher.base, spec.teacher.cookie, projector.onChange, 'projector');
	await until(() => projector.view !== null, 30_000, 'the projector to show the lobby');

	// Joining: a class's phones over a few seconds, ten at a time.
	const joinStart = now();
	let nextJoiner = 0;
	await Promise.all(
		Array.from({ length: Math.min(10, N) }, async () => {
			while (nextJoiner < N) {
				const phone = phones[nextJoiner++];
				const res = await post(
					phone.base,
					phone.cookie,
					'/live',
					'default',
					`code=${spec.joinCode}`
				);
				if (res.type !== 'redirect')
					throw new Error(`student ${phone.i} could not join: ${res.text}`);
				phone.stop = follow(
					phone.base,
					phone.cookie,
					(change, t) => {
						phone.events.push({ seq: change.seq, state: change.state, t });
						// A change of step brings the phone's view (live-follow.ts shows it without a reload).
						if (change.seq <= phone.shownSeq) return;
						if (change.view) show(phone, change.view);
						else void phone.reload();
					},
					`student ${phone.i}`
				);
			}
		})
	);
	await until(
		() => projector.players === N && phones.every((p) => p.view?.session.state === 'lobby'),
		60_000,
		'every phone in the lobby and the projector counting them'
	);
	result.joinMs = round(now() - joinStart);

	for (let q = 0; q < spec.questions; q++) {
		const questionStart = now();
		await control(q === 0 ? 'start' : 'next');
		const budget = spec.secondsPerQuestion * 1000 + 30_000;
		await until(
			() =>
				answers.filter((a) => a.question === q).length === N &&
				projector.view?.session.questionIndex === q &&
				projector.view.session.state === 'question' &&
				projector.answered === answers.filter((a) => a.question === q && a.ok).length,
			budget,
			`question ${q + 1}: every answer sent and counted on the projector`,
			() =>
				`${answers.filter((a) => a.question === q).length} sent, ${answers.filter((a) => a.question === q && a.ok).length} taken, the projector at seq ${projector.view?.session.seq} (${projector.view?.session.state}) counts ${projector.answered}`
		);
		const allCountedAt = now();
		// The teacher reveals once the phones have settled (their post-answer reloads are done).
		await until(() => phones.every((p) => !p.reload.busy()), 30_000, 'the phones to settle');
		await sleep(200);

		// Answer to projector: the k-th answer acknowledged, from its post, until the projector first
		// showed at least k answers (and until its k-th answer event arrived).
		const mine = answers.filter((a) => a.question === q && a.ok).sort((a, b) => a.ackAt - b.ackAt);
		const shown = projector.shown.filter((s) => s.questionIndex === q && s.state === 'question');
		const events = projector.answerEvents.filter((e) => e.t >= questionStart);
		const toProjector = [];
		const toEvent = [];
		mine.forEach((a, k) => {
			const seen = shown.find((s) => s.answeredCount >= k + 1);
			if (seen) toProjector.push(Math.max(0, seen.t - a.sentAt));
			else problem(`question ${q + 1}: the projector never showed ${k + 1} answers`);
			if (events[k]) toEvent.push(Math.max(0, events[k].t - a.sentAt));
			answerAck.push(a.ackAt - a.sentAt);
		});
		answerToProjector.push(...toProjector);
		answerToProjectorEvent.push(...toEvent);

		// Reveal: from the teacher's post until every phone had the event, and until every phone showed
		// its verdict (from its event, or a reload).
		const revealAt = now();
		await control('reveal');
		await until(
			() => phones.every((p) => p.events.some((e) => e.state === 'reveal' && e.t >= revealAt)),
			30_000,
			`question ${q + 1}: the reveal event on every phone`
		);
		const lastEvent = Math.max(
			...phones.map((p) => p.events.find((e) => e.state === 'reveal' && e.t >= revealAt).t)
		);
		await until(
			() => phones.every((p) => p.revealShownAt.has(q)),
			30_000,
			`question ${q + 1}: every phone showing its verdict`
		);
		const lastShown = Math.max(...phones.map((p) => p.revealShownAt.get(q)));
		revealEvent.push(lastEvent - revealAt);
		revealShown.push(lastShown - revealAt);
		result.perQuestion.push({
			question: q + 1,
			answers: mine.length,
			answeringMs: round(allCountedAt - questionStart),
			answerToProjector: rounded(summary(toProjector)),
			revealToAllPhonesMs: round(lastEvent - revealAt),
			revealShownOnAllPhonesMs: round(lastShown - revealAt)
		});
		await sleep(spec.revealPauseMs);
	}

	const finishAt = now();
	await control(spec.lastOfSet ? 'next' : 'end');
	result.finishMs = round(now() - finishAt);
	await until(
		() => phones.every((p) => p.finishedShownAt !== null),
		60_000,
		'every phone showing the results'
	);
	result.finishedShownMs = round(Math.max(...phones.map((p) => p.finishedShownAt)) - finishAt);
} catch (e) {
	problem(`the session stopped: ${e?.message ?? e}`);
} finally {
	projector.stop();
	for (const p of phones) p.stop();
}

result.seconds = round((now() - started) / 1000);
result.answersSent = answers.length;
result.answersAcknowledged = answers.filter((a) => a.ok).length;
result.answerToProjectorMs = rounded(summary(answerToProjector));
result.answerToProjectorEventMs = rounded(summary(answerToProjectorEvent));
result.answerAckMs = rounded(summary(answerAck));
result.revealToAllPhonesMs = rounded(summary(revealEvent));
result.revealShownOnAllPhonesMs = rounded(summary(revealShown));
result.projectorReloads = projector.reloads;
result.phoneReloads = phoneReloads;
result.problems = problems;
process.stdout.write(JSON.stringify(result));
