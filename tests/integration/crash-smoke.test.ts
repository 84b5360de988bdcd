// A small run of `npm run test:crash` (15 students, 4 server kills, 2 Postgres crashes), so the harness
// cannot rot and the suite proves, against the production build, that a database outage is answered with
// 503 and the plain message and that the same server serves again once Postgres is back. The harness
// starts its own throwaway cluster (it stops it mid-run); it runs where Postgres is installed (npm test
// sets TEST_DATABASE_URL). The build is reused when it is newer than every source file.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildIsFresh } from '../helpers/build.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe.skipIf(!process.env.TEST_DATABASE_URL)('npm run test:crash, smoke run', () => {
	test('no acknowledged answer lost or doubled, every attempt resumes, grades recompute, outages answer 503', async () => {
		const out = path.join(mkdtempSync(path.join(tmpdir(), 'crash-smoke-')), 'summary.json');
		const args = [
			'tsx',
			'scripts/crash-test.ts',
			'--smoke',
			'--out',
			out,
			...(buildIsFresh() ? ['--no-build'] : [])
		];
		try {
			const { code, output } = await new Promise<{ code: number | null; output: string }>(
				(resolve) => {
					const child = spawn('npx', args, {
						cwd: root,
						env: process.env,
						stdio: ['ignore', 'pipe', 'pipe']
					});
					let output = '';
					child.stdout.on('data', (d) => (output += d));
					child.stderr.on('data', (d) => (output += d));
					child.on('close', (code) => resolve({ code, output }));
				}
			);
			expect(code, output.slice(-6000)).toBe(0);
			const summary = JSON.parse(readFileSync(out, 'utf8'));
			expect(summary.violations).toEqual([]);
			expect(summary.serverKills).toBe(4);
			expect(summary.serverRestarts).toBe(4);
			expect(summary.postgresCrashes).toBe(2);
			expect(summary.postgresRestarts).toBe(2);
			expect(summary.outageProbes).toBe(2);
			expect(summary.actionOutageProbes).toBe(1);
			// The run did real work across the faults: otherwise the checks below would check nothing.
			expect(summary.acknowledged.save).toBeGreaterThan(50);
			expect(summary.acknowledged.submit).toBeGreaterThan(5);
			expect(summary.acknowledgedAnswersChecked).toBeGreaterThan(0);
			expect(summary.answersRegraded).toBeGreaterThan(0);
			expect(summary.attemptsResumed).toBe(summary.attempts);
			// The class assignment allows two attempts: its limit held through the faults (else a violation above).
			expect(summary.assignmentAttempts).toBeGreaterThan(0);
		} finally {
			rmSync(path.dirname(out), { recursive: true, force: true });
		}
	}, 300_000);
});
