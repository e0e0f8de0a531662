/**
 * The only place this project writes to the terminal. Progress and findings go to stderr so
 * stdout stays clean for tools that pipe it; the lint forbids `console` everywhere else.
 */
export const log = {
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
