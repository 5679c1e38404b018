/**
 * A sweep that cannot run as asked (a bad option, design file, shard or output folder). Its message
 * is one line that names the option and what is allowed; the CLI prints it without a stack trace.
 */
export class SweepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepError';
  }
}
