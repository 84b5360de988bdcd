import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { registerAccount } from '$lib/server/auth.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { readEnv } from '$lib/server/env.ts';
import { claimFirstAdmin } from '$lib/server/roles.ts';
import { parseForm, readValues } from '$lib/server/form-actions.ts';
import { passwordProblem } from '$lib/server/password-policy.ts';
import {
	RateLimitedError,
	rateLimitedFailure,
	SIGN_UPS_PER_ADDRESS
} from '$lib/server/rate-limit.ts';
import { safeNext } from '$lib/server/safe-next.ts';
import { isValidTimeZone } from '$lib/time/zones.ts';
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
	}),
	// Filled in by the page from the browser; an unknown zone (or none, without JavaScript) is UTC.
	timeZone: z
		.string()
		.optional()
		.transform((zone) => (zone && isValidTimeZone(zone) ? zone : undefined))
});

const { signUpsPerAddress } = readEnv();

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async (event) => {
		const values = await readValues(event.request);
		const refill = { displayName: values.displayName ?? '', email: values.email ?? '' };
		const { data, failure } = parseForm(
			'default',
			SignUp,
			{ ...values, email: values.email?.trim() },
			refill
		);
		if (failure) return failure;
		try {
			// Everyone signs up as a student; teacher accounts are made by an administrator. Whether the
			// email was free is not shown (docs/security.md): both answers send the person to sign in.
			const { created } = await registerAccount(
				getDb(),
				{ ...data, address: event.getClientAddress() },
				signUpsPerAddress ?? SIGN_UPS_PER_ADDRESS
			);
			// Except the first account of an install, which administers it (src/lib/server/roles.ts).
			if (created) await claimFirstAdmin(getDb(), data.email);
		} catch (e) {
			if (!(e instanceof RateLimitedError)) throw e;
			return rateLimitedFailure(event, e, 'default', refill);
		}
		const next = safeNext(event.url.searchParams.get('next'), event.url);
		redirect(
			303,
			`/signin?account=ready${next === '/' ? '' : `&next=${encodeURIComponent(next)}`}`
		);
	}
};
