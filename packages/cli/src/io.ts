/** Where the command line writes: the process's streams, or buffers in tests. */

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr };
