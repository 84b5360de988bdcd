// Splits an article into paragraphs of text segments, each knowing which cited passages cover it,
// so the page can mark every quote without changing a word. Furniture lines are left out.

export type CitedSpan = { id: string; start: number; end: number };
/** `opens`: the spans whose first visible segment this is (where their anchor goes). */
export type Segment = { text: string; factIds: string[]; opens: string[] };
export type Paragraph = { line: number; segments: Segment[] };

export function segmentArticle(
	text: string,
	furnitureLines: number[],
	spans: CitedSpan[]
): Paragraph[] {
	const furniture = new Set(furnitureLines);
	const anchored = new Set<string>();
	const paragraphs: Paragraph[] = [];
	let start = 0;
	text.split('\n').forEach((line, index) => {
		const end = start + line.length;
		if (!furniture.has(index + 1) && line.trim() !== '') {
			// Cut the line wherever a cited span starts or ends inside it.
			const cuts = new Set([start, end]);
			for (const s of spans) {
				if (s.start > start && s.start < end) cuts.add(s.start);
				if (s.end > start && s.end < end) cuts.add(s.end);
			}
			const points = [...cuts].sort((a, b) => a - b);
			const segments: Segment[] = [];
			for (let i = 0; i < points.length - 1; i++) {
				const [from, to] = [points[i], points[i + 1]];
				const factIds = spans.filter((s) => s.start < to && s.end > from).map((s) => s.id);
				const opens = factIds.filter((id) => !anchored.has(id));
				opens.forEach((id) => anchored.add(id));
				segments.push({ text: text.slice(from, to), factIds, opens });
			}
			paragraphs.push({ line: index + 1, segments });
		}
		start = end + 1;
	});
	return paragraphs;
}
