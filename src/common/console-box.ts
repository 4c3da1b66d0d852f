/** Display width of a console line: CJK characters take two columns. */
const width = (text: string): number =>
  [...text].reduce((sum, char) => sum + (/[\u1100-\uffff]/u.test(char) ? 2 : 1), 0);

/** Lines framed in a box, for what a newcomer must not miss on the console (passwords once). */
export function box(lines: string[]): string {
  const inner = Math.max(...lines.map(width)) + 2;
  const row = (text: string) => `║ ${text}${' '.repeat(inner - width(text) - 1)}║`;
  return ['', `╔${'═'.repeat(inner)}╗`, ...lines.map(row), `╚${'═'.repeat(inner)}╝`, '', ''].join(
    '\n',
  );
}
