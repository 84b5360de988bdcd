import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { authenticate, createSession } from '$lib/server/auth.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { fieldErrors, firstValues, readFormFields, safeNextPath } from '$lib/server/forms.ts';
import { setSessionCookie } from '$lib/server/session-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

const SignIn = z.object({
	email: z.string().trim().min(1, 'Enter your email.').max(254, 'That email is too long.'),
	password: z.string().min(1, 'Enter your password.').max(200, 'That password is too long.')
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNextPath(url.searchParams.get('next')));
};

export const actions: Actions = {
	default: async (event) => {
		const values = firstValues(readFormFields(await event.request.formData()));
		const parsed = SignIn.safeParse(values);
		if (!parsed.success) return fail(400, { email: values.email ?? '', errors: fieldErrors(parsed.error) });
		const db = getDb();
		const user = await authenticate(db, parsed.data.email, parsed.data.password);
		if (!user) return fail(400, { email: parsed.data.email, errors: { form: 'That email and password do not match an account.' } as Record<string, string> });
		const { token, expiresAt } = await createSession(db, user.id);
		setSessionCookie(event, token, expiresAt);
		redirect(303, safeNextPath(event.url.searchParams.get('next')));
	}
};
