import { it } from 'vitest';

it('dbg', async () => {
  try {
    const m = await import('@stratex/local');
    console.log(Object.keys(m));
  } catch (e) {
    console.log('ERR', String(e));
  }
});
