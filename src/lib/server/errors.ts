import { error, isHttpError } from '@sveltejs/kit';

/** A refusal the user caused (bad input, not theirs, too late): routes turn it into this HTTP status. */
export class RequestError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409 | 413,
		message: string
	) {
		super(message);
		this.name = 'RequestError';
	}
}

/** Runs a service call and turns a RequestError into the matching HTTP error. */
export async function orHttpError<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (e) {
		if (e instanceof RequestError) error(e.status, e.message);
		if (isHttpError(e)) throw e;
		throw e;
	}
}

/**
 * The answer while the database cannot be reached: 503 with a plain message, in the form the asker
 * reads (a form action's JSON for `use:enhance`, JSON for fetches and page data, a page for browsers).
 */
export function serviceUnavailableResponse(
	request: Request,
	isDataRequest: boolean,
	message: string
): Response {
	const headers = { 'retry-after': '5', 'cache-control': 'no-store' };
	const accept = request.headers.get('accept') ?? '';
	if (request.headers.get('x-sveltekit-action') === 'true') {
		return Response.json({ type: 'error', error: { message } }, { status: 503, headers });
	}
	if (isDataRequest || (accept.includes('application/json') && !accept.includes('text/html'))) {
		return Response.json({ message }, { status: 503, headers });
	}
	if (accept.includes('text/html')) {
		const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Back in a moment</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Back in a moment</h1>
<p>${message}</p>
<p><a href="">Try again</a></p>
</body>
</html>
`;
		return new Response(page, {
			status: 503,
			headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
		});
	}
	return new Response(message + '\n', {
		status: 503,
		headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }
	});
}
