// The knowledge matrix (issue 12): for an assignment with each feedback mode, before and after each event
// (start, save or check, submit, due time, removal from the class), two students, one who answered right
// and one who answered wrong, request every page and its __data.json, every GET endpoint (the list comes
// from src/routes through tests/helpers/routes.ts, so a new route cannot be forgotten), a practice quiz of
// 50 questions submitted blank (the way keys leaked through practice), and the event actions themselves.
// Two checks on every body:
//   - markers: no explanation of the assignment's questions appears until the rule allows it;
//   - the diff: until then, a right and a wrong answer give the same body once ids, names and clocks are
//     masked (a body that differs only by correctness is a leak even without a marker).
// Plain fetch with cookies, no clicking; the due time is moved by writing the database, so the test needs
// a Postgres (TEST_DATABASE_URL, which npm test sets) and runs on a server of its own.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Question } from '../../src/lib/bank/types.ts';
import { loadRealBank } from '../helpers/bank.ts';
import { discoverRoutes, paramNames, pathOf } from '../helpers/routes.ts';
import { startServerOnPostgres } from '../helpers/server.ts';

const bank = loadRealBank();
const SET_SIZE = 4;
type Mode = 'after_each' | 'after_submit' | 'after_due';
type Single = Extract<Question, { type: 'single' }>;

/** Single-choice questions with an explanation long enough to be a marker found nowhere else. */
const visible = bank.questions
	.flatMap((q) => [
		q.prompt,
		...(q.type === 'single' || q.type === 'multiple' ? q.options.map((o) => o.text) : [])
	])
	.join('\n');
const quotes = bank.facts.map((f) => f.quote).join('\n');
function markerOf(q: Question): string | null {
	const run = q.explanation
		.split(/["'&<>\\\u2028\u2029]/)
		.map((s) => s.trim())
		.sort((a, b) => b.length - a.length)[0]
		.slice(0, 60)
		.trim();
	const elsewhere = bank.questions.some((o) => o.id !== q.id && o.explanation.includes(run));
	return run.length >= 25 && !visible.includes(run) && !quotes.includes(run) && !elsewhere
		? run
		: null;
}
const candidates = bank.questions.filter(
	(q): q is Single => q.type === 'single' && markerOf(q) !== null
);

/** Pages and GET endpoints a browser can request; the benchmark's routes and signing out excluded. */
const READABLE = discoverRoutes().filter(
	(r) =>
		(r.kind === 'page' || (r.kind === 'endpoint' && r.method === 'GET')) &&
		!r.routeId.startsWith('/(bench)') &&
		r.routeId !== '/signout'
);

/** The attempt id of a student who has not started one: the same for both, so their paths match. */
const NO_ATTEMPT = '00000000-0000-4000-8000-000000000000';

let server: Awaited<ReturnType<typeof startServerOnPostgres>> = null;
test.afterAll(async () => server?.dispose());

test('knowledge matrix: no key, score or verdict of an assignment before the rule allows it', async () => {
	test.setTimeout(240_000);
	server = await startServerOnPostgres();
	test.skip(!server, 'needs a Postgres (TEST_DATABASE_URL) to move the due time');
	const { baseURL, sql } = server!;
	let requests = 0;

	async function send(cookie: string, method: string, path: string, form?: Record<string, string>) {
		requests++;
		const res = await fetch(new URL(path, baseURL), {
			method,
			redirect: 'manual',
			headers: {
				cookie,
				origin: baseURL,
				// As a browser's form post: a redirect, not SvelteKit's JSON action result.
				accept: 'text/html',
				...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {})
			},
			body: form ? new URLSearchParams(form).toString() : undefined
		});
		return {
			status: res.status,
			location: res.headers.get('location') ?? '',
			body: await res.text()
		};
	}
	const postForm = (path: string, form: Record<string, string>) =>
		fetch(new URL(path, baseURL), {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: baseURL,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams(form).toString()
		});
	/** A new account, then signed in (sign-up itself does not sign in: it must not tell taken emails apart). */
	async function signUp(name: string) {
		const email = `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@test.example`;
		const password = `matrix-${randomUUID()}`;
		await postForm('/signup', { displayName: name, email, password });
		const res = await postForm('/signin', { email, password });
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session='));
		expect(cookie, `${name} signed in`).toBeTruthy();
		const [{ id }] = await sql`select id from "user" where email = ${email}`;
		return { name, cookie: cookie!.split(';')[0], id: id as string };
	}
	const [teacher] = await sql`select id from "user" where email = 'teacher@demo.test'`;

	// One class, set and assignment per mode, so each mode's questions are its own.
	async function world(mode: Mode, offset: number) {
		const questions = candidates.slice(offset * SET_SIZE, (offset + 1) * SET_SIZE);
		expect(questions).toHaveLength(SET_SIZE);
		const classId = randomUUID();
		const setId = randomUUID();
		const assignmentId = randomUUID();
		await sql`insert into class (id, teacher_id, name, join_code) values (${classId}, ${teacher.id}, ${'Matrix ' + mode}, ${'M' + randomUUID().slice(0, 8)})`;
		await sql`insert into question_set (id, teacher_id, name) values (${setId}, ${teacher.id}, ${'Matrix ' + mode})`;
		for (const [position, q] of questions.entries())
			await sql`insert into question_set_item (set_id, position, question_version_id)
				select ${setId}, ${position}, current_version_id from question where id = ${q.id}`;
		await sql`insert into assignment (id, class_id, set_id, title, opens_at, due_at, time_zone, attempts_allowed, shuffle_questions, shuffle_options, feedback)
			values (${assignmentId}, ${classId}, ${setId}, ${'Matrix ' + mode}, now() - interval '1 hour', now() + interval '2 days', 'UTC', 3, false, false, ${mode})`;
		const right = await signUp('Amadou');
		const wrong = await signUp('Binta');
		for (const s of [right, wrong])
			await sql`insert into class_member (class_id, user_id) values (${classId}, ${s.id})`;
		const [fact] = questions[0].facts;
		const slug = bank.facts.find((f) => f.id === fact)!.article;
		return { mode, questions, classId, setId, assignmentId, slug, students: [right, wrong] };
	}
	type World = Awaited<ReturnType<typeof world>>;
	type Student = World['students'][number] & { attemptId?: string; seed?: string };

	function paramsFor(w: World, s: Student, routeId: string) {
		const values: Record<string, string> = { n: '1', slug: w.slug };
		values.id = routeId.includes('/attempts/')
			? (s.attemptId ?? NO_ATTEMPT)
			: routeId.includes('/teach/classes/')
				? w.classId
				: routeId.includes('/teach/sets/')
					? w.setId
					: w.assignmentId;
		return Object.fromEntries(paramNames(routeId).map((p) => [p, values[p]]));
	}

	/** Every readable path of one student, each page also as __data.json. */
	function pathsOf(w: World, s: Student) {
		return READABLE.flatMap((r) => {
			const p = pathOf(r.routeId, paramsFor(w, s, r.routeId));
			return r.kind === 'page' ? [p, p === '/' ? '/__data.json' : `${p}/__data.json`] : [p];
		});
	}

	/** A practice quiz of 50 questions submitted blank: its results show every key it drew. */
	async function practiceProbe(s: Student) {
		const started = await send(s.cookie, 'POST', '/practice', {
			count: '50',
			seed: randomUUID().slice(0, 8)
		});
		const id = started.location.split('/')[2];
		expect(started.status, `practice started: ${started.body.slice(0, 300)}`).toBe(303);
		await send(s.cookie, 'POST', `/attempts/${id}/review?/submit`, {});
		return (await send(s.cookie, 'GET', `/attempts/${id}/results`)).body;
	}

	const mask = (w: World, body: string) => {
		let out = body;
		for (const s of w.students as Student[])
			for (const v of [s.attemptId, s.seed, s.id, s.name]) if (v) out = out.split(v).join('<who>');
		return (
			out
				.replace(/nonce="[^"]*"/g, 'nonce')
				// Paths relative to the page's own depth.
				.replace(/(?:\.\.\/)+_app|\.\/_app/g, '_app')
				.replace(/new URL\("[./]*"/g, 'new URL("<base>"')
				.replace(/[\w.-]+@test\.example/g, '<email>')
				.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
				.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '<time>')
				.replace(/\d{13}/g, '<ms>')
				.replace(/\d{1,2}:\d{2}/g, '<hh:mm>')
				.replace(/"\d+"/g, '"<n>"')
		);
	};

	const paths = new Set<string>();
	const leaks: string[] = [];

	/**
	 * Requests everything for both students and checks it. `allowed(student, path)`: the markers this body
	 * may hold (the rule's answer); `diff`: whether a right and a wrong answer must look the same.
	 */
	async function look(
		w: World,
		stage: string,
		allowed: (s: Student, path: string) => boolean,
		diff: (path: string) => boolean
	) {
		const bodies: Map<string, string>[] = [new Map(), new Map()];
		for (const [i, s] of (w.students as Student[]).entries()) {
			await Promise.all(
				pathsOf(w, s).map(async (p) => {
					paths.add(p.replace(/[0-9a-f-]{36}/g, ':id'));
					const { body } = await send(s.cookie, 'GET', p);
					bodies[i].set(p.replace(s.attemptId ?? '\0', ':attempt'), body);
					if (!allowed(s, p)) checkMarkers(w, `${stage} ${s.name} GET ${p}`, body);
				})
			);
			if (!allowed(s, 'practice'))
				checkMarkers(w, `${stage} ${s.name} practice`, await practiceProbe(s));
		}
		for (const [p, right] of bodies[0]) {
			if (!diff(p)) continue;
			const wrong = bodies[1].get(p) ?? '';
			if (mask(w, right) === mask(w, wrong)) continue;
			appendFileSync(
				join(tmpdir(), 'knowledge-diff.txt'),
				`\n##### ${w.mode} ${stage} ${p}\n${mask(w, right)}\n=====\n${mask(w, wrong)}`
			);
			leaks.push(`${w.mode} ${stage}: GET ${p} differs between a right and a wrong answer`);
		}
	}
	function checkMarkers(w: World, where: string, body: string) {
		for (const q of w.questions)
			if (body.includes(markerOf(q)!)) leaks.push(`${w.mode} ${where}: explanation of ${q.id}`);
	}
	async function event(
		w: World,
		stage: string,
		s: Student,
		method: string,
		path: string,
		form = {}
	) {
		const res = await send(s.cookie, method, path, form);
		if (res.status >= 400)
			throw new Error(`${stage} ${s.name} ${path}: ${res.status} ${res.body.slice(0, 200)}`);
		checkMarkers(w, `${stage} ${s.name} ${method} ${path}`, res.body);
		return res;
	}
	const never = () => false;
	const always = () => true;
	const quizPage = (p: string) => /\/attempts\/[^/]+\/1(\/__data\.json)?$/.test(p);

	for (const [offset, mode] of (['after_each', 'after_submit', 'after_due'] as Mode[]).entries()) {
		const w = await world(mode, offset);
		const [right, wrong] = w.students as Student[];
		await look(w, 'before start', never, always);

		for (const s of [right, wrong]) {
			const started = await event(w, 'start', s, 'POST', `/assignments/${w.assignmentId}?/start`);
			s.attemptId = started.location.split('/')[2];
			[{ seed: s.seed }] = await sql`select seed from attempt where id = ${s.attemptId}`;
		}
		await look(w, 'started', never, always);

		// Question 1: right for one, wrong for the other ("Check answer" with feedback after each question).
		const q = w.questions[0];
		const keyId = q.options.find((o) => o.correct)!.id;
		const wrongId = q.options.find((o) => !o.correct)!.id;
		for (const s of [right, wrong])
			await event(
				w,
				'save',
				s,
				'POST',
				`/attempts/${s.attemptId}/1?/${mode === 'after_each' ? 'check' : 'save'}`,
				{
					questionId: q.id,
					questionType: 'single',
					choice: s === right ? keyId : wrongId,
					basedOn: ''
				}
			);
		// The quiz page echoes the learner's own choice: it may differ, and after "Check" it shows the key.
		const checked = (_s: Student, p: string) => mode === 'after_each' && quizPage(p);
		await look(w, 'saved', checked, (p) => !quizPage(p));

		for (const s of [right, wrong])
			await event(w, 'submit', s, 'POST', `/attempts/${s.attemptId}/review?/submit`);
		if (mode !== 'after_due') {
			// Released: the markers must now be found (else they could never match).
			const shown = (await send(right.cookie, 'GET', `/attempts/${right.attemptId}/results`)).body;
			expect(shown, `${mode}: results after submitting`).toContain(markerOf(q)!);
			continue;
		}
		await look(w, 'submitted', never, (p) => !quizPage(p));

		// Removed from the class before the due time: nothing is released to them, then or later.
		// Their pages now differ from the other student's by membership, not by correctness: markers only. Out
		// of the class, practice draws from the whole bank again (their answers are final and hidden).
		await sql`delete from class_member where class_id = ${w.classId} and user_id = ${wrong.id}`;
		const practiceOfRemoved = (s: Student, p: string) => s === wrong && p === 'practice';
		await look(w, 'removed', practiceOfRemoved, never);

		await sql`update assignment set opens_at = now() - interval '3 days', due_at = now() - interval '1 minute' where id = ${w.assignmentId}`;
		await look(w, 'due', (s, p) => s === right || practiceOfRemoved(s, p), never);
		const shown = (await send(right.cookie, 'GET', `/attempts/${right.attemptId}/results`)).body;
		expect(shown, 'after the due time: results').toContain(markerOf(q)!);
	}

	// Differing pairs of bodies are in knowledge-diff.txt in the temporary folder.
	console.log(`knowledge matrix: ${paths.size} paths, ${requests} requests, ${leaks.length} leaks`);
	expect(leaks).toEqual([]);
});
