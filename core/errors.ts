// Errors a user can cause. Each carries a message key (resources/i18n/*.json) and its
// parameters, so every host (CLI, Electron, UI) prints it in the user's language.

export class UserError extends Error {
  readonly key: string;
  readonly params: Record<string, string | number>;

  constructor(key: string, params: Record<string, string | number> = {}) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'UserError';
    this.key = key;
    this.params = params;
  }
}

/** One bad line of an imported file. */
export interface LineProblem {
  line: number;
  key: string;
  params: Record<string, string | number>;
}

/** A file refused as a whole, with every bad line. */
export class FileRejectedError extends UserError {
  readonly problems: LineProblem[];

  constructor(file: string, problems: LineProblem[]) {
    super('error.fileRejected', { file, count: problems.length });
    this.name = 'FileRejectedError';
    this.problems = problems;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
