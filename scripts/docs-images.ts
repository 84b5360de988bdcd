// npm run docs:images
//
// Copies the screenshots that docs/students.md and docs/teachers.md show from a browser test run into
// docs/images/, each cut to the part the page's text talks about so the committed files stay small.
// The shots come from tests/screenshots/pages/<role>/<route>-<width>.png, which
// tests/e2e/load-fields.spec.ts writes for every page of the route list at 1280 px and 390 px:
//
//   npx playwright test tests/e2e/load-fields.spec.ts && npm run docs:images
//
// Cutting is done by the browser the tests use (Debian's Chromium), so no image library is needed.
// Exit status: 0 done, 1 a shot is missing (run the spec first).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

type Shot = {
	/** Under tests/screenshots/pages/. */
	from: string;
	/** Under docs/images/. */
	to: string;
	/** Keep the top this many pixels (the whole shot when it is shorter). */
	height: number;
};

/** The images the docs show (README's quiz.png, then students.md's and teachers.md's, in their order). */
export const SHOTS: Shot[] = [
	{ from: 'student/attempts-id-n-1280.png', to: 'quiz.png', height: 850 },
	{ from: 'student/home-390.png', to: 'student-home.png', height: 1100 },
	{ from: 'student/practice-390.png', to: 'student-practice.png', height: 520 },
	{ from: 'student/attempts-id-n-390.png', to: 'student-question.png', height: 1150 },
	{ from: 'student/attempts-id-results-390.png', to: 'student-results.png', height: 1300 },
	{ from: 'anonymous/articles-slug-390.png', to: 'student-article.png', height: 1000 },
	{ from: 'student/review-390.png', to: 'student-review.png', height: 620 },
	{ from: 'student/mistakes-390.png', to: 'student-mistakes.png', height: 1000 },
	{ from: 'student/progress-390.png', to: 'student-progress.png', height: 1300 },
	{ from: 'teacher/teach-1280.png', to: 'teacher-teach.png', height: 1000 },
	{ from: 'teacher/teach-classes-id-390.png', to: 'teacher-class.png', height: 1400 },
	{ from: 'teacher/teach-sets-id-390.png', to: 'teacher-set.png', height: 1500 },
	{
		from: 'teacher/teach-assignments-id-analysis-1280.png',
		to: 'teacher-analysis.png',
		height: 1100
	},
	{ from: 'teacher/teach-classes-id-gradebook-1280.png', to: 'teacher-gradebook.png', height: 700 },
	{ from: 'teacher/teach-live-390.png', to: 'teacher-live.png', height: 620 },
	{ from: 'teacher/articles-slug-1280.png', to: 'teacher-heatmap.png', height: 900 },
	{ from: 'teacher/teach-articles-slug-390.png', to: 'teacher-drafts.png', height: 1400 }
];

const root = path.resolve(import.meta.dirname, '..');
const pagesDir = path.join(root, 'tests/screenshots/pages');
const imagesDir = path.join(root, 'docs/images');

/** A PNG's width and height, read from its header. */
function pngSize(png: Buffer) {
	return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const missing = SHOTS.filter((s) => !existsSync(path.join(pagesDir, s.from)));
if (missing.length) {
	console.error(
		`docs:images: no ${missing.map((s) => `tests/screenshots/pages/${s.from}`).join(', ')}\n` +
			'run `npx playwright test tests/e2e/load-fields.spec.ts` first: it writes them'
	);
	process.exit(1);
}

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox']
});
try {
	const page = await browser.newPage({ deviceScaleFactor: 1 });
	for (const shot of SHOTS) {
		const png = readFileSync(path.join(pagesDir, shot.from));
		const { width, height } = pngSize(png);
		const keep = Math.min(height, shot.height);
		await page.setViewportSize({ width, height: keep });
		await page.setContent(
			`<body style="margin:0"><img style="display:block" src="data:image/png;base64,${png.toString('base64')}"></body>`
		);
		await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
		const to = path.join(imagesDir, shot.to);
		await page.screenshot({ path: to, clip: { x: 0, y: 0, width, height: keep } });
		console.log(`${shot.to}: ${width}×${keep} px, ${Math.round(statSync(to).size / 1024)} KB`);
	}
} finally {
	await browser.close();
}
