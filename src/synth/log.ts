/**
 * The only place this project writes to the terminal. Progress and findings go to stderr so
 * stdout stays clean for tools that pipe it; the lint forbids `console` everywhere else.
 */
export const log = {
  /** A command's own output, such as the help text: the one thing that goes to stdout. */
  out(text: string): void {
    process.stdout.write(text);
  },
  info(message: string): void {
    process.stderr.write(`${message}\n`);
  },
  warn(message: string): void {
    process.stderr.write(`warning: ${message}\n`);
  },
  error(message: string): void {
    process.stderr.write(`error: ${message}\n`);
  },
};
