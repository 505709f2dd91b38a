// expect: SANDBOX_VIOLATION
// filter: CODE_REJECTED
// A UDP datagram to the canary port (as a DNS query would be sent).
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy(_data, p) {
  require('node:dgram').createSocket('udp4').send('stolen', p.canaryPort, '127.0.0.1');
  return { entries: [] };
}
