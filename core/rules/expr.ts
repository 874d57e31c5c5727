// Rule expressions: arithmetic over element codes. The grammar is small and fixed
// (+ - * /, parentheses, numbers, CODE, CODE[-n], prev(CODE)), so it is parsed here by a
// hand-written recursive-descent parser rather than a general expression library: we need
// exact character positions in error messages and a closed set of operations (no functions,
// no variables but element codes), which the general libraries would have to be fenced into.

/** A reference to an element's value `offset` months before the month being checked (0 = that month). */
export interface ElementRef {
  code: string;
  offset: number;
}

export type Expr =
  | { type: 'num'; value: number }
  | { type: 'ref'; ref: ElementRef; index: number }
  | { type: 'neg'; arg: Expr }
  | { type: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

/** The furthest a rule may look back: the outlier window is 12 months, rules use the same. */
export const MAX_OFFSET = 12;

/** Why an expression does not parse; `pos` is the 1-based character position in the text. */
export interface ExprError {
  key: 'quality.parse.unexpected' | 'quality.parse.end' | 'quality.parse.badOffset' | 'quality.parse.empty' | 'quality.parse.badNumber';
  pos: number;
  found: string;
}

export class ExprSyntaxError extends Error {
  readonly detail: ExprError;
  constructor(detail: ExprError) {
    super(`${detail.key} at ${detail.pos}: ${detail.found}`);
    this.name = 'ExprSyntaxError';
    this.detail = detail;
  }
}

type Token =
  | { t: 'num'; value: number; pos: number; text: string }
  | { t: 'id'; text: string; pos: number }
  | { t: 'op'; text: string; pos: number }
  | { t: 'end'; pos: number; text: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (/[0-9.]/.test(c)) {
      const m = /^[0-9]*\.?[0-9]*/.exec(src.slice(i))![0];
      const value = Number(m);
      if (m === '.' || !Number.isFinite(value)) {
        throw new ExprSyntaxError({ key: 'quality.parse.badNumber', pos: i + 1, found: m });
      }
      out.push({ t: 'num', value, pos: i + 1, text: m });
      i += m.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))![0];
      out.push({ t: 'id', text: m, pos: i + 1 });
      i += m.length;
    } else if ('+-*/()[]'.includes(c)) {
      out.push({ t: 'op', text: c, pos: i + 1 });
      i++;
    } else {
      throw new ExprSyntaxError({ key: 'quality.parse.unexpected', pos: i + 1, found: c });
    }
  }
  out.push({ t: 'end', pos: src.length + 1, text: '' });
  return out;
}

/** Parses an expression; throws ExprSyntaxError with the position of the first problem. */
export function parseExpr(src: string): { expr: Expr; refs: ElementRef[]; positions: number[] } {
  const tokens = tokenize(src);
  const refs: ElementRef[] = [];
  /** 1-based position of each ref's first appearance, for "unknown element" messages. */
  const positions: number[] = [];
  let k = 0;
  const peek = () => tokens[k]!;
  const fail = (tok: Token): never => {
    throw new ExprSyntaxError(
      tok.t === 'end'
        ? { key: tokens.length === 1 ? 'quality.parse.empty' : 'quality.parse.end', pos: tok.pos, found: '' }
        : { key: 'quality.parse.unexpected', pos: tok.pos, found: tok.text },
    );
  };
  const expectOp = (text: string) => {
    const tok = peek();
    if (tok.t !== 'op' || tok.text !== text) fail(tok);
    k++;
  };
  const refTo = (code: string, offset: number, pos: number): Expr => {
    let index = refs.findIndex((r) => r.code === code && r.offset === offset);
    if (index < 0) {
      index = refs.push({ code, offset }) - 1;
      positions.push(pos);
    }
    return { type: 'ref', ref: { code, offset }, index };
  };

  function expr(): Expr {
    let left = term();
    for (let tok = peek(); tok.t === 'op' && (tok.text === '+' || tok.text === '-'); tok = peek()) {
      k++;
      left = { type: 'bin', op: tok.text, left, right: term() };
    }
    return left;
  }

  function term(): Expr {
    let left = factor();
    for (let tok = peek(); tok.t === 'op' && (tok.text === '*' || tok.text === '/'); tok = peek()) {
      k++;
      left = { type: 'bin', op: tok.text, left, right: factor() };
    }
    return left;
  }

  function factor(): Expr {
    const tok = peek();
    if (tok.t === 'num') {
      k++;
      return { type: 'num', value: tok.value };
    }
    if (tok.t === 'op' && tok.text === '-') {
      k++;
      return { type: 'neg', arg: factor() };
    }
    if (tok.t === 'op' && tok.text === '(') {
      k++;
      const inner = expr();
      expectOp(')');
      return inner;
    }
    if (tok.t === 'id') {
      k++;
      if (tok.text === 'prev' && peek().t === 'op' && peek().text === '(') {
        k++;
        const id = peek();
        if (id.t !== 'id') fail(id);
        k++;
        expectOp(')');
        return refTo(id.text, 1, id.pos);
      }
      if (peek().t === 'op' && peek().text === '[') {
        k++;
        expectOp('-');
        const n = peek();
        if (n.t !== 'num') fail(n);
        const offset = (n as { value: number }).value;
        if (!Number.isInteger(offset) || offset < 1 || offset > MAX_OFFSET) {
          throw new ExprSyntaxError({ key: 'quality.parse.badOffset', pos: n.pos, found: n.text });
        }
        k++;
        expectOp(']');
        return refTo(tok.text, offset, tok.pos);
      }
      return refTo(tok.text, 0, tok.pos);
    }
    return fail(tok);
  }

  const result = expr();
  if (peek().t !== 'end') fail(peek());
  return { expr: result, refs, positions };
}

/** Mutable state of one evaluation: set when a division by zero is met. */
export interface EvalState {
  divisionByZero: boolean;
}

/**
 * Evaluates with the values of `refs` (same order; null counts as 0: the caller decides
 * beforehand whether missing values skip the rule). A division by zero sets the flag and
 * yields 0, so the caller can skip the rule instead of comparing a NaN.
 */
export function evaluateExpr(e: Expr, values: readonly (number | null)[], state: EvalState): number {
  switch (e.type) {
    case 'num':
      return e.value;
    case 'ref':
      return values[e.index] ?? 0;
    case 'neg':
      return -evaluateExpr(e.arg, values, state);
    case 'bin': {
      const l = evaluateExpr(e.left, values, state);
      const r = evaluateExpr(e.right, values, state);
      if (e.op === '+') return l + r;
      if (e.op === '-') return l - r;
      if (e.op === '*') return l * r;
      if (r === 0) {
        state.divisionByZero = true;
        return 0;
      }
      return l / r;
    }
  }
}
