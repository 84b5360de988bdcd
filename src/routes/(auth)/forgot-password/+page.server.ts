import { z } from 'zod';
import { logResetLink, requestPasswordReset } from '$lib/server/account.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { parseForm, readValues } from '$lib/server/form-actions.ts';
import { RateLimitedError, rateLimitedFailure } from '$lib/server/rate-limit.ts';
import type { Actions } from './$types';

const ResetRequest = z.object({
	email: z.string().trim().min(1, 'Enter your email.').max(254, 'That email is too long.')
});

// One answer whether or not the email has an account, so this page tells nobody which emails do.
const SENT =
	'If this email has an account, a link to set a new password is on its way. It works for 30 minutes, once.';

export const actions: Actions = {
	default: async (event) => {
		const values = await readValues(event.request);
		const { data, failure } = parseForm('default', ResetRequest, values, {
			email: values.email ?? ''
		});
		if (failure) return failure;
		try {
			// No mail is configured in this app: the link goes to the server log (docs/security.md).
			await requestPasswordReset(
				getDb(),
				{ email: data.email, address: event.getClientAddress(), origin: event.url.origin },
				logResetLink
			);
		} catch (e) {
			if (!(e instanceof RateLimitedError)) throw e;
			return rateLimitedFailure(event, e, 'default', { email: data.email });
		}
		return { email: data.email, sent: SENT };
	}
};
