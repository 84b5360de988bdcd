// The one place that reads the environment.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseBodySizeLimit } from './request-guard.ts';

export type ServerEnv = {
	/** Real Postgres when set; otherwise embedded PGlite in `pgliteDir`. */
	databaseUrl: string | null;
	pgliteDir: string;
	questionsDir: string;
	migrationsDir: string;
	/** Create the demo student and the two demo teachers at start (on unless DEMO_USERS=off). */
	demoUsers: boolean;
	/** How long the server waits at start for an unreachable database before giving up (DATABASE_WAIT_SECONDS, default 120). */
	databaseWaitMs: number;
	/** The largest request body in bytes (BODY_SIZE_LIMIT, as adapter-node reads it; npm start sets 2M). */
	bodySizeLimit: number;
	/**
	 * Connections to Postgres (DATABASE_POOL_MAX; default one per CPU core, at least 2). More requests
	 * than connections do not wait for one: the driver pipelines their queries onto the open ones.
	 */
	databasePoolMax: number;
	/** Sign-ups an hour from one address (SIGN_UPS_PER_ADDRESS; null: rate-limit.ts's default). */
	signUpsPerAddress: number | null;
};

/** One Postgres connection per CPU core, at least 2: further queries pipeline onto them (README, Performance). */
export const DEFAULT_DATABASE_POOL_MAX = Math.max(2, availableParallelism());

export function readEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
	const root = process.cwd();
	return {
		databaseUrl: env.DATABASE_URL?.trim() || null,
		pgliteDir: path.resolve(root, env.PGLITE_DATA_DIR || '.data/pglite'),
		questionsDir: path.resolve(root, env.QUESTIONS_DIR || 'questions'),
		migrationsDir: path.resolve(root, env.MIGRATIONS_DIR || 'drizzle'),
		demoUsers: env.DEMO_USERS !== 'off',
		bodySizeLimit: parseBodySizeLimit(env.BODY_SIZE_LIMIT),
		databasePoolMax:
			positiveInteger('DATABASE_POOL_MAX', env.DATABASE_POOL_MAX) ?? DEFAULT_DATABASE_POOL_MAX,
		signUpsPerAddress: positiveInteger('SIGN_UPS_PER_ADDRESS', env.SIGN_UPS_PER_ADDRESS),
		databaseWaitMs:
			1000 *
			(Number(env.DATABASE_WAIT_SECONDS) >= 0 && env.DATABASE_WAIT_SECONDS?.trim()
				? Number(env.DATABASE_WAIT_SECONDS)
				: 120)
	};
}

/** A setting that must be a whole number ≥ 1, or null when unset; anything else stops the start with a message. */
function positiveInteger(name: string, value: string | undefined): number | null {
	if (!value?.trim()) return null;
	const n = Number(value.trim());
	if (!Number.isInteger(n) || n < 1)
		throw new Error(`${name} must be a whole number of at least 1 (it is "${value}").`);
	return n;
}
