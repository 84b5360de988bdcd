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

/**
 * use:enhance for forms that move an item out of a list (accept, reject, restore a draft): as stayInPlace,
 * then, if the focused control went with the item, focus what the server's redirect points at (`#id`,
 * made focusable with tabindex="-1"), so the keyboard goes on from the next item.
 */
export const goOn: SubmitFunction = () => {
	return async ({ result, update }) => {
		if (result.type !== 'redirect') return update({ reset: false });
		// eslint-disable-next-line svelte/no-navigation-without-resolve -- the server's redirect is a resolved path
		await goto(result.location, { invalidateAll: true, noScroll: true, keepFocus: true });
		const target = document.getElementById(new URL(result.location, location.href).hash.slice(1));
		if (target && !target.contains(document.activeElement)) target.focus();
	};
};
