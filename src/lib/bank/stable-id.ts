/**
 * The id an option or ordering item is known by in the browser and in saved answers. It is derived from
 * the question id and the text, so it says nothing about which option is the key or where it stood in
 * the file, and it stays the same while the text does.
 */
export function stableChoiceId(questionId: string, text: string): string {
	// FNV-1a, 32 bits, twice with different offsets for 64 bits of spread: plenty for a handful of options.
	const input = `${questionId}\u0000${text}`;
	let a = 0x811c9dc5;
	let b = 0x050c5d1f;
	for (let i = 0; i < input.length; i++) {
		const c = input.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193) >>> 0;
		b = Math.imul(b ^ c, 0x01000193) >>> 0;
	}
	return a.toString(36).padStart(7, '0') + b.toString(36).padStart(7, '0');
}
