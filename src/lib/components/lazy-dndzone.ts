import type { ActionReturn } from 'svelte/action';
import type { DndZoneAttributes, Item, Options } from 'svelte-dnd-action';

/**
 * svelte-dnd-action's `dndzone`, loaded when an ordering list is first shown. Statically imported, the
 * library (13 KB gzip) was in every quiz page's JavaScript, though most questions are not orderings; the
 * Up and Down buttons work before it arrives. The list gets `data-drag-ready` once dragging works.
 */
export function lazyDndzone<T extends Item>(
	node: HTMLElement,
	options: Options<T>
): ActionReturn<Options<T>, DndZoneAttributes<T>> {
	let latest = options;
	let destroyed = false;
	let zone: ActionReturn<Options<T>, DndZoneAttributes<T>> | undefined;
	import('svelte-dnd-action').then(({ dndzone }) => {
		if (destroyed) return;
		zone = dndzone(node, latest) ?? undefined;
		node.dataset.dragReady = '';
	});
	return {
		update(next: Options<T>) {
			latest = next;
			zone?.update?.(next);
		},
		destroy() {
			destroyed = true;
			zone?.destroy?.();
		}
	};
}
