// The live scenario of `npm run bench`: one live session of an assignment run by the seeded teacher, with
// `students` seeded students on their phones over `questions` questions, played by live-load.mjs in a
// process of its own. The session is opened through the teacher's page; the answers are the form bodies a
// phone posts (someResponse: right about 60% of the time). With several servers the students are dealt
// among them in turn and the projector and the teacher's controls use the first: every change then
// crosses processes through Postgres LISTEN/NOTIFY.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type postgres from 'postgres';
import type { Question } from '../../src/lib/bank/types.ts';
import { formBody, rng, someResponse } from './answers.ts';
import type { Population } from './seed.ts';

export type LiveServer = { url: string; pid: number };

export type LiveConfig = {
	students: number;
	questions: number;
	/** Each phone answers within this long of showing the question (uniformly drawn). */
	thinkMs: number;
	/** How long the teacher leaves each reveal on the screen before the next question. */
	revealPauseMs: number;
	secondsPerQuestion: number;
};

type Summary = { count: number; p50: number | null; p99: number | null; max: number | null };

/** What live-load.mjs reports (times in ms). */
type ClassroomResult = {
	students: number;
	questions: number;
	seconds: number;
	joinMs: number | null;
	finishMs: number | null;
	finishedShownMs: number | null;
	answersSent: number;
	answersAcknowledged: number;
	answerToProjectorMs: Summary;
	answerToProjectorEventMs: Summary;
	answerAckMs: Summary;
	revealToAllPhonesMs: Summary;
	revealShownOnAllPhonesMs: Summary;
	projectorReloads: number;
	phoneReloads: number;
	perQuestion: unknown[];
	problems: string[];
};

export type LiveResult = ClassroomResult & {
	processes: number;
	/** Which of the sessions in a row on the same servers (--live-sessions). */
	round?: number;
	sessionId: string;
	answersStored: number;
	/** Answers sent that the database does not hold (refused or dropped): must be 0. */
	answersLost: number;
	attemptsRecorded: number;
	rss: { beforeKb: number | null; maxKb: number; afterKb: number | null }[];
};

export async function runLiveSession(deps: {
	servers: LiveServer[];
	sql: postgres.Sql;
	pop: Population;
	assignmentId: string;
	config: LiveConfig;
	scratch: string;
	log: (...args: unknown[]) => void;
	rssKb: (pid: number) => number | null;
}): Promise<LiveResult> {
	const { servers, sql, pop, config } = deps;
	const teacherBase = servers[0].url;
	const teacherCookie = `session=${pop.teacherToken}`;

	// The teacher opens the session from the assignment, as the item-analysis page's "Run live" does.
	const created = await fetch(`${teacherBase}/teach/live?/create`, {
		method: 'POST',
		headers: {
			cookie: teacherCookie,
			origin: teacherBase,
			'content-type': 'application/x-www-form-urlencoded',
			'x-sveltekit-action': 'true',
			accept: 'application/json'
		},
		body: new URLSearchParams({
			assignmentId: deps.assignmentId,
			secondsPerQuestion: String(config.secondsPerQuestion)
		}).toString()
	});
	const createdBody = await created.text();
	const location = (JSON.parse(createdBody) as { location?: string }).location ?? '';
	const sessionId = /^\/teach\/live\/([^/?]+)$/.exec(location)?.[1];
	if (!sessionId)
		throw new Error(`live: the session was not created: ${createdBody.slice(0, 300)}`);
	const [{ join_code: joinCode }] =
		await sql`select join_code from live_session where id = ${sessionId}`;
	const questions = (
		await sql`select qv.body from live_question lq join question_version qv on qv.id = lq.question_version_id
			where lq.session_id = ${sessionId} order by lq.position`
	).map((row) => row.body as Question);
	const asked = Math.min(config.questions, questions.length);

	const r = rng(0x11fe);
	const answers = questions
		.slice(0, asked)
		.map((q) => Array.from({ length: config.students }, () => formBody(q, someResponse(q, r))));
	const students = Array.from({ length: config.students }, (_, u) => ({
		base: servers[u % servers.length].url,
		cookie: `session=${pop.ids.token(u)}`
	}));
	const specFile = path.join(deps.scratch, `live-${servers.length}-${sessionId}.json`);
	writeFileSync(
		specFile,
		JSON.stringify({
			sessionId,
			joinCode,
			teacher: { base: teacherBase, cookie: teacherCookie },
			students,
			answers,
			questions: asked,
			lastOfSet: asked === questions.length,
			thinkMs: config.thinkMs,
			revealPauseMs: config.revealPauseMs,
			secondsPerQuestion: config.secondsPerQuestion,
			seed: 0x5e55
		})
	);

	const rss = servers.map((s) => ({
		beforeKb: deps.rssKb(s.pid),
		maxKb: 0,
		afterKb: null as number | null
	}));
	const sample = () =>
		servers.forEach((s, i) => (rss[i].maxKb = Math.max(rss[i].maxKb, deps.rssKb(s.pid) ?? 0)));
	deps.log(
		`live: ${config.students} students, ${asked} questions, ${servers.length} app process${servers.length > 1 ? 'es' : ''}`
	);
	const classroom = await new Promise<ClassroomResult>((resolve, reject) => {
		const child = spawn(process.execPath, ['scripts/bench/live-load.mjs', specFile], {
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		const tick = setInterval(sample, 200);
		child.on('close', (code) => {
			clearInterval(tick);
			if (code !== 0) return reject(new Error(`live-load.mjs failed (${code}): ${err}`));
			resolve(JSON.parse(out));
		});
	});
	sample();
	servers.forEach((s, i) => (rss[i].afterKb = deps.rssKb(s.pid)));

	const [{ stored, attempts }] = await sql`
		select (select count(*) from live_answer where session_id = ${sessionId})::int as stored,
			(select count(*) from attempt where live_session_id = ${sessionId})::int as attempts`;
	return {
		...classroom,
		processes: servers.length,
		sessionId,
		answersStored: stored,
		answersLost: Math.max(0, classroom.answersSent - stored),
		attemptsRecorded: attempts,
		rss
	};
}
