/**
 * The captured console output of one job: the first 64 KB (UTF-8), then the `…[truncated]` marker
 * of CONTRACT.md section 1.
 */
export const LOG_LIMIT_BYTES = 64 * 1024;
export const TRUNCATION_MARKER = '…[truncated]';

export class LogBuffer {
  private readonly chunks: string[] = [];
  private bytes = 0;
  private truncated = false;

  /** Adds text; whatever goes past the limit is dropped and marks the log as truncated. */
  append(text: unknown): void {
    if (this.truncated || typeof text !== 'string' || text.length === 0) return;
    const size = Buffer.byteLength(text);
    if (this.bytes + size <= LOG_LIMIT_BYTES) {
      this.chunks.push(text);
      this.bytes += size;
      return;
    }
    const room = LOG_LIMIT_BYTES - this.bytes;
    // Cutting UTF-8 mid-character leaves a replacement character: drop it.
    const head = Buffer.from(text)
      .subarray(0, room)
      .toString('utf8')
      .replace(/\uFFFD$/, '');
    this.chunks.push(head);
    this.bytes = LOG_LIMIT_BYTES;
    this.truncated = true;
  }

  text(): string {
    const joined = this.chunks.join('');
    return this.truncated ? `${joined}${TRUNCATION_MARKER}` : joined;
  }
}
