// The database's floor for a route: the exact SQL one request of that route sends, replayed by pgbench.
//
// 1. trace: turn on log_statement=all, make one real request, turn it off, and read the statements
//    (with their bind parameters) from the server log. The script follows whatever the app sends
//    today, so it cannot drift from the code.
// 2. script: the same statements, in order, as a pgbench script run in extended protocol with unnamed
//    statements (as postgres.js sends them for Drizzle); also as prepared statements, for comparison. Parameters that name the traced request's attempt, user or
//    session become expressions of a random \set number, so every transaction hits a different row;
//    the other parameters are passed unchanged (-D). Write transactions end in ROLLBACK instead of COMMIT
//    so replays never collide on unique keys or change the data later routes read.
// 3. run: tps from pgbench, p50/p99 from its per-transaction log (-l).
import { spawn } from 'node:child_process';
import {
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type postgres from 'postgres';

export type TracedStatement = { pid: number; sql: string; params: (string | null)[] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function findPgbench(): string | null {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(path.join(root, v, 'bin', 'pgbench')))
		.sort((a, b) => Number(a) - Number(b));
	return versions.length ? path.join(root, versions.at(-1)!, 'bin', 'pgbench') : null;
}

async function readFrom(file: string, offset: number): Promise<string> {
	const handle = await open(file, 'r');
	try {
		const size = (await handle.stat()).size;
		const buffer = Buffer.alloc(Math.max(0, size - offset));
		await handle.read(buffer, 0, buffer.length, offset);
		return buffer.toString('utf8');
	} finally {
		await handle.close();
	}
}

const LINE =
	/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] (LOG|DETAIL|ERROR|STATEMENT|WARNING|HINT|CONTEXT): {2}(.*)$/;

/** Statements in a chunk of a Postgres log (default log_line_prefix '%m [%p] '), with their parameters. */
export function parseStatements(log: string, ignorePid: number): TracedStatement[] {
	const entries: { pid: number; level: string; text: string }[] = [];
	for (const line of log.split('\n')) {
		const m = LINE.exec(line);
		if (m) entries.push({ pid: Number(m[1]), level: m[2], text: m[3] });
		else if (entries.length && line) entries.at(-1)!.text += '\n' + line.replace(/^\t/, '');
	}
	const out: TracedStatement[] = [];
	for (const e of entries) {
		if (e.pid === ignorePid) continue;
		if (e.level === 'LOG') {
			const m = /^(?:statement|execute [^:]*): ([\s\S]*)$/.exec(e.text);
			if (m) out.push({ pid: e.pid, sql: m[1].trim(), params: [] });
		} else if (e.level === 'DETAIL' && e.text.startsWith('parameters: ')) {
			const target = out.findLast((s) => s.pid === e.pid);
			if (!target) continue;
			for (const p of e.text.matchAll(/\$(\d+) = (NULL|'((?:[^']|'')*)')/g)) {
				target.params[Number(p[1]) - 1] = p[2] === 'NULL' ? null : p[3].replace(/''/g, "'");
			}
		}
	}
	return out;
}

/** Runs `request` with every statement logged, and returns what the app sent to the database for it. */
export async function traceRequest(
	admin: postgres.Sql,
	logFile: string,
	request: () => Promise<void>
): Promise<TracedStatement[]> {
	const [{ pid }] = await admin`select pg_backend_pid() as pid`;
	const start = statSync(logFile).size;
	await admin.unsafe(`alter system set log_statement = 'all'`);
	await admin`select pg_reload_conf()`;
	// Backends re-read the configuration between commands; give the signal time to land.
	await sleep(300);
	try {
		await request();
		await sleep(300);
	} finally {
		await admin.unsafe(`alter system reset log_statement`);
		await admin`select pg_reload_conf()`;
		await sleep(200);
	}
	return parseStatements(await readFrom(logFile, start), Number(pid));
}

export type Mapping = { value: string; expression: string }[];

export type PgbenchScript = { text: string; defines: string[]; statements: number };

/**
 * The pgbench script for traced statements. `head` holds the \set lines; `mapping` turns the traced
 * request's own ids into expressions of those variables.
 */
export function buildScript(
	statements: TracedStatement[],
	head: string[],
	mapping: Mapping
): PgbenchScript {
	const defines: string[] = [];
	const lines = [...head];
	const writes = statements.some((s) => /^(insert|update|delete)\b/i.test(s.sql));
	statements.forEach((s, i) => {
		// pgbench takes at most 255 variables in one command: a long IN (...) list goes in as literals.
		const inline = s.params.length > 200;
		let text = s.sql.replace(/\$(\d+)/g, (_, n: string) => {
			const value = s.params[Number(n) - 1];
			if (value === null || value === undefined) return 'NULL';
			const mapped = mapping.find((m) => m.value === value);
			if (mapped) return mapped.expression;
			if (inline && !/[:\n]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
			// pgbench refuses an empty -D variable: an empty string goes in as a literal.
			if (value === '') return "''";
			const name = `bench_p${i}_${n}`;
			defines.push('-D', `${name}=${value}`);
			return `:${name}`;
		});
		if (writes && /^commit$/i.test(text.trim())) text = 'rollback';
		lines.push(text.replace(/;\s*$/, '') + ';');
	});
	return { text: lines.join('\n') + '\n', defines, statements: statements.length };
}

export type PgbenchResult = {
	tps: number;
	p50: number;
	p99: number;
	transactions: number;
	failed: number;
	aborted: string | null;
};

function percentile(sorted: number[], p: number) {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function runPgbench(
	pgbench: string,
	url: string,
	script: PgbenchScript,
	opts: { clients: number; seconds: number; warmupSeconds: number; mode?: 'extended' | 'prepared' }
): Promise<PgbenchResult> {
	const dir = mkdtempSync(path.join(tmpdir(), 'bench-pgbench-'));
	try {
		const file = path.join(dir, 'script.sql');
		writeFileSync(file, script.text);
		const base = [
			'-n',
			'-M',
			opts.mode ?? 'extended',
			'-c',
			String(opts.clients),
			'-j',
			String(Math.min(2, opts.clients)),
			'-f',
			file,
			...script.defines
		];
		if (opts.warmupSeconds > 0)
			await execPgbench(pgbench, [
				...base,
				'-T',
				String(Math.max(1, Math.round(opts.warmupSeconds))),
				url
			]);
		const prefix = path.join(dir, 'log');
		const { stdout, stderr } = await execPgbench(pgbench, [
			...base,
			'-T',
			String(Math.max(1, Math.round(opts.seconds))),
			'-l',
			`--log-prefix=${prefix}`,
			url
		]);
		const tps = Number(
			/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? NaN
		);
		const transactions = Number(
			/number of transactions actually processed: (\d+)/.exec(stdout)?.[1] ?? 0
		);
		const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
		const latencies: number[] = [];
		for (const name of readdirSync(dir).filter((n) => n.startsWith('log.'))) {
			for (const line of readFileSync(path.join(dir, name), 'utf8').split('\n')) {
				const fields = line.split(' ');
				if (fields.length >= 3) latencies.push(Number(fields[2]) / 1000);
			}
		}
		latencies.sort((a, b) => a - b);
		const aborted = /aborted|ERROR/.test(stderr)
			? stderr
					.split('\n')
					.filter((l) => /aborted|ERROR/.test(l))
					.slice(0, 3)
					.join(' | ')
			: null;
		return {
			tps,
			p50: percentile(latencies, 50),
			p99: percentile(latencies, 99),
			transactions,
			failed,
			aborted
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function execPgbench(pgbench: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(pgbench, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => {
			// pgbench exits 2 when some clients aborted: the numbers it printed are still worth reading.
			if (code === 0 || code === 2) resolve({ stdout, stderr });
			else
				reject(
					new Error(
						`pgbench exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`
					)
				);
		});
	});
}
