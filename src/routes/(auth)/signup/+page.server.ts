import { fail, redirect } from '@sveltejs/kit';
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
import { claimFirstAdmin } from '$lib/server/roles.ts';
import { fieldErrors, firstValues, readFormFields, safeNextPath } from '$lib/server/forms.ts';
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
		const values = firstValues(readFormFields(await event.request.formData()));
		const kept = { displayName: values.displayName ?? '', email: values.email ?? '' };
		const parsed = SignUp.safeParse({ ...values, email: values.email?.trim() });
		if (!parsed.success) return fail(400, { ...kept, errors: fieldErrors(parsed.error) });
		const db = getDb();
		if (await getUserByEmail(db, parsed.data.email)) {
			return fail(400, {
				...kept,
				errors: { email: 'An account with this email already exists: sign in instead.' } as Record<
					string,
					string
				>
			});
		}
		// Everyone signs up as a student, except the first account of an install (src/lib/server/roles.ts).
		const user = await createUser(db, parsed.data);
		await claimFirstAdmin(db, user.id);
		const { token, expiresAt } = await createSession(db, user.id);
		setSessionCookie(event, token, expiresAt);
		redirect(303, safeNextPath(event.url.searchParams.get('next')));
	}
};
