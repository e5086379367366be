import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';

/** Standard input as a password is read from it: a terminal, or a pipe from a script. */
export type PasswordInput = Readable & { isTTY?: boolean; setRawMode?(mode: boolean): unknown };

const CTRL_C = '\u0003';
const BACKSPACE = '\u007f';

/**
 * Reads a password: on a terminal from a prompt that does not echo it, else the first line of
 * the input, for scripts. Undefined when Ctrl+C ends the prompt.
 */
export async function readPassword(input: PasswordInput, output: Writable): Promise<string | undefined> {
  if (!input.isTTY) {
    const lines = createInterface({ input });
    for await (const line of lines) return line;
    return '';
  }
  output.write('Password (not shown): ');
  input.setRawMode?.(true);
  let password = '';
  try {
    for await (const chunk of input) {
      for (const char of (chunk as Buffer).toString('utf8')) {
        if (char === '\r' || char === '\n') {
          output.write('\n');
          return password;
        }
        if (char === CTRL_C) return undefined;
        password = char === BACKSPACE ? password.slice(0, -1) : password + char;
      }
    }
    return password;
  } finally {
    input.setRawMode?.(false);
  }
}
