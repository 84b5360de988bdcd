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
