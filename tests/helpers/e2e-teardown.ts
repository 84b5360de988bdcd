// Removes the test server's data folder (playwright.config.ts makes one per run in the system's temp folder).
// Playwright stops the web server before global teardown runs.
import { rmSync } from 'node:fs';

export default function removeTestData() {
	const dir = process.env.E2E_DATA_DIR;
	if (dir && dir.includes('sahel-e2e-')) rmSync(dir, { recursive: true, force: true });
}
