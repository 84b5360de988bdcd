import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { registerAccount } from '$lib/server/auth.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { readEnv } from '$lib/server/env.ts';
import { claimFirstAdmin } from '$lib/server/roles.ts';
import { fieldErrors, firstValues, readFormFields } from '$lib/server/form-fields.ts';
import { passwordProblem } from '$lib/server/password-policy.ts';
import { RateLimitedError, SIGN_UPS_PER_ADDRESS } from '$lib/server/rate-limit.ts';
import { safeNext } from '$lib/server/safe-next.ts';
import type { Actions, PageServerLoad } from './$types';

const SignUp = z.object({
	displayName: z
		.string()
		.trim()
		.min(1, 'Enter your name.')
		.max(80, 'Keep the name under 80 characters.'),
	email: z.email('Enter a valid email address.').max(254, 'That email is too long.'),
	password: z.string().superRefine((p, ctx) => {
		const problem = passwordProblem(p);
		if (problem) ctx.addIssue({ code: 'custom', message: problem });
	})
});

const { signUpsPerAddress } = readEnv();

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async (event) => {
		const values = firstValues(readFormFields(await event.request.formData()));
		const kept = { displayName: values.displayName ?? '', email: values.email ?? '' };
		const parsed = SignUp.safeParse({ ...values, email: values.email?.trim() });
		if (!parsed.success) return fail(400, { ...kept, errors: fieldErrors(parsed.error) });
		try {
			// Everyone signs up as a student; teacher accounts are made by an administrator. Whether the
			// email was free is not shown (docs/security.md): both answers send the person to sign in.
			const { created } = await registerAccount(
				getDb(),
				{ ...parsed.data, address: event.getClientAddress() },
				signUpsPerAddress ?? SIGN_UPS_PER_ADDRESS
			);
			// Except the first account of an install, which administers it (src/lib/server/roles.ts).
			if (created) await claimFirstAdmin(getDb(), parsed.data.email);
		} catch (e) {
			if (!(e instanceof RateLimitedError)) throw e;
			event.setHeaders({ 'retry-after': String(e.retryAfter) });
			return fail(429, { ...kept, errors: { form: e.message } as Record<string, string> });
		}
		const next = safeNext(event.url.searchParams.get('next'), event.url);
		redirect(
			303,
			`/signin?account=ready${next === '/' ? '' : `&next=${encodeURIComponent(next)}`}`
		);
	}
};
