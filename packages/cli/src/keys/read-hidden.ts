/** Reads answers to prompts without echoing them: raw mode on a terminal, plain lines from a pipe. */
import { createInterface } from 'node:readline';
import { StratexError } from '@stratex/core';

/** Where answers come from: process.stdin, or a stream in tests. */
export type PromptInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

export interface HiddenReader {
  /** Writes `prompt` to `out` and resolves with the line typed (nothing of it is shown). */
  ask(prompt: string): Promise<string>;
  close(): void;
}

/** A reader over `input`; prompts go to `out` (stderr, so stdout stays machine-readable). */
export function hiddenReader(input: PromptInput, out: { write(text: string): unknown }): HiddenReader {
  if (input.isTTY === true && input.setRawMode !== undefined) return rawReader(input, out);
  const lines = createInterface({ input, terminal: false })[Symbol.asyncIterator]();
  return {
    async ask(prompt) {
      out.write(prompt);
      const next = await lines.next();
      out.write('\n');
      if (next.done === true) throw new StratexError('INVALID_REQUEST', `no answer to "${prompt.trim()}" on stdin`);
      return String(next.value);
    },
    close: () => {
      void lines.return?.();
    },
  };
}

/** Terminal in raw mode: characters are collected, never echoed; Enter ends, Ctrl-C or Ctrl-D aborts. */
function rawReader(input: PromptInput, out: { write(text: string): unknown }): HiddenReader {
  return {
    ask(prompt) {
      out.write(prompt);
      input.setRawMode?.(true);
      input.resume();
      return new Promise<string>((resolve, reject) => {
        let typed = '';
        const onData = (chunk: Buffer | string) => {
          for (const char of String(chunk)) {
            if (char === '\r' || char === '\n') return finish(() => resolve(typed));
            if (char === '\u0003' || char === '\u0004') {
              return finish(() => reject(new StratexError('INVALID_REQUEST', 'cancelled; nothing was stored')));
            }
            typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
          }
        };
        const finish = (settle: () => void) => {
          input.removeListener('data', onData);
          input.setRawMode?.(false);
          input.pause();
          out.write('\n');
          settle();
        };
        input.on('data', onData);
      });
    },
    close: () => {},
  };
}
