// `npm run test:crash`: simulated students answer continuously against the production build on a
// throwaway Postgres while the Node server is killed with SIGKILL and restarted, and Postgres is stopped
// with `pg_ctl -m immediate` (a crash: no checkpoint, connections cut) and started again. Every
// acknowledgement (2xx) is logged; afterwards the database must hold every acknowledged answer, none
// twice, every attempt must resume, and every grade must equal a recomputation from the stored answers
// with the pure grading of src/lib/quiz. During each database outage the app must answer 503 with a
// plain message (no 500, no hang) and serve again, without a restart, once Postgres is back.
// Exit status 0 when there is no violation, 1 otherwise.
import { spawn, spawnSync, execFile, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyWorkingTree } from './bench/app-copy.ts';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { hash } from '@node-rs/argon2';
import type { Question } from '../src/lib/bank/types.ts';
import { loadBankFromDir } from '../src/lib/bank/load-from-disk.ts';
import { gradeResponse } from '../src/lib/quiz/grade.ts';
import { scoreAttempt } from '../src/lib/quiz/score.ts';
import type { Response as QuizResponse } from '../src/lib/quiz/types.ts';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../src/lib/server/db/unavailable.ts';
import { formBody, rng, someResponse, type Rng } from './bench/answers.ts';

const HELP = `npm run test:crash -- [options]
  --students N       simulated students (default 100)
  --node-kills N     SIGKILLs of the server, each followed by a restart (default 20)
  --pg-crashes N     immediate stops of Postgres, each followed by a start (default 5)
  --interval S       seconds between two faults, on average (default 6)
  --questions N      questions per practice attempt (default 5)
  --smoke            a small run for the test suite: 15 students, 4 kills, 2 crashes, 3 s apart
  --no-build         copy the existing build/ instead of building
  --async-commit     keep the throwaway cluster's synchronous_commit=off (shows what it loses)
  --out FILE         also write the summary as JSON
`;

type Options = {
	students: number;
	nodeKills: number;
	pgCrashes: number;
	interval: number;
	questions: number;
	build: boolean;
	asyncCommit: boolean;
	out: string | null;
};

function parseArgs(argv: string[]): Options {
	const o: Options = {
		students: 100,
		nodeKills: 20,
		pgCrashes: 5,
		interval: 6,
		questions: 5,
		build: true,
		asyncCommit: false,
		out: null
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const num = () => {
			const v = Number(argv[++i]);
			if (!Number.isFinite(v) || v < 0) throw new Error(`${a} needs a number`);
			return v;
		};
		if (a === '--students') o.students = Math.max(1, num());
		else if (a === '--node-kills') o.nodeKills = num();
		else if (a === '--pg-crashes') o.pgCrashes = num();
		else if (a === '--interval') o.interval = num();
		else if (a === '--questions') o.questions = Math.max(1, num());
		else if (a === '--smoke')
			Object.assign(o, { students: 15, nodeKills: 4, pgCrashes: 2, interval: 3 });
		else if (a === '--no-build') o.build = false;
		else if (a === '--async-commit') o.asyncCommit = true;
		else if (a === '--out') o.out = argv[++i];
		else if (a === '--help' || a === '-h') {
			console.log(HELP);
			process.exit(0);
		} else throw new Error(`unknown option ${a}\n${HELP}`);
	}
	return o;
}

const opts = parseArgs(process.argv.slice(2));
const root = path.resolve(import.meta.dirname, '..');
const t0 = Date.now();
const log = (...args: unknown[]) =>
	console.error(`· ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s`, ...args);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const run = promisify(execFile);

const cleanups: (() => unknown)[] = [];
async function cleanup() {
	for (const c of cleanups.splice(0).reverse()) {
		try {
			await c();
		} catch (e) {
			console.error('cleanup:', e);
		}
	}
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.on(signal, () => void cleanup().then(() => process.exit(130)));

// ---- what happened ------------------------------------------------------------------------------

const stats = {
	requests: 0,
	acks: { start: 0, save: 0, clear: 0, submit: 0, rate: 0, page: 0 },
	networkErrors: 0,
	status503: 0,
	otherStatuses: {} as Record<string, number>,
	nodeKills: 0,
	/** Kills that hit a server still starting (migrating, syncing the bank). */
	killsDuringStart: 0,
	nodeRestarts: 0,
	pgCrashes: 0,
	pgRestarts: 0,
	outageProbes: 0,
	actionOutageProbes: 0,
	restartSeconds: [] as number[]
};
const violations: string[] = [];
function violation(message: string) {
	violations.push(message);
	log(`VIOLATION: ${message}`);
}

// ---- the server and the database -----------------------------------------------------------------

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = s.address() as net.AddressInfo;
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});
}

const scratch = mkdtempSync(path.join(tmpdir(), 'crash-test-'));
cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
const appDir = path.join(scratch, 'app');

/** A private copy of the working tree, so a build made meanwhile (the browser tests make one) cannot swap modules under the server. */
function prepareApp() {
	copyWorkingTree(root, appDir);
	if (opts.build) {
		log('building the production server in a private copy of the working tree');
		const b = spawnSync('npm', ['run', '-s', 'build'], {
			cwd: appDir,
			stdio: ['ignore', 'pipe', 'pipe'],
			encoding: 'utf8'
		});
		if (b.status !== 0) throw new Error(`npm run build failed:\n${b.stdout}\n${b.stderr}`);
	} else {
		if (!existsSync(path.join(root, 'build/handler.js')))
			throw new Error('no build/: run without --no-build');
		cpSync(path.join(root, 'build'), path.join(appDir, 'build'), { recursive: true });
	}
}

let pgDir = '';
let databaseUrl = '';
async function throwaway(...args: string[]) {
	return run('bash', [path.join(root, 'scripts/pg-throwaway.sh'), ...args], { encoding: 'utf8' });
}

let port = 0;
let baseUrl = '';
let server: { child: ChildProcess; exited: boolean; output: string } | null = null;

function spawnServer() {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		DATABASE_URL: databaseUrl,
		PORT: String(port),
		HOST: '127.0.0.1',
		DEMO_USERS: 'off',
		NODE_ENV: 'production'
	};
	delete env.ORIGIN;
	delete env.PGLITE_DATA_DIR;
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: appDir,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const s = { child, exited: false, output: '' };
	const keep = (d: Buffer) => {
		s.output = (s.output + d).slice(-20_000);
	};
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	child.on('exit', (code, signal) => {
		s.exited = true;
		// Only our SIGKILL may end it: anything else is the app dying by itself.
		if (signal !== 'SIGKILL' && running)
			violation(
				`the server exited by itself (code ${code}, signal ${signal}):\n${s.output.slice(-3000)}`
			);
	});
	server = s;
	return s;
}
cleanups.push(() => server?.child.kill('SIGKILL'));

/** Waits until the server answers a page that needs no database; returns the seconds it took. */
async function waitForServer(label: string, limitMs = 180_000): Promise<number> {
	const started = Date.now();
	while (Date.now() - started < limitMs) {
		if (server!.exited) throw new Error(`the server exited during ${label}:\n${server!.output}`);
		try {
			const res = await fetch(`${baseUrl}/signin`, { signal: AbortSignal.timeout(2_000) });
			await res.arrayBuffer();
			if (res.ok) return (Date.now() - started) / 1000;
		} catch {
			// not listening yet
		}
		await sleep(100);
	}
	throw new Error(
		`the server did not come up within ${limitMs / 1000} s (${label}):\n${server!.output}`
	);
}

/** SIGKILL the server and start it again; its start waits for Postgres if that is down. */
async function killAndRestartServer(waitForIt = true) {
	const old = server!;
	old.child.kill('SIGKILL');
	while (!old.exited) await sleep(10);
	stats.nodeKills++;
	spawnServer();
	stats.nodeRestarts++;
	if (!waitForIt) return;
	stats.restartSeconds.push(await waitForServer('a restart'));
}

// ---- HTTP ---------------------------------------------------------------------------------------

type Outcome =
	| { kind: 'ok'; status: number; body: string; json: Record<string, unknown> | null }
	| { kind: 'status'; status: number; body: string; location?: string }
	| { kind: 'network' };

/** Longer than any request should take, even queued behind a restarting database: beyond it, a hang. */
const HANG_MS = 30_000;

async function request(
	method: 'GET' | 'POST',
	pathName: string,
	cookie: string,
	body?: string,
	accept = 'application/json'
): Promise<Outcome> {
	stats.requests++;
	const headers: Record<string, string> = { cookie, accept };
	if (method === 'POST')
		Object.assign(headers, {
			origin: baseUrl,
			'content-type': 'application/x-www-form-urlencoded',
			'x-sveltekit-action': 'true'
		});
	let res: globalThis.Response;
	try {
		res = await fetch(baseUrl + pathName, {
			method,
			headers,
			body,
			redirect: 'manual',
			signal: AbortSignal.timeout(HANG_MS)
		});
	} catch (e) {
		if ((e as Error).name === 'TimeoutError')
			violation(`${method} ${pathName} hung for more than ${HANG_MS / 1000} s`);
		stats.networkErrors++;
		return { kind: 'network' };
	}
	let text: string;
	try {
		text = await res.text();
	} catch {
		stats.networkErrors++;
		return { kind: 'network' };
	}
	if (res.status === 503) {
		stats.status503++;
		if (!text.includes(DATABASE_UNAVAILABLE_MESSAGE))
			violation(`${method} ${pathName}: 503 without the plain message: ${text.slice(0, 200)}`);
		return { kind: 'status', status: 503, body: text };
	}
	if (res.status >= 200 && res.status < 300) {
		let json: Record<string, unknown> | null = null;
		if (res.headers.get('content-type')?.includes('json')) json = JSON.parse(text);
		// A form action that failed validation still answers 200 for `use:enhance` only with type "failure" and its own status.
		if (json?.type === 'error' || json?.type === 'failure') {
			const status = Number(json.status ?? 0) || 400;
			stats.otherStatuses[status] = (stats.otherStatuses[status] ?? 0) + 1;
			return { kind: 'status', status, body: text };
		}
		return { kind: 'ok', status: res.status, body: text, json };
	}
	stats.otherStatuses[res.status] = (stats.otherStatuses[res.status] ?? 0) + 1;
	if (res.status >= 500)
		violation(`${method} ${pathName} answered ${res.status}: ${text.slice(0, 300)}`);
	return {
		kind: 'status',
		status: res.status,
		body: text,
		location: res.headers.get('location') ?? undefined
	};
}

// ---- the students -------------------------------------------------------------------------------

/** One save as sent; `response` null is a blanked answer (the server deletes it). */
type Sent = { seq: number; response: QuizResponse | null; acked: boolean };
type AttemptLog = {
	id: string;
	userId: string;
	questions: Map<number, Question>;
	saves: Map<number, Sent[]>;
	submitSent: boolean;
	submitAcked: boolean;
};
type Student = {
	n: number;
	userId: string;
	email: string;
	cookie: string;
	attempts: AttemptLog[];
	ratingsAcked: string[];
	ratingsSent: string[];
};

const PASSWORD = 'crash-test-password-1';
let running = true;
let seq = 0;
let byId = new Map<string, Question>();

async function retrying<T>(what: () => Promise<T | null>): Promise<T | null> {
	while (running) {
		const got = await what();
		if (got !== null) return got;
		await sleep(150 + Math.random() * 350);
	}
	return null;
}

/** Starts a practice attempt; null when the run stopped first. An unacknowledged start may still have made an attempt: the checks find those too. */
async function startAttempt(s: Student): Promise<AttemptLog | null> {
	return retrying(async () => {
		const out = await request('POST', '/practice', s.cookie, `count=${opts.questions}`);
		if (out.kind !== 'ok') return null;
		const id = /^\/attempts\/([^/]+)\/1$/.exec(String(out.json?.location ?? ''))?.[1];
		if (!id) {
			violation(`practice start answered 2xx without an attempt: ${out.body.slice(0, 200)}`);
			return null;
		}
		stats.acks.start++;
		const a: AttemptLog = {
			id,
			userId: s.userId,
			questions: new Map(),
			saves: new Map(),
			submitSent: false,
			submitAcked: false
		};
		s.attempts.push(a);
		return a;
	});
}

/** The class assignment every student takes first: its attempt limit is held by a unique index. */
const ASSIGNMENT_ATTEMPTS = 2;
let assignmentId = '';

/** Starts (or resumes) an attempt at the assignment; 'used up' once the limit is reached. */
async function startAssignmentAttempt(s: Student): Promise<AttemptLog | 'used up' | null> {
	return retrying(async () => {
		const out = await request('POST', `/assignments/${assignmentId}?/start`, s.cookie, '');
		if (out.kind === 'status' && out.status === 409) return 'used up' as const;
		if (out.kind === 'status' && out.status !== 503) {
			violation(`assignment start answered ${out.status}: ${out.body.slice(0, 200)}`);
			return 'used up' as const;
		}
		if (out.kind !== 'ok') return null;
		const id = /^\/attempts\/([^/]+)\/1$/.exec(String(out.json?.location ?? ''))?.[1];
		if (!id) {
			violation(`assignment start answered 2xx without an attempt: ${out.body.slice(0, 200)}`);
			return null;
		}
		stats.acks.start++;
		// A retried start resumes the attempt an unacknowledged one opened: the same attempt, logged once.
		const known = s.attempts.find((a) => a.id === id);
		if (known) return known;
		const a: AttemptLog = {
			id,
			userId: s.userId,
			questions: new Map(),
			saves: new Map(),
			submitSent: false,
			submitAcked: false
		};
		s.attempts.push(a);
		return a;
	});
}

/** Reads the attempt's question pages (as the browser would) to learn which question is where. */
async function readQuestions(s: Student, a: AttemptLog): Promise<boolean> {
	for (let n = 1; n <= opts.questions && running; n++) {
		const ok = await retrying(async () => {
			const out = await request('GET', `/attempts/${a.id}/${n}`, s.cookie, undefined, 'text/html');
			if (out.kind === 'status' && out.status !== 503) {
				violation(
					`attempt ${a.id} page ${n} answered ${out.status} (${out.location ?? 'no location'}) before any submit`
				);
				return false;
			}
			if (out.kind !== 'ok') return null;
			const qid = /name="questionId" value="([^"]+)"/.exec(out.body)?.[1];
			const q = qid ? byId.get(qid) : undefined;
			if (!q) {
				violation(`attempt ${a.id} page ${n}: no known question in the page`);
				return false;
			}
			stats.acks.page++;
			a.questions.set(n - 1, q);
			return true;
		});
		if (!ok) return false;
	}
	return a.questions.size > 0;
}

async function saveAnswer(
	s: Student,
	a: AttemptLog,
	position: number,
	r: Rng,
	blank = false
): Promise<'acked' | 'closed' | null> {
	const q = a.questions.get(position)!;
	const response = blank ? null : someResponse(q, r);
	const sent: Sent = { seq: ++seq, response, acked: false };
	if (!a.saves.has(position)) a.saves.set(position, []);
	a.saves.get(position)!.push(sent);
	const body = response
		? formBody(q, response)
		: new URLSearchParams({ questionId: q.id, questionType: q.type }).toString();
	const out = await request('POST', `/attempts/${a.id}/${position + 1}?/save`, s.cookie, body);
	if (out.kind === 'ok') {
		sent.acked = true;
		if (response) stats.acks.save++;
		else stats.acks.clear++;
		return 'acked';
	}
	if (out.kind === 'status' && out.status === 409) {
		// Closed: only possible if a submit of ours went through without its answer reaching us.
		if (!a.submitSent)
			violation(
				`save to ${a.id} refused with 409 though it was never submitted: ${out.body.slice(0, 200)}`
			);
		return 'closed';
	}
	if (out.kind === 'status' && out.status !== 503)
		violation(`save to ${a.id} answered ${out.status}: ${out.body.slice(0, 200)}`);
	return null;
}

async function submit(s: Student, a: AttemptLog): Promise<void> {
	await retrying(async () => {
		a.submitSent = true;
		const out = await request('POST', `/attempts/${a.id}/review?/submit`, s.cookie, '');
		if (out.kind === 'ok') {
			if (out.json?.type !== 'redirect')
				violation(`submit of ${a.id}: 2xx without a redirect: ${out.body.slice(0, 200)}`);
			a.submitAcked = true;
			stats.acks.submit++;
			return true;
		}
		// Submitted by an earlier try whose answer was lost with the server: the work is in.
		if (out.kind === 'status' && out.status === 409) return true;
		if (out.kind === 'status' && out.status !== 503)
			violation(`submit of ${a.id} answered ${out.status}: ${out.body.slice(0, 200)}`);
		return null;
	});
}

/** One review rating, replayed with the same request id until acknowledged (as a double-click or a retry would). */
async function reviewOnce(s: Student) {
	const page = await request('GET', '/review', s.cookie, undefined, 'text/html');
	if (page.kind !== 'ok') return;
	stats.acks.page++;
	const cardId = /name="cardId" value="(\d+)"/.exec(page.body)?.[1];
	if (!cardId) return;
	const requestId = randomUUID();
	s.ratingsSent.push(requestId);
	const body = new URLSearchParams({
		cardId,
		rating: 'good',
		requestId,
		response: '',
		elapsedMs: '4000'
	}).toString();
	await retrying(async () => {
		const out = await request('POST', '/review?/rate', s.cookie, body);
		if (out.kind === 'ok') {
			s.ratingsAcked.push(requestId);
			stats.acks.rate++;
			return true;
		}
		if (out.kind === 'status' && out.status !== 503) {
			violation(`rating ${requestId} answered ${out.status}: ${out.body.slice(0, 200)}`);
			return true;
		}
		return null;
	});
}

async function studentLoop(s: Student) {
	const r = rng(1000 + s.n);
	let assignmentDone = false;
	while (running) {
		let a: AttemptLog | null = null;
		if (!assignmentDone) {
			const started = await startAssignmentAttempt(s);
			if (started === 'used up') assignmentDone = true;
			else a = started;
		}
		a ??= await startAttempt(s);
		if (!a || !(await readQuestions(s, a))) continue;
		let closed = false;
		// Answer most questions, some twice (a change of mind), and now and then blank an answer again.
		const positions = [...a.questions.keys()].filter(() => r() > 0.1);
		const plan = [
			...positions.map((p) => ({ p, blank: false })),
			...positions.filter(() => r() < 0.3).map((p) => ({ p, blank: r() < 0.3 }))
		];
		for (const { p: position, blank } of plan) {
			if (!running || closed) break;
			const saved = await retrying(() => saveAnswer(s, a, position, r, blank));
			if (saved === 'closed') closed = true;
			await sleep(20 + r() * 80);
		}
		if (!running) break;
		await submit(s, a);
		if (r() < 0.5) await reviewOnce(s);
	}
}

// ---- faults -------------------------------------------------------------------------------------

/** While Postgres is down: a page, a form action and page data all answer 503 with the plain message, quickly. */
async function probeOutage(s: Student) {
	stats.outageProbes++;
	const attemptId = s.attempts[0]?.id ?? randomUUID();
	const probes: { what: string; init: RequestInit; url: string; type: string }[] = [
		{
			what: 'page',
			url: `/attempts/${attemptId}/1`,
			init: { headers: { cookie: s.cookie, accept: 'text/html' } },
			type: 'text/html'
		},
		{
			what: 'form action',
			url: `/attempts/${attemptId}/1?/save`,
			init: {
				method: 'POST',
				body: 'questionId=x&questionType=single&option=a',
				headers: {
					cookie: s.cookie,
					accept: 'application/json',
					origin: baseUrl,
					'content-type': 'application/x-www-form-urlencoded',
					'x-sveltekit-action': 'true'
				}
			},
			type: 'application/json'
		},
		{
			what: 'page data',
			url: `/history/__data.json`,
			init: { headers: { cookie: s.cookie } },
			type: 'application/json'
		}
	];
	for (const p of probes) {
		const started = Date.now();
		try {
			const res = await fetch(baseUrl + p.url, {
				...p.init,
				redirect: 'manual',
				signal: AbortSignal.timeout(15_000)
			});
			const text = await res.text();
			const ms = Date.now() - started;
			if (
				res.status !== 503 ||
				!text.includes(DATABASE_UNAVAILABLE_MESSAGE) ||
				!res.headers.get('content-type')?.includes(p.type)
			) {
				violation(
					`outage probe (${p.what}): HTTP ${res.status} ${res.headers.get('content-type')} in ${ms} ms: ${text.slice(0, 200)}`
				);
			} else if (ms > 8_000) violation(`outage probe (${p.what}): the 503 took ${ms} ms`);
		} catch (e) {
			violation(`outage probe (${p.what}): ${(e as Error).message}`);
		}
	}
}

/** Once Postgres is back, the same server process serves again by itself. */
async function probeRecovery(s: Student) {
	const pid = server!.child.pid;
	const started = Date.now();
	for (;;) {
		const res = await fetch(`${baseUrl}/history`, {
			headers: { cookie: s.cookie, accept: 'text/html' },
			redirect: 'manual',
			signal: AbortSignal.timeout(15_000)
		}).catch(() => null);
		const status = res?.status;
		await res?.arrayBuffer();
		if (status === 200) break;
		if (Date.now() - started > 15_000) {
			violation(
				`after Postgres came back the server did not serve again within 15 s (last status ${status})`
			);
			return;
		}
		await sleep(200);
	}
	if (server!.child.pid !== pid) violation('the server was restarted during the recovery probe');
}

/**
 * The outage probes above fail at the session lookup in the handle hook. Here the session lookup works and the
 * action's own write fails as it would if Postgres went away at that moment (a trigger raises 57P01
 * admin_shutdown): SvelteKit hands that error to handleError, which must turn the 500 into the same 503.
 */
async function probeOutageInsideAction(admin: postgres.Sql, s: Student) {
	const fresh = await request('POST', '/practice', s.cookie, `count=${opts.questions}`);
	const id =
		fresh.kind === 'ok'
			? /^\/attempts\/([^/]+)\/1$/.exec(String(fresh.json?.location ?? ''))?.[1]
			: undefined;
	const [first] = id
		? await admin<
				{ body: Question }[]
			>`select qv.body from attempt_question aq join question_version qv on qv.id = aq.question_version_id where aq.attempt_id = ${id} and aq.position = 0`
		: [];
	if (!id || !first) {
		violation('outage inside an action: could not start the probe attempt');
		return;
	}
	await admin.unsafe(
		`create function crash_probe_outage() returns trigger language plpgsql as $$ begin raise exception 'terminating connection due to administrator command' using errcode = '57P01'; end $$`
	);
	await admin.unsafe(
		`create trigger crash_probe_outage before insert or update on answer for each row execute function crash_probe_outage()`
	);
	try {
		const body = formBody(first.body, someResponse(first.body, rng(3)));
		const forms = [
			{
				what: 'enhanced form action',
				headers: { 'x-sveltekit-action': 'true', accept: 'application/json' },
				type: 'application/json'
			},
			{ what: 'plain form post', headers: { accept: 'text/html' }, type: 'text/html' }
		];
		for (const f of forms) {
			const res = await fetch(`${baseUrl}/attempts/${id}/1?/save`, {
				method: 'POST',
				headers: {
					cookie: s.cookie,
					origin: baseUrl,
					'content-type': 'application/x-www-form-urlencoded',
					...f.headers
				},
				body,
				redirect: 'manual',
				signal: AbortSignal.timeout(15_000)
			});
			const text = await res.text();
			if (
				res.status !== 503 ||
				!text.includes(DATABASE_UNAVAILABLE_MESSAGE) ||
				!res.headers.get('content-type')?.includes(f.type)
			) {
				violation(
					`outage inside an action (${f.what}): HTTP ${res.status} ${res.headers.get('content-type')}: ${text.slice(0, 200)}`
				);
			}
		}
		stats.actionOutageProbes++;
	} finally {
		await admin.unsafe(`drop trigger crash_probe_outage on answer`);
		await admin.unsafe(`drop function crash_probe_outage()`);
	}
	// And the same save goes through once the database is back.
	const again = await request(
		'POST',
		`/attempts/${id}/1?/save`,
		s.cookie,
		formBody(first.body, someResponse(first.body, rng(3)))
	);
	if (again.kind !== 'ok')
		violation(
			`outage inside an action: the save after it answered ${again.kind === 'status' ? again.status : 'a network error'}`
		);
}

async function crashPostgres(probe: Student, alsoKillServer: boolean) {
	await throwaway('crash', pgDir);
	stats.pgCrashes++;
	await sleep(300);
	await probeOutage(probe);
	// Once, the server also dies while the database is down: its start must wait for Postgres.
	if (alsoKillServer) {
		await killAndRestartServer(false);
		await sleep(1_500);
	}
	await sleep(500 + Math.random() * 1500);
	await throwaway('restart', pgDir);
	stats.pgRestarts++;
	if (alsoKillServer) {
		stats.restartSeconds.push(await waitForServer('a restart that waited for Postgres'));
	} else await probeRecovery(probe);
}

// ---- the checks ---------------------------------------------------------------------------------

const sameResponse = (a: unknown, b: unknown) =>
	JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
function canonical(v: unknown): unknown {
	if (Array.isArray(v)) return v.map(canonical);
	if (v && typeof v === 'object')
		return Object.fromEntries(
			Object.entries(v)
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([k, x]) => [k, canonical(x)])
		);
	return v;
}

async function checkDatabase(sql: postgres.Sql, students: Student[]) {
	const userIds = students.map((s) => s.userId);
	const answers = await sql<
		{
			attempt_id: string;
			position: number;
			response: QuizResponse;
			score: number;
			correct: boolean;
		}[]
	>`
		select an.attempt_id, an.position, an.response, an.score, an.correct from answer an join attempt a on a.id = an.attempt_id where a.user_id in ${sql(userIds)}`;
	const stored = new Map(answers.map((row) => [`${row.attempt_id}:${row.position}`, row]));

	// 1. Every acknowledged answer is there: the last acknowledged one, or one sent after it whose answer was lost.
	let checkedAnswers = 0;
	for (const s of students)
		for (const a of s.attempts)
			for (const [position, sent] of a.saves) {
				const lastAck = sent.map((x) => x.acked).lastIndexOf(true);
				const row = stored.get(`${a.id}:${position}`);
				if (lastAck < 0) continue;
				checkedAnswers++;
				const candidates = sent.slice(lastAck).map((x) => x.response);
				if (!row) {
					// Absent is right only if a blanking was acknowledged last or sent after the last acknowledgement.
					if (!candidates.includes(null))
						violation(`acknowledged answer lost: attempt ${a.id} question ${position + 1}`);
					continue;
				}
				if (!candidates.some((c) => c !== null && sameResponse(c, row.response))) {
					violation(
						`attempt ${a.id} question ${position + 1}: the stored answer is neither the last acknowledged one nor one sent after it`
					);
				}
			}

	// 2. Nothing twice.
	const dupAnswers =
		await sql`select attempt_id, position, count(*)::int as n from answer group by 1, 2 having count(*) > 1`;
	for (const d of dupAnswers)
		violation(`answer stored ${d.n} times: attempt ${d.attempt_id} position ${d.position}`);
	const dupQuestions =
		await sql`select attempt_id, position, count(*)::int as n from attempt_question group by 1, 2 having count(*) > 1`;
	for (const d of dupQuestions)
		violation(
			`attempt question stored ${d.n} times: attempt ${d.attempt_id} position ${d.position}`
		);
	const acked = students.flatMap((s) => s.ratingsAcked);
	const sentRatings = students.flatMap((s) => s.ratingsSent);
	const logRows = sentRatings.length
		? await sql<
				{ request_id: string; n: number }[]
			>`select request_id, count(*)::int as n from review_log where request_id in ${sql(sentRatings)} group by 1`
		: [];
	const logged = new Map(logRows.map((r) => [r.request_id, r.n]));
	for (const id of acked)
		if (logged.get(id) !== 1)
			violation(`acknowledged rating ${id} is in the review log ${logged.get(id) ?? 0} times`);
	for (const [id, n] of logged)
		if (n > 1) violation(`rating ${id} is in the review log ${n} times`);
	const dupCards =
		await sql`select user_id, fact_id, question_id, count(*)::int as n from review_card group by 1, 2, 3 having count(*) > 1`;
	for (const d of dupCards)
		violation(
			`review card stored ${d.n} times: user ${d.user_id} fact ${d.fact_id ?? '-'} question ${d.question_id ?? '-'}`
		);

	// The review schedule moved exactly with the work that is in: each submitted attempt logged one review per
	// stored answer, an open one none, and every card is where its latest log row says it went.
	const logCounts = await sql<{ id: string; status: string; answers: number; logs: number }[]>`
		select a.id, a.status, (select count(*)::int from answer an where an.attempt_id = a.id) as answers,
			(select count(*)::int from review_log l where l.attempt_id = a.id) as logs
		from attempt a where a.user_id in ${sql(userIds)}`;
	for (const a of logCounts) {
		const expected = a.status === 'submitted' ? a.answers : 0;
		if (a.logs !== expected)
			violation(
				`attempt ${a.id} (${a.status}, ${a.answers} answers) has ${a.logs} review-log rows, expected ${expected}`
			);
	}
	const cards = await sql<
		{
			id: number;
			reps: number;
			state: string;
			logged_reps: string | null;
			logged_state: string | null;
			due_diff: number | null;
		}[]
	>`
		select c.id, c.reps, c.state, l.card_after->>'reps' as logged_reps, l.card_after->>'state' as logged_state,
			abs(extract(epoch from c.due) - extract(epoch from (l.card_after->>'due')::timestamptz))::float8 as due_diff
		from review_card c left join lateral (select card_after from review_log where card_id = c.id order by id desc limit 1) l on true
		where c.user_id in ${sql(userIds)}`;
	for (const c of cards) {
		if (c.logged_reps === null) violation(`review card ${c.id} has no review-log row`);
		else if (
			Number(c.logged_reps) !== c.reps ||
			c.logged_state !== c.state ||
			(c.due_diff ?? 1) > 0.001
		) {
			violation(
				`review card ${c.id} (reps ${c.reps}, ${c.state}) differs from its latest log row (reps ${c.logged_reps}, ${c.logged_state}, due ${c.due_diff} s apart)`
			);
		}
	}

	// 3. Acknowledged starts and submits hold.
	const attempts = await sql<
		{
			id: string;
			user_id: string;
			status: string;
			score: number | null;
			max_score: number;
			questions: number;
		}[]
	>`
		select a.id, a.user_id, a.status, a.score, a.max_score, (select count(*)::int from attempt_question aq where aq.attempt_id = a.id) as questions
		from attempt a where a.user_id in ${sql(userIds)}`;
	const attemptById = new Map(attempts.map((a) => [a.id, a]));
	for (const s of students)
		for (const a of s.attempts) {
			const row = attemptById.get(a.id);
			if (!row) violation(`acknowledged attempt ${a.id} is not in the database`);
			else if (a.submitAcked && row.status !== 'submitted')
				violation(`acknowledged submit of ${a.id}, but its status is ${row.status}`);
		}
	const overLimit =
		await sql`select user_id, count(*)::int as n from attempt where assignment_id = ${assignmentId} group by 1 having count(*) > ${ASSIGNMENT_ATTEMPTS}`;
	for (const o of overLimit)
		violation(
			`student ${o.user_id} has ${o.n} attempts at an assignment that allows ${ASSIGNMENT_ATTEMPTS}`
		);
	const [{ n: assignmentAttempts }] = await sql<
		{ n: number }[]
	>`select count(*)::int as n from attempt where assignment_id = ${assignmentId}`;
	for (const a of attempts)
		if (a.questions !== a.max_score || a.questions === 0)
			violation(`attempt ${a.id} has ${a.questions} questions for a maximum of ${a.max_score}`);

	// 4. Every grade equals a recomputation from the stored answers with the pure grading.
	const versions = await sql<{ attempt_id: string; position: number; body: Question }[]>`
		select aq.attempt_id, aq.position, qv.body from attempt_question aq join question_version qv on qv.id = aq.question_version_id
		join attempt a on a.id = aq.attempt_id where a.user_id in ${sql(userIds)}`;
	const bodyAt = new Map(versions.map((v) => [`${v.attempt_id}:${v.position}`, v.body]));
	let regraded = 0;
	for (const row of answers) {
		const body = bodyAt.get(`${row.attempt_id}:${row.position}`);
		if (!body) {
			violation(`answer to attempt ${row.attempt_id} position ${row.position} has no question`);
			continue;
		}
		const g = gradeResponse(body, row.response);
		regraded++;
		// The score column is a real (float4): compare at its precision.
		if (Math.abs(g.score - row.score) > 1e-6 || g.correct !== row.correct) {
			violation(
				`answer ${row.attempt_id}:${row.position} stored ${row.score}/${row.correct}, recomputed ${g.score}/${g.correct}`
			);
		}
	}
	let scored = 0;
	for (const a of attempts) {
		if (a.status !== 'submitted') continue;
		const own = answers.filter((x) => x.attempt_id === a.id);
		const grades = own.map((x) =>
			gradeResponse(bodyAt.get(`${x.attempt_id}:${x.position}`)!, x.response)
		);
		const missing = Array.from({ length: a.max_score - own.length }, () => ({
			score: 0,
			correct: false
		}));
		const expected = scoreAttempt([...grades, ...missing]).score;
		scored++;
		if (a.score === null || Math.abs(a.score - expected) > 1e-4)
			violation(`attempt ${a.id} scored ${a.score}, recomputed ${expected}`);
	}
	return {
		checkedAnswers,
		regraded,
		scored,
		attempts,
		assignmentAttempts,
		cardsChecked: cards.length
	};
}

/** Every attempt resumes: an open one can be opened, answered and submitted; a submitted one shows its results. */
async function checkResume(
	students: Student[],
	attempts: { id: string; user_id: string; status: string }[]
) {
	const cookieOf = new Map(students.map((s) => [s.userId, s.cookie]));
	let resumed = 0;
	const queue = [...attempts];
	const worker = async () => {
		for (let a = queue.shift(); a; a = queue.shift()) {
			const cookie = cookieOf.get(a.user_id)!;
			if (a.status === 'submitted') {
				const out = await request(
					'GET',
					`/attempts/${a.id}/results`,
					cookie,
					undefined,
					'text/html'
				);
				if (out.kind !== 'ok')
					violation(
						`submitted attempt ${a.id}: results answered ${out.kind === 'status' ? out.status : 'a network error'}`
					);
				else resumed++;
				continue;
			}
			const page = await request('GET', `/attempts/${a.id}/1`, cookie, undefined, 'text/html');
			const qid =
				page.kind === 'ok' ? /name="questionId" value="([^"]+)"/.exec(page.body)?.[1] : undefined;
			const q = qid ? byId.get(qid) : undefined;
			if (!q) {
				violation(
					`open attempt ${a.id} does not resume: its first page answered ${page.kind === 'network' ? 'a network error' : page.status}`
				);
				continue;
			}
			const save = await request(
				'POST',
				`/attempts/${a.id}/1?/save`,
				cookie,
				formBody(q, someResponse(q, rng(7)))
			);
			const done = await request('POST', `/attempts/${a.id}/review?/submit`, cookie, '');
			const results = await request(
				'GET',
				`/attempts/${a.id}/results`,
				cookie,
				undefined,
				'text/html'
			);
			if (save.kind !== 'ok' || done.kind !== 'ok' || results.kind !== 'ok')
				violation(
					`open attempt ${a.id} could not be continued and submitted (save ${save.kind}, submit ${done.kind}, results ${results.kind})`
				);
			else resumed++;
		}
	};
	await Promise.all(Array.from({ length: 8 }, worker));
	return resumed;
}

// ---- the run ------------------------------------------------------------------------------------

async function main() {
	const { bank } = loadBankFromDir(path.join(root, 'questions'));
	if (!bank) throw new Error('the bank does not load');
	byId = new Map(bank.questions.map((q) => [q.id, q]));
	prepareApp();

	log('starting a throwaway Postgres (scripts/pg-throwaway.sh)');
	const vars = Object.fromEntries(
		[...(await throwaway('start')).stdout.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [
			m[1],
			m[2]
		])
	);
	pgDir = vars.PG_THROWAWAY_DIR;
	databaseUrl = vars.TEST_DATABASE_URL;
	cleanups.push(() => throwaway('stop', pgDir));
	const admin = postgres(databaseUrl, { max: 2, onnotice: () => {} });
	if (!opts.asyncCommit) {
		// The suite's cluster commits asynchronously for speed: an immediate stop then loses the last commits,
		// which no production server would. A database setting outranks the command line's.
		await admin.unsafe(`alter database postgres set synchronous_commit = on`);
	}

	port = await freePort();
	baseUrl = `http://127.0.0.1:${port}`;
	log('starting the built server (scripts/serve.js) on it');
	spawnServer();
	await waitForServer('the first start');

	log(`creating ${opts.students} students and signing them in over HTTP`);
	const passwordHash = await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
	const students: Student[] = [];
	for (let n = 0; n < opts.students; n++) {
		const userId = randomUUID();
		const email = `crash-${n}@crash.test`;
		await admin`insert into "user" (id, email, display_name, password_hash, role) values (${userId}, ${email}, ${`Crash ${n}`}, ${passwordHash}, 'student')`;
		students.push({
			n,
			userId,
			email,
			cookie: '',
			attempts: [],
			ratingsAcked: [],
			ratingsSent: []
		});
	}
	for (const s of students) {
		const res = await fetch(`${baseUrl}/signin`, {
			method: 'POST',
			headers: {
				origin: baseUrl,
				'content-type': 'application/x-www-form-urlencoded',
				'x-sveltekit-action': 'true',
				accept: 'application/json'
			},
			body: new URLSearchParams({ email: s.email, password: PASSWORD }).toString()
		});
		await res.text();
		const c = res.headers.getSetCookie().find((x) => x.startsWith('session='));
		if (!c) throw new Error(`sign-in of ${s.email}: no session cookie (HTTP ${res.status})`);
		s.cookie = c.split(';')[0];
	}

	// A teacher's class with every student in it, and an assignment of the first questions of the bank allowing two attempts.
	const teacherId = randomUUID();
	await admin`insert into "user" (id, email, display_name, password_hash, role) values (${teacherId}, 'teacher@crash.test', 'Crash Teacher', ${passwordHash}, 'teacher')`;
	const classId = randomUUID();
	const setId = randomUUID();
	assignmentId = randomUUID();
	await admin`insert into class (id, teacher_id, name, join_code) values (${classId}, ${teacherId}, 'Crash class', 'CRASHX')`;
	await admin`insert into question_set (id, teacher_id, name) values (${setId}, ${teacherId}, 'Crash set')`;
	await admin`insert into question_set_item (set_id, position, question_version_id)
		select ${setId}, row_number() over (order by q.id) - 1, q.current_version_id from question q where q.active and q.owner_id is null order by q.id limit ${opts.questions}`;
	await admin`insert into assignment (id, class_id, set_id, title, opens_at, due_at, time_zone, attempts_allowed)
		values (${assignmentId}, ${classId}, ${setId}, 'Crash assignment', now() - interval '1 hour', now() + interval '1 day', 'UTC', ${ASSIGNMENT_ATTEMPTS})`;
	for (const s of students)
		await admin`insert into class_member (class_id, user_id) values (${classId}, ${s.userId})`;

	log(
		`students answering; ${opts.nodeKills} server kills and ${opts.pgCrashes} Postgres crashes about ${opts.interval} s apart`
	);
	const loops = students.map((s) => studentLoop(s));
	const faults: ('node' | 'pg')[] = [
		...Array(opts.nodeKills).fill('node'),
		...Array(opts.pgCrashes).fill('pg')
	];
	const order = rng(42);
	for (let i = faults.length - 1; i > 0; i--) {
		const j = Math.floor(order() * (i + 1));
		[faults[i], faults[j]] = [faults[j], faults[i]];
	}
	let overlapped = false;
	let nodeFaults = 0;
	for (let i = 0; i < faults.length; i++) {
		await sleep(opts.interval * 1000 * (0.5 + Math.random()));
		// Some faults use up a later server kill: taken from those not done yet, so the totals stay as asked.
		const laterKill = () => faults.indexOf('node', i + 1);
		if (faults[i] === 'node') {
			// Every third server kill is followed by a second one in the middle of the restart (migrations, bank sync).
			const duringStart = ++nodeFaults % 3 === 2 && laterKill() > 0;
			if (duringStart) {
				faults.splice(laterKill(), 1);
				await killAndRestartServer(false);
				await sleep(100 + Math.random() * 1400);
				// Counted only if it really was still starting (serve.js prints "Listening" once the app is up).
				if (!server!.output.includes('Listening on')) stats.killsDuringStart++;
			}
			await killAndRestartServer();
			log(
				`server killed${duringStart ? ', and again while starting,' : ''} and restarted (${stats.nodeKills}/${opts.nodeKills}) in ${stats.restartSeconds.at(-1)!.toFixed(1)} s; ${stats.acks.save} answers acknowledged so far`
			);
		} else {
			// The first crash also kills the server while the database is down (the kill counts towards --node-kills).
			const both = !overlapped && laterKill() > 0;
			if (both) {
				overlapped = true;
				faults.splice(laterKill(), 1);
			}
			await crashPostgres(students[0], both);
			log(
				`Postgres crashed and restarted (${stats.pgCrashes}/${opts.pgCrashes})${both ? ', the server killed while it was down' : ''}; ${stats.status503} answers 503 so far`
			);
		}
	}
	await sleep(opts.interval * 1000);
	running = false;
	log('stopping the students');
	await Promise.all(loops);

	log('checking the database');
	const checks = await checkDatabase(admin, students);
	log('resuming every attempt');
	const resumed = await checkResume(students, checks.attempts);
	log('an outage inside a form action');
	await probeOutageInsideAction(admin, students[0]);
	await admin.end({ timeout: 5 });

	const summary = {
		students: opts.students,
		requests: stats.requests,
		acknowledged: stats.acks,
		networkErrors: stats.networkErrors,
		answered503: stats.status503,
		otherStatuses: stats.otherStatuses,
		serverKills: stats.nodeKills,
		serverKillsDuringStart: stats.killsDuringStart,
		serverRestarts: stats.nodeRestarts,
		serverRestartSeconds: stats.restartSeconds.length
			? {
					mean: +(
						stats.restartSeconds.reduce((a, b) => a + b, 0) / stats.restartSeconds.length
					).toFixed(2),
					max: +Math.max(...stats.restartSeconds).toFixed(2)
				}
			: null,
		postgresCrashes: stats.pgCrashes,
		postgresRestarts: stats.pgRestarts,
		outageProbes: stats.outageProbes,
		actionOutageProbes: stats.actionOutageProbes,
		acknowledgedAnswersChecked: checks.checkedAnswers,
		answersRegraded: checks.regraded,
		attemptsRescored: checks.scored,
		attempts: checks.attempts.length,
		assignmentAttempts: checks.assignmentAttempts,
		attemptsResumed: resumed,
		reviewCardsChecked: checks.cardsChecked,
		synchronousCommit: !opts.asyncCommit,
		seconds: Math.round((Date.now() - t0) / 1000),
		violations
	};
	console.log(JSON.stringify(summary, null, 2));
	console.log(
		`crash test: ${summary.requests} requests, ${Object.values(stats.acks).reduce((a, b) => a + b, 0)} acknowledged (${stats.acks.save} answers), ${summary.serverKills} server kills, ${summary.serverRestarts} restarts, ${summary.postgresCrashes} Postgres crashes, ${summary.answered503} answers 503, ${violations.length} violations`
	);
	if (opts.out) writeFileSync(opts.out, JSON.stringify(summary, null, 2));
	return violations.length === 0;
}

main()
	.then(async (ok) => {
		await cleanup();
		process.exit(ok ? 0 : 1);
	})
	.catch(async (e) => {
		console.error(e);
		if (server) console.error(`server output (last part):\n${server.output.slice(-4000)}`);
		await cleanup();
		process.exit(2);
	});
