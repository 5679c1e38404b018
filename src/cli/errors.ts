/** Errors meant for the user: printed as one line, without a stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses a whole number option, or throws a one-line UsageError naming the option. */
export function wholeNumber(option: string, min = 0, max = Number.MAX_SAFE_INTEGER) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^-?\d+$/.test(text.trim()) || value < min || value > max) {
      throw new UsageError(`${option}: expected a whole number from ${min} to ${max} (got "${text}")`);
    }
    return value;
  };
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Parses a comma-separated list option ("race, two-step" -> ["race", "two-step"]). */
export function collectList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}
