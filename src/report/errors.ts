/** A report that cannot be made as asked: one line naming the option and what is allowed. */
export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}
