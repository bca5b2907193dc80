/** A failure the CLI reports as one plain message and an exit code, without a stack trace. */

/** Exit code for a problem the user can fix in the command line or settings. */
export const usageExitCode = 2;

/** Thrown by commands; main.ts prints the message to stderr and exits with the code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
