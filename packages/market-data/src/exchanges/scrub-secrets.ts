/** Removes credentials from text that came from an exchange (error bodies may echo the request headers). */
import type { ProviderKeys } from '@stratex/core';

/** `text` with every occurrence of the key, secret or passphrase replaced by `[redacted]`. */
export function scrubSecrets(text: string, keys: ProviderKeys | undefined): string {
  if (keys === undefined) return text;
  let scrubbed = text;
  for (const value of [keys.apiKey, keys.secret, keys.passphrase]) {
    // Very short values would redact ordinary words; real keys are long.
    if (value !== undefined && value.length >= 6) scrubbed = scrubbed.split(value).join('[redacted]');
  }
  return scrubbed;
}
