// The part of papaparse's API that core/csv.ts uses, for core's own compile (core/tsconfig.json)
// only: @types/papaparse references Node's types for its stream API, which core never uses,
// and core must compile without them. The app's compile (tsconfig.json) uses @types/papaparse,
// so a call that this subset allows but papaparse does not still fails there.
export interface ParseError {
  type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
  code: string;
  message: string;
  row?: number;
}

export interface ParseResult<T> {
  data: T[];
  errors: ParseError[];
}

export interface Parser {
  abort(): void;
}

export interface ParseStepResult<T> {
  data: T;
  errors: ParseError[];
}

export interface ParseConfig<T = unknown> {
  delimiter?: string;
  newline?: string;
  skipEmptyLines?: boolean | 'greedy';
  step?: (result: ParseStepResult<T>, parser: Parser) => void;
}

export interface UnparseConfig {
  newline?: string;
}

declare const Papa: {
  parse<T>(input: string, config?: ParseConfig<T>): ParseResult<T>;
  unparse(data: { fields: string[]; data: unknown[][] }, config?: UnparseConfig): string;
};
export default Papa;
