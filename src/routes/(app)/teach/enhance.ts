// use:enhance for forms that change a list in place (move, remove, add): follow the server's redirect
// without jumping to the top of the page and without losing the keyboard focus.
import type { SubmitFunction } from '@sveltejs/kit';
import { goto } from '$app/navigation';

export const stayInPlace: SubmitFunction = () => {
	return async ({ result, update }) => {
		if (result.type === 'redirect')
			// eslint-disable-next-line svelte/no-navigation-without-resolve -- the server's redirect is a resolved path
			await goto(result.location, { invalidateAll: true, noScroll: true, keepFocus: true });
		else await update({ reset: false });
	};
};
