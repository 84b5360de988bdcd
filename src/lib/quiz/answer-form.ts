// Helpers for the answer form that are not grading: blank detection and no-JavaScript reordering.

/** True when the form carries no answer at all (nothing chosen, empty field): the saved answer is cleared. */
export function isBlankResponse(type: string, fields: Record<string, string[]>): boolean {
	switch (type) {
		case 'single':
		case 'multiple':
			return !fields.choice?.some((v) => v !== '');
		case 'true_false':
		case 'numeric':
			return !fields.value?.[0]?.trim();
		case 'short_text':
			return !fields.text?.[0]?.trim();
		case 'ordering':
			return !fields.order?.length;
		default:
			return false;
	}
}

/** Moves one item of an ordering up or down; `move` is "<itemId>:up" or "<itemId>:down". */
export function moveOrderingItem(order: string[], move: string): string[] {
	const [id, direction] = move.split(':');
	const from = order.indexOf(id);
	const to = direction === 'up' ? from - 1 : direction === 'down' ? from + 1 : -1;
	if (from < 0 || to < 0 || to >= order.length) return order;
	const next = [...order];
	[next[from], next[to]] = [next[to], next[from]];
	return next;
}
