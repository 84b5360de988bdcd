// CSV that spreadsheets open correctly: UTF-8 with a byte-order mark (Excel needs it to read accents),
// CRLF line ends, every text field quoted (a locale whose separator is ";" or a tab then still reads a
// name like `Zoe;=1+1;` as one cell of text), numbers bare. A text field starting with = + - @, tab or
// carriage return is prefixed with ' as OWASP suggests, so a spreadsheet does not run it as a formula.
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
	return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string | number | null): string {
	if (value === null) return '';
	if (typeof value === 'number') return String(value);
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return `"${text.replace(/"/g, '""')}"`;
}
