import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// The hash of app.html's one inline script (it keeps what is typed before hydration). SvelteKit adds its
// nonce to the header only on pages that have a script of its own, so on a page without client-side
// rendering (the gradebook) the nonce alone would leave this script blocked; the hash allows it everywhere.
const appHtml = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8');
const inlineScripts = [...appHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
	(m) => `sha256-${createHash('sha256').update(m[1]).digest('base64')}`
);
if (inlineScripts.length !== 1)
	throw new Error('svelte.config.js: expected one inline <script> in src/app.html');

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Scripts only from this origin, app.html's by its hash, SvelteKit's own inline ones with the
		// per-response nonce (hashes on prerendered pages: mode 'auto'), so injected markup cannot run script even if
		// escaping were missed somewhere. Inline styles stay allowed: Svelte's style: directives and
		// app.html use them, and CSS cannot run script.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', ...inlineScripts],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
