import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { readPassword } from '../../server/common/read-password.js';

/** A stream that says it is a terminal, remembering the raw modes it is put in. */
function terminal(): PassThrough & { isTTY: boolean; modes: boolean[]; setRawMode(mode: boolean): void } {
  const modes: boolean[] = [];
  return Object.assign(new PassThrough(), { isTTY: true, modes, setRawMode: (mode: boolean) => void modes.push(mode) });
}

/** Everything written to a stream, as text. */
function written(stream: PassThrough): string {
  return (stream.read() as Buffer | null)?.toString('utf8') ?? '';
}

describe('readPassword', () => {
  it('reads the first line of piped input, without a prompt', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    input.end('correct horse battery staple\nsecond line\n');
    assert.equal(await readPassword(input, output), 'correct horse battery staple');
    assert.equal(written(output), '');
  });

  it('reads nothing from empty piped input', async () => {
    const input = new PassThrough();
    input.end('');
    assert.equal(await readPassword(input, new PassThrough()), '');
  });

  it('prompts on a terminal without echoing, takes backspace, and ends raw mode at Enter', async () => {
    const input = terminal();
    const output = new PassThrough();
    const password = readPassword(input, output);
    input.write('secret');
    input.write('\u007f\u007fet\r');
    assert.equal(await password, 'secret');
    assert.equal(written(output), 'Password (not shown): \n');
    assert.deepEqual(input.modes, [true, false]);
  });

  it('gives nothing when Ctrl+C ends the prompt, leaving raw mode', async () => {
    const input = terminal();
    const password = readPassword(input, new PassThrough());
    input.write('sec\u0003ret\r');
    assert.equal(await password, undefined);
    assert.deepEqual(input.modes, [true, false]);
  });
});
