import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import {
	createSession,
	createUser,
	getUserByEmail,
	PASSWORD_MAX,
	PASSWORD_MIN,
	passwordLength
} from '$lib/server/auth.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { invalid, parseForm, readValues } from '$lib/server/form-actions.ts';
import { safeNextPath } from '$lib/server/next-path.ts';
import { setSessionCookie } from '$lib/server/session-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

const SignUp = z.object({
	displayName: z
		.string()
		.trim()
		.min(1, 'Enter your name.')
		.max(80, 'Keep the name under 80 characters.'),
	email: z.email('Enter a valid email address.').max(254, 'That email is too long.'),
	// Counted in characters (code points), so an emoji or a CJK character is one.
	password: z
		.string()
		.refine(
			(p) => passwordLength(p) >= PASSWORD_MIN,
			`Use at least ${PASSWORD_MIN} characters for the password.`
		)
		.refine(
			(p) => passwordLength(p) <= PASSWORD_MAX,
			`Use at most ${PASSWORD_MAX} characters for the password.`
		)
});

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async (event) => {
		const values = await readValues(event.request);
		// The password is never sent back to refill the form.
		const refill = { displayName: values.displayName ?? '', email: values.email ?? '' };
		const { data, failure } = parseForm(
			'default',
			SignUp,
			{ ...values, email: values.email?.trim() },
			refill
		);
		if (failure) return failure;
		const db = getDb();
		if (await getUserByEmail(db, data.email))
			return invalid('default', refill, {
				email: 'An account with this email already exists: sign in instead.'
			});
		// Everyone signs up as a student; teacher accounts are made by an administrator.
		const user = await createUser(db, data);
		const { token, expiresAt } = await createSession(db, user.id);
		setSessionCookie(event, token, expiresAt);
		redirect(303, safeNextPath(event.url.searchParams.get('next')));
	}
};
