import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { validateSessionToken } from '$lib/server/auth.ts';
import { boot, InvalidBankError } from '$lib/server/boot.ts';
import { getDb, setAppDatabase } from '$lib/server/db/app-db.ts';
import { UnpatchedDriverError } from '$lib/server/db/driver-fixes.ts';
import {
	DATABASE_UNAVAILABLE_MESSAGE,
	isDatabaseUnavailableError
} from '$lib/server/db/unavailable.ts';
import { readEnv } from '$lib/server/env.ts';
import { serviceUnavailableResponse } from '$lib/server/errors.ts';
import { checkRequestBody, checkRequestUrl, refusalResponse } from '$lib/server/request-guard.ts';
import {
	clearSessionCookie,
	SESSION_COOKIE,
	setSessionCookie
} from '$lib/server/session-cookie.ts';

export const init: ServerInit = async () => {
	try {
		const database = await boot();
		setAppDatabase(database);
		// Close cleanly on shutdown so the embedded database's files are left consistent.
		process.once('sveltekit:shutdown', () => void database.close());
	} catch (e) {
		if (e instanceof InvalidBankError || e instanceof UnpatchedDriverError) {
			console.error(e.message);
			process.exit(1);
		}
		throw e;
	}
};

/** Requests whose load or action failed because the database could not be reached (marked by handleError). */
const databaseUnavailable = new WeakSet<App.Locals>();

const { bodySizeLimit } = readEnv();

export const handle: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		// Requests no route could use (NUL bytes, bodies too large or unreadable) are refused before any route runs.
		const refusal =
			checkRequestUrl(event.url) ?? (await checkRequestBody(event.request, bodySizeLimit));
		response = refusal
			? refusalResponse(event.request, refusal)
			: await authenticateAndResolve(event, resolve);
	} catch (e) {
		if (!isDatabaseUnavailableError(e)) throw e;
		console.error(`503 ${event.request.method} ${event.url.pathname}: ${(e as Error).message}`);
		response = serviceUnavailableResponse(
			event.request,
			event.isDataRequest,
			DATABASE_UNAVAILABLE_MESSAGE
		);
	}
	// SvelteKit renders an error thrown by a load or an action as a 500; during an outage it is a 503.
	if (databaseUnavailable.has(event.locals))
		response = serviceUnavailableResponse(
			event.request,
			event.isDataRequest,
			DATABASE_UNAVAILABLE_MESSAGE
		);
	// What a signed-in user is shown (results, keys, gradebooks, mistakes, and the __data.json behind them)
	// is theirs alone: no shared cache keeps it, and the browser does not keep it after they sign out.
	if (event.locals.user && !response.headers.has('cache-control'))
		response.headers.set('cache-control', 'private, no-store');
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	return response;
};

async function authenticateAndResolve(
	event: Parameters<Handle>[0]['event'],
	resolve: Parameters<Handle>[0]['resolve']
) {
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
			clearSessionCookie(event);
		}
	}
	return resolve(event);
}

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (isDatabaseUnavailableError(error)) {
		databaseUnavailable.add(event.locals);
		console.error(`503 ${event.request.method} ${event.url.pathname}: ${(error as Error).message}`);
		return { message: DATABASE_UNAVAILABLE_MESSAGE };
	}
	// SvelteKit's own refusals of a request (a 415 for a body that is not a form) are the asker's doing:
	// say what was wrong and keep the log for the server's own failures.
	if (status < 500)
		return {
			message:
				status === 404
					? 'Not found'
					: error instanceof Error
						? error.message
						: 'The request was refused.'
		};
	console.error(error);
	return { message: 'Something went wrong on our side.' };
};
