// Seeds a synthetic population straight into Postgres with COPY (one statement per table, not one
// insert per row): students with sessions, practice attempts in progress with their questions and
// some answers, and a teacher with a large and a small class whose assignments were all taken.
//
// Columns are found through the Drizzle schema (property → column name), so renaming a column in
// src/lib/server/db/schema.ts does not break the seeder; a new NOT NULL column without a default does,
// loudly.
//
// Ids are derived from numbers (attempt k, user u) so pgbench scripts can pick random rows with \set:
//   user u      → <tag>-b000-4000-8000-<u, 12 digits>
//   attempt k   → <tag>-a000-4000-8000-<k, 12 digits>, owned by user k % users
//   session     → sha256 of the cookie token "bench-<tag>-<u>"
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { asc, eq, getTableColumns, getTableName } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import type { PgTable } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';
import type { Question } from '../../src/lib/bank/types.ts';
import { hashPassword } from '../../src/lib/server/auth.ts';
import * as schema from '../../src/lib/server/db/schema.ts';
import { gradeResponse } from '../../src/lib/quiz/grade.ts';
import type { Response } from '../../src/lib/quiz/types.ts';
import { rng, sample, someResponse } from './answers.ts';

export const QUESTIONS_PER_ATTEMPT = 10;
export const BENCH_PASSWORD = 'bench-password-1';

export type SeedOptions = {
	users: number;
	attempts: number;
	/** Students in the large class (the gradebook's subject). */
	classSize: number;
	assignments: number;
	/** Share of the practice attempts kept for the submit route (each submit needs a fresh one). */
	submitShare: number;
};

export type Ids = ReturnType<typeof idScheme>;

export function idScheme(tag: string) {
	const pad = (n: number) => String(n).padStart(12, '0');
	return {
		tag,
		userPrefix: `${tag}-b000-4000-8000-`,
		attemptPrefix: `${tag}-a000-4000-8000-`,
		tokenPrefix: `bench-${tag}-`,
		user: (u: number) => `${tag}-b000-4000-8000-${pad(u)}`,
		attempt: (k: number) => `${tag}-a000-4000-8000-${pad(k)}`,
		token: (u: number) => `bench-${tag}-${u}`,
		sessionId: (token: string) => createHash('sha256').update(token).digest('hex'),
		other: (kind: string, n: number) => `${tag}-${kind}-4000-8000-${pad(n)}`
	};
}

export type SeededAttempt = { k: number; id: string; user: number; questions: Question[] };

export type Population = {
	ids: Ids;
	users: number;
	/** Practice attempts in progress for page views and saves: k in [0, loadAttempts). */
	loadAttempts: SeededAttempt[];
	/** Practice attempts in progress kept for submits: k in [loadAttempts.length, attempts). */
	submitAttempts: SeededAttempt[];
	/** A user with attempts of their own that nothing else touches: one request per route is traced on it. */
	probe: { user: number; token: string; attempts: SeededAttempt[] };
	teacherToken: string;
	bigClassId: string;
	smallClassId: string;
	bigClassAssignmentIds: string[];
	smallClassAssignmentIds: string[];
	rows: Record<string, number>;
};

// ---- COPY -------------------------------------------------------------------------------------

function copyText(value: unknown): string {
	if (value === null || value === undefined) return '\\N';
	let s: string;
	if (value instanceof Date) s = value.toISOString();
	else if (typeof value === 'boolean') s = value ? 't' : 'f';
	else if (typeof value === 'number') s = String(value);
	else if (typeof value === 'string') s = value;
	else s = JSON.stringify(value);
	return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** COPY rows (objects keyed by the schema's property names) into a table. */
async function copyInto(sql: postgres.Sql, table: PgTable, rows: Record<string, unknown>[]) {
	if (rows.length === 0) return 0;
	const columns = getTableColumns(table) as Record<string, { name: string }>;
	const props = Object.keys(rows[0]);
	for (const p of props)
		if (!columns[p])
			throw new Error(`seed: table "${getTableName(table)}" has no property "${p}" in schema.ts`);
	const list = props.map((p) => `"${columns[p].name}"`).join(', ');
	const stream = await sql.unsafe(`copy "${getTableName(table)}" (${list}) from stdin`).writable();
	let chunk = '';
	for (const row of rows) {
		chunk += props.map((p) => copyText(row[p])).join('\t') + '\n';
		if (chunk.length > 1 << 20) {
			if (!stream.write(chunk)) await once(stream, 'drain');
			chunk = '';
		}
	}
	if (chunk) stream.write(chunk);
	stream.end();
	await once(stream, 'finish');
	return rows.length;
}

// ---- the population -----------------------------------------------------------------------------

export async function seedPopulation(
	sql: postgres.Sql,
	options: SeedOptions,
	tag = randomBytes(4).toString('hex')
): Promise<Population> {
	const ids = idScheme(tag);
	const r = rng(0x5eed);
	const db = drizzle(sql, { schema });
	const bank = await db
		.select({ versionId: schema.questionVersion.id, body: schema.questionVersion.body })
		.from(schema.question)
		.innerJoin(
			schema.questionVersion,
			eq(schema.question.currentVersionId, schema.questionVersion.id)
		)
		.where(eq(schema.question.active, true))
		.orderBy(asc(schema.question.id));
	if (bank.length < QUESTIONS_PER_ATTEMPT)
		throw new Error('seed: the bank is not loaded (is the server up?)');
	const versionOf = new Map(bank.map((b) => [b.body.id, b.versionId]));
	const now = Date.now();
	const HOUR = 3_600_000;
	const DAY = 24 * HOUR;

	// One real argon2id hash (OWASP settings, as sign-up makes them), shared by every seeded account.
	const passwordHash = await hashPassword(BENCH_PASSWORD);
	const U = options.users;
	const probeUser = U; // one past the students
	const users: Record<string, unknown>[] = [];
	const sessions: Record<string, unknown>[] = [];
	// Sessions fresher than half their life: validating them never writes (no sliding renewal).
	const expiresAt = new Date(now + 29 * DAY);
	for (let u = 0; u <= U; u++) {
		users.push({
			id: ids.user(u),
			email: `bench-${tag}-${u}@bench.test`,
			displayName: `Bench Student ${u}`,
			passwordHash,
			role: 'student'
		});
		sessions.push({ id: ids.sessionId(ids.token(u)), userId: ids.user(u), expiresAt });
	}
	const teacherId = ids.other('c000', 0);
	const teacherToken = `bench-${tag}-teacher`;
	users.push({
		id: teacherId,
		email: `bench-${tag}-teacher@bench.test`,
		displayName: 'Bench Teacher',
		passwordHash,
		role: 'teacher'
	});
	sessions.push({ id: ids.sessionId(teacherToken), userId: teacherId, expiresAt });

	const attempts: Record<string, unknown>[] = [];
	const attemptQuestions: Record<string, unknown>[] = [];
	const answers: Record<string, unknown>[] = [];
	const grade = (q: Question, response: Response) => gradeResponse(q, response);

	const practice = (k: number, user: number): SeededAttempt => {
		const questions = sample(r, bank, QUESTIONS_PER_ATTEMPT).map((b) => b.body);
		const id = ids.attempt(k);
		const startedAt = new Date(now - Math.floor(r() * 48) * HOUR - HOUR);
		attempts.push({
			id,
			userId: ids.user(user),
			seed: `bench${k}`,
			filters: { count: QUESTIONS_PER_ATTEMPT },
			status: 'in_progress',
			startedAt,
			maxScore: questions.length
		});
		questions.forEach((q, position) => {
			attemptQuestions.push({ attemptId: id, position, questionVersionId: versionOf.get(q.id)! });
			// About half the questions of an attempt in progress are answered.
			if (r() < 0.5) {
				const response = someResponse(q, r);
				const g = grade(q, response);
				answers.push({
					attemptId: id,
					position,
					response,
					score: g.score,
					correct: g.correct,
					answeredAt: new Date(startedAt.getTime() + (position + 1) * 30_000)
				});
			}
		});
		return { k, id, user, questions };
	};

	const submitCount = Math.max(1, Math.floor(options.attempts * options.submitShare));
	const loadCount = Math.max(1, options.attempts - submitCount);
	const loadAttempts: SeededAttempt[] = [];
	const submitAttempts: SeededAttempt[] = [];
	for (let k = 0; k < loadCount; k++) loadAttempts.push(practice(k, k % U));
	for (let k = loadCount; k < loadCount + submitCount; k++) submitAttempts.push(practice(k, k % U));
	// The probe's attempts: numbered past the others, owned by the probe user alone.
	const probeAttempts = [0, 1, 2, 3].map((i) => practice(loadCount + submitCount + i, probeUser));

	// ---- teaching: a large class (the gradebook's subject) and a small one (same query count?) ----
	const classes: Record<string, unknown>[] = [];
	const members: Record<string, unknown>[] = [];
	const sets: Record<string, unknown>[] = [];
	const setItems: Record<string, unknown>[] = [];
	const assignments: Record<string, unknown>[] = [];
	let classAttemptNo = 0;
	let setNo = 0;
	let assignmentNo = 0;
	const makeClass = (n: number, size: number, assignmentCount: number) => {
		const classId = ids.other('e000', n);
		classes.push({
			id: classId,
			teacherId,
			name: `Bench class ${n} (${size} students)`,
			joinCode: `B${tag.toUpperCase()}${n}`
		});
		const students = Array.from({ length: Math.min(size, U) }, (_, i) => i);
		for (const s of students) members.push({ classId, userId: ids.user(s) });
		const assignmentIds: string[] = [];
		for (let a = 0; a < assignmentCount; a++) {
			const setId = ids.other('f000', setNo++);
			const questions = sample(r, bank, QUESTIONS_PER_ATTEMPT);
			sets.push({ id: setId, teacherId, name: `Bench set ${setNo}` });
			questions.forEach((q, position) =>
				setItems.push({ setId, position, questionVersionId: q.versionId })
			);
			const assignmentId = ids.other('9000', assignmentNo++);
			assignmentIds.push(assignmentId);
			const dueAt = new Date(now - (assignmentCount - a) * DAY);
			assignments.push({
				id: assignmentId,
				classId,
				setId,
				title: `Bench assignment ${a + 1}`,
				opensAt: new Date(dueAt.getTime() - 7 * DAY),
				dueAt,
				timeZone: 'UTC',
				attemptsAllowed: 2,
				feedback: 'after_submit'
			});
			for (const s of students) {
				// Everyone took it once; one in ten took a second attempt.
				const tries = r() < 0.1 ? 2 : 1;
				for (let t = 1; t <= tries; t++) {
					const id = ids.other('d000', classAttemptNo++);
					const startedAt = new Date(dueAt.getTime() - (3 - t) * DAY);
					let score = 0;
					questions.forEach(({ body: q, versionId }, position) => {
						attemptQuestions.push({ attemptId: id, position, questionVersionId: versionId });
						if (r() < 0.95) {
							const response = someResponse(q, r);
							const g = grade(q, response);
							score += g.score;
							answers.push({
								attemptId: id,
								position,
								response,
								score: g.score,
								correct: g.correct,
								answeredAt: new Date(startedAt.getTime() + (position + 1) * 30_000)
							});
						}
					});
					attempts.push({
						id,
						userId: ids.user(s),
						seed: `bench-class-${classAttemptNo}`,
						filters: { count: questions.length },
						status: 'submitted',
						startedAt,
						submittedAt: new Date(startedAt.getTime() + 20 * 60_000),
						score,
						maxScore: questions.length,
						assignmentId,
						attemptNumber: t
					});
				}
			}
		}
		return { classId, assignmentIds };
	};
	const big = makeClass(0, options.classSize, options.assignments);
	const small = makeClass(1, Math.min(10, options.classSize), Math.min(3, options.assignments));

	const rows: Record<string, number> = {};
	rows.user = await copyInto(sql, schema.user, users);
	rows.session = await copyInto(sql, schema.session, sessions);
	rows.class = await copyInto(sql, schema.schoolClass, classes);
	rows.class_member = await copyInto(sql, schema.classMember, members);
	rows.question_set = await copyInto(sql, schema.questionSet, sets);
	rows.question_set_item = await copyInto(sql, schema.questionSetItem, setItems);
	rows.assignment = await copyInto(sql, schema.assignment, assignments);
	rows.attempt = await copyInto(sql, schema.attempt, attempts);
	rows.attempt_question = await copyInto(sql, schema.attemptQuestion, attemptQuestions);
	rows.answer = await copyInto(sql, schema.answer, answers);
	await sql`analyze`;

	return {
		ids,
		users: U,
		loadAttempts,
		submitAttempts,
		probe: { user: probeUser, token: ids.token(probeUser), attempts: probeAttempts },
		teacherToken,
		bigClassId: big.classId,
		smallClassId: small.classId,
		bigClassAssignmentIds: big.assignmentIds,
		smallClassAssignmentIds: small.assignmentIds,
		rows
	};
}
