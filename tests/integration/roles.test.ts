// The way in for teachers, from an empty database: the first real account becomes the administrator
// (demo accounts do not count), later sign-ups are students, an administrator changes roles, and a
// teacher's invite link makes one teacher, once, until it expires.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createUser, ensureDemoUsers } from '../../src/lib/server/auth.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { user } from '../../src/lib/server/db/schema.ts';
import { RequestError } from '../../src/lib/server/errors.ts';
import {
	acceptTeacherInvite,
	changeAccount,
	claimFirstAdmin,
	createTeacherInvite,
	INVITE_LIFETIME_MS,
	readInvite
} from '../../src/lib/server/roles.ts';
import { backends, createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const PASSWORD = 'correct-horse-battery';

describe.each(backends())('roles on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;
	// One migrated database per backend, emptied of accounts before each test: "empty install" again.
	beforeAll(async () => {
		database = await createTestDatabase(backend);
		db = database.db;
	});
	afterAll(() => database.dispose());
	beforeEach(() => db.delete(user));

	const signUp = async (email: string) => {
		const u = await createUser(db, { email, password: PASSWORD, displayName: email });
		const admin = await claimFirstAdmin(db, email);
		return { ...u, admin };
	};
	const roleOf = async (id: string) =>
		(
			await db.select({ role: user.role, isAdmin: user.isAdmin }).from(user).where(eq(user.id, id))
		)[0];

	test('the first sign-up of an empty install administers and teaches; the next is a student', async () => {
		const first = await signUp('head@school.test');
		const second = await signUp('pupil@school.test');
		expect(first.admin).toBe(true);
		expect(await roleOf(first.id)).toEqual({ role: 'teacher', isAdmin: true });
		expect(second.admin).toBe(false);
		expect(await roleOf(second.id)).toEqual({ role: 'student', isAdmin: false });
	});

	test('demo accounts do not count as the first account', async () => {
		await ensureDemoUsers(db);
		const first = await signUp('head@school.test');
		expect(await roleOf(first.id)).toEqual({ role: 'teacher', isAdmin: true });
	});

	test('two sign-ups at once make one administrator', async () => {
		const [a, b] = await Promise.all([
			createUser(db, { email: 'a@school.test', password: PASSWORD, displayName: 'A' }),
			createUser(db, { email: 'b@school.test', password: PASSWORD, displayName: 'B' })
		]);
		const won = await Promise.all([claimFirstAdmin(db, a.email), claimFirstAdmin(db, b.email)]);
		expect(won.filter(Boolean)).toHaveLength(1);
		expect(await db.select().from(user).where(eq(user.isAdmin, true))).toHaveLength(1);
	});

	test('an administrator makes a teacher and cannot drop their own rights', async () => {
		const head = await signUp('head@school.test');
		const colleague = await signUp('colleague@school.test');
		await changeAccount(db, head.id, colleague.id, { role: 'teacher' });
		expect((await roleOf(colleague.id)).role).toBe('teacher');
		await expect(changeAccount(db, head.id, head.id, { isAdmin: false })).rejects.toThrow(
			RequestError
		);
		expect((await roleOf(head.id)).isAdmin).toBe(true);
	});

	test('an invite link makes one teacher, once, and not after it expires', async () => {
		const head = await signUp('head@school.test');
		const now = new Date('2026-12-01T10:00:00Z');
		const { token } = await createTeacherInvite(db, head.id, now);
		expect(await readInvite(db, token, now)).toMatchObject({ state: 'open' });
		expect(await readInvite(db, `${token}x`, now)).toBeNull();

		const [x, y] = [await signUp('x@school.test'), await signUp('y@school.test')];
		const outcomes = await Promise.allSettled([
			acceptTeacherInvite(db, token, x.id, now),
			acceptTeacherInvite(db, token, y.id, now)
		]);
		expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
		const roles = [(await roleOf(x.id)).role, (await roleOf(y.id)).role].sort();
		expect(roles).toEqual(['student', 'teacher']);
		expect(await readInvite(db, token, now)).toMatchObject({ state: 'used' });

		const late = await createTeacherInvite(db, head.id, now);
		const after = new Date(now.getTime() + INVITE_LIFETIME_MS + 1);
		const z = await signUp('z@school.test');
		expect(await readInvite(db, late.token, after)).toMatchObject({ state: 'expired' });
		await expect(acceptTeacherInvite(db, late.token, z.id, after)).rejects.toThrow(/expired/);
		expect((await roleOf(z.id)).role).toBe('student');
	});
});
