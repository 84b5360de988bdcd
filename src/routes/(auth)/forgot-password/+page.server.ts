import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { logResetLink, requestPasswordReset } from '$lib/server/account.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { fieldErrors, firstValues, readFormFields } from '$lib/server/form-fields.ts';
import { RateLimitedError } from '$lib/server/rate-limit.ts';
import type { Actions } from './$types';

const ResetRequest = z.object({
	email: z.string().trim().min(1, 'Enter your email.').max(254, 'That email is too long.')
});

// One answer whether or not the email has an account, so this page tells nobody which emails do.
const SENT =
	'If this email has an account, a link to set a new password is on its way. It works for 30 minutes, once.';

export const actions: Actions = {
	default: async (event) => {
		const values = firstValues(readFormFields(await event.request.formData()));
		const parsed = ResetRequest.safeParse(values);
		if (!parsed.success)
			return fail(400, { email: values.email ?? '', errors: fieldErrors(parsed.error) });
		try {
			// No mail is configured in this app: the link goes to the server log (docs/security.md).
			await requestPasswordReset(
				getDb(),
				{ email: parsed.data.email, address: event.getClientAddress(), origin: event.url.origin },
				logResetLink
			);
		} catch (e) {
			if (!(e instanceof RateLimitedError)) throw e;
			event.setHeaders({ 'retry-after': String(e.retryAfter) });
			return fail(429, {
				email: parsed.data.email,
				errors: { form: e.message } as Record<string, string>
			});
		}
		return { email: parsed.data.email, sent: SENT };
	}
};
