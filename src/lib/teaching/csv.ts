// CSV that spreadsheets open correctly: UTF-8 with a byte-order mark (Excel needs it to read accents),
// CRLF line ends, every field quoted when it holds a comma, quote or line break. A field starting
// with = + - @ is prefixed with ' so a spreadsheet does not run it as a formula.
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
	return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string | number | null): string {
	if (value === null) return '';
	let text = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
