// Validation rules as data (resources/rules/*.json): read, parsed and checked against the
// catalogue once, when the catalogue loads. A bad rule is dropped and reported with its id
// and the character position of the problem; it never stops the app or the data entry.
import { z } from 'zod';
import type { Catalogue } from '../catalogue';
import { translator } from '../i18n';
import { ExprSyntaxError, parseExpr, type ElementRef, type Expr } from './expr';

export const IMPORTANCES = ['high', 'medium', 'low'] as const;
export type Importance = (typeof IMPORTANCES)[number];

export const OPERATORS = ['=', '!=', '<', '<=', '>', '>=', 'bothOrNeither'] as const;
export type Operator = (typeof OPERATORS)[number];

/** Spellings accepted in rule files, so a statistician may write ≤ or <=, ≠ or !=. */
const OPERATOR_SPELLINGS: Readonly<Record<string, Operator>> = {
  '=': '=', '==': '=', '!=': '!=', '≠': '!=', '<>': '!=', '<': '<', '<=': '<=', '≤': '<=',
  '>': '>', '>=': '>=', '≥': '>=', bothOrNeither: 'bothOrNeither', 'both or neither filled': 'bothOrNeither',
};

/** One rule as written in a rule file. */
export const ruleDefSchema = z
  .object({
    id: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'rule ids are UPPER_SNAKE_CASE'),
    left: z.string().min(1).max(2000),
    op: z.string().refine((s) => s in OPERATOR_SPELLINGS, { message: `operator must be one of ${Object.keys(OPERATOR_SPELLINGS).join(' ')}` }),
    right: z.string().max(2000).default(''),
    importance: z.enum(IMPORTANCES),
    messageVi: z.string().min(1).max(500),
    messageEn: z.string().min(1).max(500),
    /**
     * "all" (default): a side is missing only when none of its elements is filled (missing
     * ones then count as 0, so a part left empty still shows in "parts = total");
     * "any": the rule is skipped as soon as one element is not filled.
     */
    skipIf: z.enum(['all', 'any']).default('all'),
  })
  .strict();
export type RuleDef = z.input<typeof ruleDefSchema>;

export const ruleFileSchema = z
  .object({
    programme: z.string().optional(),
    description: z.string().optional(),
    rules: z.array(z.unknown()),
  })
  .strict();

export interface RuleFile {
  /** File name, shown in problems. */
  name: string;
  data: unknown;
  /** Set when the file is not valid JSON (the reader's message, with its position). */
  jsonError?: string;
}

/** A rule ready to evaluate. */
export interface CompiledRule {
  id: string;
  /** The rule file it came from, or "catalogue" for the rules generated from the catalogue. */
  source: string;
  programme: string | null;
  leftText: string;
  op: Operator;
  rightText: string;
  importance: Importance;
  messageVi: string;
  messageEn: string;
  skipIf: 'all' | 'any';
  left: Expr;
  right: Expr;
  leftRefs: ElementRef[];
  rightRefs: ElementRef[];
  /** Element codes of the month being checked (offset 0): the cells a comment may explain. */
  cells: string[];
  /** Every element code the rule reads, at any offset: its index keys. */
  elements: string[];
}

/** A rule that could not be used, and why. */
export interface RuleProblem {
  source: string;
  /** The rule's id, or "#n" (its place in the file) when it has none. */
  rule: string;
  key: string;
  params: Record<string, string | number>;
}

export interface RuleSet {
  rules: CompiledRule[];
  byId: ReadonlyMap<string, CompiledRule>;
  /** element code → the rules that read it: what to re-check when one cell changes. */
  byElement: ReadonlyMap<string, readonly CompiledRule[]>;
  problems: RuleProblem[];
}

function uniq(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

interface Candidate extends Omit<z.output<typeof ruleDefSchema>, 'op'> {
  op: Operator;
  source: string;
  programme: string | null;
}

/** Parses one candidate; returns the compiled rule or the problem. */
function compileOne(c: Candidate, catalogue: Catalogue): CompiledRule | RuleProblem {
  const sides = { left: c.left, right: c.right };
  const parsed: Partial<Record<'left' | 'right', ReturnType<typeof parseExpr>>> = {};
  for (const side of ['left', 'right'] as const) {
    try {
      parsed[side] = parseExpr(sides[side]);
    } catch (e) {
      if (!(e instanceof ExprSyntaxError)) throw e;
      return { source: c.source, rule: c.id, key: e.detail.key, params: { side, pos: e.detail.pos, found: e.detail.found, text: sides[side] } };
    }
    const p = parsed[side];
    for (let i = 0; i < p.refs.length; i++) {
      const ref = p.refs[i]!;
      if (!catalogue.byCode.has(ref.code)) {
        return { source: c.source, rule: c.id, key: 'quality.rule.unknownElement', params: { side, pos: p.positions[i]!, element: ref.code, text: sides[side] } };
      }
    }
  }
  const left = parsed.left!;
  const right = parsed.right!;
  const all = [...left.refs, ...right.refs];
  return {
    id: c.id,
    source: c.source,
    programme: c.programme,
    leftText: c.left,
    op: c.op,
    rightText: c.right,
    importance: c.importance,
    messageVi: c.messageVi,
    messageEn: c.messageEn,
    skipIf: c.skipIf,
    left: left.expr,
    right: right.expr,
    leftRefs: left.refs,
    rightRefs: right.refs,
    cells: uniq(all.filter((r) => r.offset === 0).map((r) => r.code)),
    elements: uniq(all.map((r) => r.code)),
  };
}

/**
 * Rules every catalogue implies, so they are not written twice: each total equals the sum of
 * its parts ("trong đó"), and a cumulative total never decreases from one month to the next.
 */
export function catalogueRules(catalogue: Catalogue): Candidate[] {
  const vi = translator('vi');
  const en = translator('en');
  const out: Candidate[] = [];
  for (const e of catalogue.elements) {
    if (e.parts.length > 0) {
      out.push({
        id: `PARTS_${e.code}`,
        left: e.code,
        op: '=',
        right: e.parts.join(' + '),
        importance: 'high',
        messageVi: vi('quality.generated.parts', { element: e.nameVi }),
        messageEn: en('quality.generated.parts', { element: e.nameEn }),
        skipIf: 'all',
        source: 'catalogue',
        programme: e.programme,
      });
    }
    if (e.kind === 'cumulative') {
      out.push({
        id: `CUMULATIVE_${e.code}`,
        left: e.code,
        op: '>=',
        right: `prev(${e.code})`,
        importance: 'high',
        messageVi: vi('quality.generated.cumulative', { element: e.nameVi }),
        messageEn: en('quality.generated.cumulative', { element: e.nameEn }),
        skipIf: 'all',
        source: 'catalogue',
        programme: e.programme,
      });
    }
  }
  return out;
}

/** Reads rule files into candidates, collecting every problem of shape. */
function readFiles(files: readonly RuleFile[], problems: RuleProblem[]): Candidate[] {
  const out: Candidate[] = [];
  for (const f of files) {
    if (f.jsonError !== undefined) {
      problems.push({ source: f.name, rule: '-', key: 'quality.rule.badJson', params: { detail: f.jsonError } });
      continue;
    }
    const file = ruleFileSchema.safeParse(f.data);
    if (!file.success) {
      const issue = file.error.issues[0];
      problems.push({ source: f.name, rule: '-', key: 'quality.rule.badFile', params: { detail: `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() } });
      continue;
    }
    file.data.rules.forEach((raw, i) => {
      const def = ruleDefSchema.safeParse(raw);
      const id = typeof (raw as { id?: unknown } | null)?.id === 'string' ? (raw as { id: string }).id : `#${i + 1}`;
      if (!def.success) {
        const issue = def.error.issues[0];
        problems.push({ source: f.name, rule: id, key: 'quality.rule.badShape', params: { detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` } });
        return;
      }
      const d = def.data;
      // "both or neither" compares whether the sides are filled; every other operator needs a right side.
      if (d.right.trim() === '' && OPERATOR_SPELLINGS[d.op] !== 'bothOrNeither') {
        problems.push({ source: f.name, rule: id, key: 'quality.parse.empty', params: { side: 'right', pos: 1, found: '', text: '' } });
        return;
      }
      out.push({ ...d, op: OPERATOR_SPELLINGS[d.op]!, source: f.name, programme: file.data.programme ?? null });
    });
  }
  return out;
}

/** Compiles rule files (plus, unless told otherwise, the rules the catalogue implies). */
export function compileRules(catalogue: Catalogue, files: readonly RuleFile[], opts: { generated?: boolean } = {}): RuleSet {
  const problems: RuleProblem[] = [];
  const candidates = [...(opts.generated === false ? [] : catalogueRules(catalogue)), ...readFiles(files, problems)];
  const rules: CompiledRule[] = [];
  const byId = new Map<string, CompiledRule>();
  const byElement = new Map<string, CompiledRule[]>();
  for (const c of candidates) {
    if (byId.has(c.id)) {
      problems.push({ source: c.source, rule: c.id, key: 'quality.rule.duplicate', params: { other: byId.get(c.id)!.source } });
      continue;
    }
    const r = compileOne(c, catalogue);
    if ('key' in r) {
      problems.push(r);
      continue;
    }
    rules.push(r);
    byId.set(r.id, r);
    for (const code of r.elements) {
      const list = byElement.get(code) ?? [];
      list.push(r);
      byElement.set(code, list);
    }
  }
  return { rules, byId, byElement, problems };
}

/** A compiled rule as plain data, for the UI to compile again with `compileRuleViews`. */
export interface RuleView {
  source: string;
  programme: string | null;
  /** Every element the rule reads; `cells` are those of the month itself. */
  elements: string[];
  cells: string[];
  def: z.output<typeof ruleDefSchema>;
}

export function ruleViews(set: RuleSet): RuleView[] {
  return set.rules.map((r) => ({
    source: r.source,
    programme: r.programme,
    elements: r.elements,
    cells: r.cells,
    def: { id: r.id, left: r.leftText, op: r.op, right: r.rightText, importance: r.importance, messageVi: r.messageVi, messageEn: r.messageEn, skipIf: r.skipIf },
  }));
}

/** Compiles the views the service sent (generated rules included) into a rule set for live checks. */
export function compileRuleViews(catalogue: Catalogue, views: readonly RuleView[]): RuleSet {
  const bySource = new Map<string, { programme: string | null; rules: unknown[] }[]>();
  const files: RuleFile[] = [];
  for (const v of views) {
    const list = bySource.get(v.source) ?? [];
    let group = list.find((g) => g.programme === v.programme);
    if (!group) {
      group = { programme: v.programme, rules: [] };
      list.push(group);
      files.push({ name: v.source, data: { ...(v.programme === null ? {} : { programme: v.programme }), rules: group.rules } });
    }
    group.rules.push(v.def);
    bySource.set(v.source, list);
  }
  return compileRules(catalogue, files, { generated: false });
}

/** A problem as one sentence in the user's language. */
export function problemMessage(p: RuleProblem, lang: 'vi' | 'en'): string {
  const t = translator(lang);
  const params = typeof p.params.side === 'string' ? { ...p.params, side: t(`quality.side.${p.params.side}`) } : p.params;
  return t('quality.rule.problem', { source: p.source, rule: p.rule, message: t(p.key, params) });
}
