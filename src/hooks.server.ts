import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { validateSessionToken } from '$lib/server/auth.ts';
import { boot, InvalidBankError } from '$lib/server/boot.ts';
import { getDb, setAppDatabase } from '$lib/server/db/app-db.ts';
import { SESSION_COOKIE, setSessionCookie } from '$lib/server/session-cookie.ts';

export const init: ServerInit = async () => {
	try {
		const database = await boot();
		setAppDatabase(database);
		// Close cleanly on shutdown so the embedded database's files are left consistent.
		process.once('sveltekit:shutdown', () => void database.close());
	} catch (e) {
		if (e instanceof InvalidBankError) {
			console.error(e.message);
			process.exit(1);
		}
		throw e;
	}
};

export const handle: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.sessionId = null;
	if (token) {
		const found = await validateSessionToken(getDb(), token);
		if (found) {
			event.locals.user = found.user;
			event.locals.sessionId = found.sessionId;
			setSessionCookie(event, token, found.expiresAt);
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	return response;
};

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'Not found' : 'Something went wrong on our side.' };
};
