import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Rolldown's advice on slow plugins is about this machine's speed, not about the app: not printed.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	test: {
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
