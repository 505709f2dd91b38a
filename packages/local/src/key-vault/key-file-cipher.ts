/**
 * AES-256-GCM for the key file: a fresh 96-bit IV per write, the auth tag checked on every read, so a
 * changed byte (or another master key) is an error, never garbage keys.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { StratexError } from '@stratex/core';

/** Binds the ciphertext to its purpose: a blob of another format cannot be swapped in. */
const AAD = Buffer.from('stratex-key-file-v1');

/** What is written to the key file: everything needed to decrypt but the master key. */
export interface SealedFile {
  version: 1;
  iv: string;
  tag: string;
  data: string;
}

export function seal(masterKey: Buffer, plaintext: string): SealedFile {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(AAD);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    version: 1,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** The plaintext of `text` (the key file's content); `INTERNAL` with a way out when it fails the check. */
export function open(masterKey: Buffer, text: string): string {
  try {
    const sealed = JSON.parse(text) as SealedFile;
    if (sealed.version !== 1) throw new Error('unknown version');
    const decipher = createDecipheriv('aes-256-gcm', masterKey, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new StratexError(
      'INTERNAL',
      'the encrypted key file failed its integrity check (it was changed, or the master key is not the one it was written with); ' +
        'delete keys.enc in STRATEX_HOME and store your keys again with `stratex keys set <provider>`',
    );
  }
}
