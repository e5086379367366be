/**
 * Runs a command-line program's main function and exits with the code it
 * returns (0 done; some commands use 2 for "done, with files skipped"), or
 * with 1 and `<failure>: <reason>` on stderr when it throws.
 */
export function runCommand(main: () => Promise<number>, failure: string, options: { stack?: boolean } = {}): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const reason = error instanceof Error ? ((options.stack ? error.stack : undefined) ?? error.message) : String(error);
      console.error(`${failure}: ${reason}`);
      process.exit(1);
    },
  );
}
