// A server of a test's own, from the production build the test server made (build/), for a test that
// needs what the shared test server cannot give: its stderr, or a database the test can reach.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import postgres from 'postgres';
import { databaseUrl } from './database-url.ts';

export type OwnServer = {
	baseURL: string;
	process: ChildProcess;
	stderr: () => string;
	stop: () => Promise<void>;
};

/** A port nobody listens on. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
		probe.on('error', reject);
	});
}

/** Starts `node scripts/serve.js` with `env` added (DATABASE_URL or PGLITE_DATA_DIR) and waits until it answers. */
export async function startServer(
	env: Record<string, string>,
	{ claimed = true } = {}
): Promise<OwnServer> {
	if (!existsSync('build/handler.js'))
		throw new Error('no production build in build/ (the test server builds it)');
	// As a deployment does before opening: an administrator first, so that the tests' first sign-up is
	// an ordinary student and not the install's administrator (src/lib/server/roles.ts). `claimed: false`
	// leaves the install empty, for the test of that rule.
	if (claimed) claimInstall(env);
	const port = await freePort();
	const baseURL = `http://127.0.0.1:${port}`;
	let stderr = '';
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'ignore', 'pipe']
	});
	child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
	const stop = async () => {
		if (child.exitCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGTERM');
		await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
	};
	for (let i = 0; i < 480; i++) {
		if (child.exitCode !== null) throw new Error(`the server exited: ${stderr}`);
		if (
			await fetch(`${baseURL}/articles`).then(
				(r) => r.ok,
				() => false
			)
		)
			return { baseURL, process: child, stderr: () => stderr, stop };
		await new Promise((r) => setTimeout(r, 250));
	}
	await stop();
	throw new Error(`the server did not start: ${stderr}`);
}

/**
 * A fresh database on the Postgres server named by TEST_DATABASE_URL (npm test starts one), with a server
 * of its own on it: the test can reach the database with `sql` while the server runs (and start a second
 * process on `databaseUrl`). Null without TEST_DATABASE_URL.
 */
export async function startServerOnPostgres(): Promise<
	(OwnServer & { sql: postgres.Sql; databaseUrl: string; dispose: () => Promise<void> }) | null
> {
	const adminUrl = process.env.TEST_DATABASE_URL;
	if (!adminUrl) return null;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	const name = `e2e_${randomBytes(6).toString('hex')}`;
	await admin.unsafe(`create database ${name}`);
	const url = databaseUrl(adminUrl, name);
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	const dispose = async () => {
		await server?.stop();
		await sql.end();
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	};
	let server: OwnServer | null = null;
	try {
		server = await startServer({ DATABASE_URL: url });
	} catch (e) {
		await dispose();
		throw e;
	}
	return { ...server, sql, databaseUrl: url, dispose };
}

/** Runs `npm run admin:create` against the database `env` names, so that the install has an administrator. */
export function claimInstall(env: Record<string, string>) {
	execFileSync('npx', ['tsx', 'scripts/admin-create.ts', 'admin@tests.test'], {
		env: { ...process.env, ...env },
		stdio: 'ignore'
	});
}
