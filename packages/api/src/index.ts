/** The stratex HTTP API (CONTRACT.md section 6): a Hono app built from ports. */
export const API_VERSION = 'v1';
