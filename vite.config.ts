import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import type { TestSpecification } from 'vitest/node';

// The integration files' order on two workers. Without the timings of an earlier run (a clean clone, as in
// CI) vitest starts the largest files first, which put the small files that spend their time in servers of
// their own (a crash run, a restart) last, and one ran alone at the end while the other worker sat idle.
// These start first; the rest keep vitest's order (its timings when it has them, else size). Made only under
// vitest: the production build reads this file too.
const LONG_FOR_THEIR_SIZE = ['concurrency.test.ts', 'crash-smoke.test.ts', 'boot.test.ts'];
const LongFilesFirst = process.env.VITEST
	? class extends (await import('vitest/node')).BaseSequencer {
			async sort(files: TestSpecification[]) {
				const rank = (f: TestSpecification) => {
					const i = LONG_FOR_THEIR_SIZE.findIndex((name) => f.moduleId.endsWith(`/${name}`));
					return i < 0 ? LONG_FOR_THEIR_SIZE.length : i;
				};
				// Array.prototype.sort is stable: within a rank, vitest's own order is kept.
				return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
			}
		}
	: undefined;

export default defineConfig({
	plugins: [sveltekit()],
	// Rolldown's advice on slow plugins is about this machine's speed, not about the app: not printed.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	test: {
		...(LongFilesFirst ? { sequence: { sequencer: LongFilesFirst } } : {}),
		projects: [
			{
				extends: './vite.config.ts',
				// Some unit tests sweep a year of instants or fit the optimiser: on a busy 2-core machine they can
				// pass vitest's default 5 s. The timeout only guards against hangs; speed lives in npm run bench.
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts'],
					environment: 'node',
					// The modules under test are pure and no unit test mocks one: the files share one module
					// graph per worker (compromise and the bank are loaded twice, not 55 times). 96 s → 25 s.
					isolate: false,
					testTimeout: 30_000
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					// The real migrations run once, and each file's databases start from the migrated copy.
					globalSetup: ['tests/helpers/migrated-snapshot.ts'],
					environment: 'node',
					// Each file gets its own database; run files one after another to keep memory and ports calm.
					// npm test (scripts/test-all.sh) runs two at a time, and the benchmark's smoke run alone.
					fileParallelism: false,
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
