/**
 * A robustness run that cannot run as asked (a bad assumptions or claims file, option or output
 * folder). Its message is one line naming the field and what is allowed; the CLI prints it without a
 * stack trace and exits with code 2, having written nothing.
 */
export class RobustnessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RobustnessError';
  }
}
