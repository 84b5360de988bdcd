// A smoke run of `npm run bench` (tiny seed, 1 s per route), so the benchmark cannot rot: every route
// must answer as the benchmark expects, the pgbench floors must replay, and the JSON must be written.
// It measures nothing: the numbers of a 1-second run on a busy machine mean little.
// Runs when TEST_DATABASE_URL is set (npm test sets it), on a database of its own on that server.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { describe, expect, test } from 'vitest';
import { buildIsFresh } from '../helpers/build.ts';

const root = path.resolve(import.meta.dirname, '../..');
const adminUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!adminUrl)('npm run bench, smoke run', () => {
	// It runs beside the other integration files on two cores: the timeout only guards against a hang.
	test('measures every route on a tiny seed and writes the JSON', async () => {
		const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
		const name = `bench_smoke_${randomBytes(4).toString('hex')}`;
		await admin.unsafe(`create database ${name}`);
		const url = new URL(adminUrl!);
		url.pathname = `/${name}`;
		const out = path.join(mkdtempSync(path.join(tmpdir(), 'bench-smoke-')), 'result.json');
		// The suite's throwaway cluster writes its log there: with it the smoke also replays the pgbench floors.
		const pgLog = process.env.PG_THROWAWAY_DIR
			? path.join(process.env.PG_THROWAWAY_DIR, 'log')
			: null;
		const args = [
			'tsx',
			'scripts/bench/run.ts',
			'--smoke',
			'--out',
			out,
			...(buildIsFresh() ? ['--no-build'] : []),
			...(pgLog && existsSync(pgLog) ? ['--pg-log', pgLog] : [])
		];
		try {
			const { code, output } = await new Promise<{ code: number | null; output: string }>(
				(resolve) => {
					const child = spawn('npx', args, {
						cwd: root,
						env: { ...process.env, DATABASE_URL: url.toString() },
						stdio: ['ignore', 'pipe', 'pipe']
					});
					let output = '';
					child.stdout.on('data', (d) => (output += d));
					child.stderr.on('data', (d) => (output += d));
					child.on('close', (code) => resolve({ code, output }));
				}
			);
			expect(code, output).toBe(0);
			const result = JSON.parse(readFileSync(out, 'utf8'));
			const routes = result.rows.map(
				(r: { route: string }) => r.route.split(' ')[0] + ' ' + (r.route.split(' ')[1] ?? '')
			);
			expect(routes).toEqual(
				expect.arrayContaining([
					'floor: no-op',
					'floor: minimal',
					'quiz question',
					'answer save',
					'attempt submit',
					'review queue',
					'review answer'
				])
			);
			// The queue at both sizes, the due-cards plan at each, and the soak's RSS.
			expect(
				result.rows.filter((r: { route: string }) => r.route.startsWith('review queue'))
			).toHaveLength(2);
			expect(result.dueCardsExplain).toHaveLength(2);
			expect(result.soak.rssEndKb).toBeGreaterThan(0);
			expect(result.failures).toEqual([]);
			for (const row of result.rows) expect(row.requestsPerSecond, row.route).toBeGreaterThan(0);
			if (pgLog) expect(result.rows.some((r: { kind: string }) => r.kind === 'pgbench')).toBe(true);
			expect(result.quizPageJs.gzipBytes).toBeGreaterThan(0);
			// The live session at a tiny size, on one app process and on two: its figures are measured and none lost.
			expect(result.live.map((run: { processes: number }) => run.processes)).toEqual([1, 2]);
			for (const run of result.live) {
				expect(run.answersSent).toBeGreaterThan(0);
				expect(run.answersLost).toBe(0);
				expect(run.answerToProjectorMs.p99).toBeGreaterThan(0);
				expect(run.revealToAllPhonesMs.max).toBeGreaterThan(0);
				expect(run.rss[0].afterKb).toBeGreaterThan(0);
			}
			expect(
				result.targets.filter((t: { target: string }) => t.target.startsWith('live,'))
			).toHaveLength(8);
			expect(output).toContain('EXPLAIN ANALYZE');
		} finally {
			rmSync(path.dirname(out), { recursive: true, force: true });
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	}, 300_000);
});
