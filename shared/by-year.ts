// A variable's value per FY (the Plan screen's assumption table: pay award 3% in the first FY,
// 2.5% in the next…) as a formula in `fy` (0 = the first FY), and read back from one.
// Dependency-free, so the page reads tables without mathjs: the reader takes only the shape
// the writer makes (brackets optional) and leaves every other formula a formula.

/**
 * The formula for a value per FY ("0.03", "0.025", "0.02" → `=fy == 0 ? 0.03 : (fy == 1 ? 0.025 : 0.02)`):
 * the last value holds for every later FY. Values are decimal text, written as given.
 */
export function byYearFormula(values: readonly string[]): string {
  if (values.length === 0) throw new Error('a table by year needs at least one value');
  let text = values[values.length - 1];
  for (let i = values.length - 2; i >= 0; i--) text = `fy == ${i} ? ${values[i]} : ${i === values.length - 2 ? text : `(${text})`}`;
  return `=${text}`;
}

const TOKEN = /\s*(fy\b|==|\?|:|\(|\)|-?(?:\d+(?:\.\d*)?|\.\d+))/y;

function tokens(text: string): string[] | null {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) return null;
    out.push(m[1]);
  }
  return out;
}

/** Plain decimal text as a JSON number prints it ("0.030" → "0.03", "-0" → "0"), or null. */
function decimal(token: string | undefined): string | null {
  if (token === undefined || !/^-?(\d+(\.\d*)?|\.\d+)$/.test(token)) return null;
  const negative = token.startsWith('-');
  let [whole, fraction = ''] = token.replace('-', '').split('.');
  whole = whole.replace(/^0+(?=\d)/, '') || '0';
  fraction = fraction.replace(/0+$/, '');
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && text !== '0' ? `-${text}` : text;
}

/**
 * The values per FY (as many as `years`) of a formula written as a table by year (as
 * byYearFormula writes it: `fy == 0 ? a : (fy == 1 ? b : c)`), or null for any other formula,
 * which is then shown and edited as a formula.
 */
export function readByYear(formula: string, years: number): string[] | null {
  if (!formula.startsWith('=')) return null;
  const list = tokens(formula.slice(1));
  if (!list) return null;
  let at = 0;
  const values: string[] = [];
  const eat = (token: string) => (list[at] === token ? (at++, true) : false);
  const condition = (): number | null => {
    if (eat('(')) {
      const n = condition();
      return n !== null && eat(')') ? n : null;
    }
    if (!eat('fy') || !eat('==')) return null;
    const n = list[at++];
    return n !== undefined && /^\d+$/.test(n) ? Number(n) : null;
  };
  // expr := '(' expr ')' | condition '?' number ':' expr | number
  const expr = (): string | null => {
    if (list[at] === '(') {
      // "(fy == 1 ? a : b)" or "(fy == 1) ? a : b": try the bracketed expression first.
      const [start, rows] = [at, values.length];
      at++;
      const inner = expr();
      if (inner !== null && eat(')')) return inner;
      [at, values.length] = [start, rows];
    }
    if (list[at] === 'fy' || list[at] === '(') {
      const n = condition();
      if (n !== values.length || !eat('?')) return null;
      const value = decimal(list[at++]);
      if (value === null || !eat(':')) return null;
      values.push(value);
      return expr();
    }
    return decimal(list[at++]);
  };
  const rest = expr();
  // A table needs a row per branch: one with more branches than FYs is a formula.
  if (rest === null || at !== list.length || values.length === 0 || values.length > years - 1) return null;
  while (values.length < years) values.push(rest);
  return values;
}
