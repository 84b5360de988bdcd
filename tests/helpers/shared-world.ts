// One test world per Playwright worker, for the specs that read it or send it requests the server must
// refuse or that change nothing the others look at (the access matrix: its allowed posts are harmless by
// design, the same answers saved again, a rating or a choice that does not exist; the load allow-lists and
// axe): building it through the UI is most of their time, so it is built once, the first time a test asks
// for it, and closed when the worker ends. With one worker (playwright.config.ts) every such spec of a run
// shares it (Playwright runs them one after another); a worker restarted after a failure builds its own.
// A spec that changes the world (fuzz.spec) builds one of its own.
import { devices, test as base } from '@playwright/test';
import { buildWorld, disposeWorld, type World } from './world.ts';

export { expect } from '@playwright/test';

export const test = base.extend<object, { world: World }>({
	world: [
		async ({ browser }, use) => {
			// A worker fixture's contexts do not get the config's `use` options: the same ones, passed here.
			const { defaultBrowserType: _, ...desktop } = devices['Desktop Chrome'];
			const world = await buildWorld(browser, `http://127.0.0.1:${process.env.E2E_PORT}`, desktop);
			await use(world);
			await disposeWorld(world);
		},
		{ scope: 'worker', timeout: 240_000 }
	]
});
