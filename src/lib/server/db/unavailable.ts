// The one place that decides whether an error means "the database cannot be reached right now" (it is
// down, restarting, or dropped our connection) rather than "this query is wrong". Those are answered
// with 503 and a plain message instead of a 500: nothing the user did caused them, and the postgres
// driver opens a new connection on the next query, so trying again a moment later works.

/** Socket-level failures (Node) and the postgres driver's own connection codes. */
const CONNECTION_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN',
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT'
]);

/**
 * SQLSTATEs of a server that is going away or not ready: class 08 (connection exception), 57P01
 * admin_shutdown (fast or immediate stop), 57P02 crash_shutdown (another backend crashed), 57P03
 * cannot_connect_now (starting up, shutting down, in recovery), 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

export const DATABASE_UNAVAILABLE_MESSAGE =
	'The database is unavailable for a moment. Nothing was lost: please try again in a few seconds.';

/** True when `e`, or an error it wraps (Drizzle's `cause`, an AggregateError's `errors`), is a connection failure. */
export function isDatabaseUnavailableError(e: unknown, depth = 0): boolean {
	if (!e || typeof e !== 'object' || depth > 5) return false;
	const err = e as { code?: unknown; cause?: unknown; errors?: unknown };
	if (typeof err.code === 'string') {
		if (
			CONNECTION_CODES.has(err.code) ||
			UNAVAILABLE_SQLSTATES.has(err.code) ||
			err.code.startsWith('08')
		)
			return true;
	}
	if (err.cause && isDatabaseUnavailableError(err.cause, depth + 1)) return true;
	return (
		Array.isArray(err.errors) &&
		err.errors.some((inner) => isDatabaseUnavailableError(inner, depth + 1))
	);
}
