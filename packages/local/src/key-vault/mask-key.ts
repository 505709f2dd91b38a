/** How a stored key is shown: enough to recognise it, not enough to use it. */

/** `abcd…wxyz` for keys of 12 characters or more, `…yz` for 8 to 11, `…` for shorter ones. */
export function maskKey(value: string): string {
  if (value.length >= 12) return `${value.slice(0, 4)}…${value.slice(-4)}`;
  if (value.length >= 8) return `…${value.slice(-2)}`;
  return '…';
}
