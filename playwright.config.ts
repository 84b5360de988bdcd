import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// A free port and a fresh data folder per run, chosen once: the config is evaluated again in each worker,
// which inherits these from the runner's environment. Two checkouts can then test at the same time.
process.env.E2E_PORT ||= execFileSync(process.execPath, [
	'-e',
	"const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
])
	.toString()
	.trim();
process.env.E2E_DATA_DIR ||= mkdtempSync(join(tmpdir(), 'sahel-e2e-'));
const PORT = Number(process.env.E2E_PORT);
const DATA_DIR = process.env.E2E_DATA_DIR;

// Debian's Chromium: a test tool's own browser download does not work on these machines.
const chromium = {
	executablePath: '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
};

export default defineConfig({
	testDir: 'tests/e2e',
	globalTeardown: './tests/helpers/e2e-teardown.ts',
	// Two cores: one for the server, one for the browser.
	workers: 1,
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: 0,
	timeout: 45_000,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		launchOptions: chromium,
		// A failed test keeps its trace (each step's action, network and console) without the screencast or
		// the DOM snapshot of every step: encoding a frame of every paint cost a fifth of the browser tests'
		// time on two cores, and the snapshots a further sixth of their CPU; the failure's own screenshot is
		// kept below.
		trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false },
		screenshot: 'only-on-failure'
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromium } }],
	webServer: {
		// The production build on a fresh embedded database, exactly as the README's first command runs it,
		// with room for the suite's sign-ups, which all come from 127.0.0.1 (the limit: accounts.test.ts),
		// after `npm run admin:create` as a deployment does (so no test's first sign-up administers it).
		// The build is made unless build/ is newer than every source file (npm test builds once, before the
		// integration tests, whose smoke runs of the benchmark and the crash test use it too).
		command: `npx tsx tests/helpers/build-if-stale.ts && PGLITE_DATA_DIR=${DATA_DIR} npx tsx scripts/admin-create.ts admin@tests.test >/dev/null && PORT=${PORT} HOST=127.0.0.1 SIGN_UPS_PER_ADDRESS=10000 PGLITE_DATA_DIR=${DATA_DIR} node scripts/serve.js`,
		url: `http://127.0.0.1:${PORT}/articles`,
		timeout: 240_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
