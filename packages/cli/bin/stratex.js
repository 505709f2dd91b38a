#!/usr/bin/env node
import { main } from '../dist/index.js';

// The local store talks to its embedded DynamoDB through the AWS SDK, whose notice about a future
// Node 22 floor would print on every command; stratex supports Node 20 on a laptop (DESIGN.md).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// `stratex … | head` closes the pipe early: that is the reader's choice, not an error to report.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
