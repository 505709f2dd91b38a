/**
 * One job in one fresh isolate: install the data, compile and evaluate the user's module, find its
 * entry point and params, resolve the params, run, and copy the output out. Every step that runs
 * user code is limited by the job's deadline; whatever fails becomes a contract failure.
 */
import ivm from 'isolated-vm';
import { copyOutput } from '../isolate/copy-output.js';
import type { ThrownDescription } from '../isolate/describe-error.js';
import { DATA_COLUMNS, ENTRY_EXPORT, type EntryStyle, type Outcome } from '../isolate/isolate-api.js';
import type { TreeNode } from '../isolate/output-tree.js';
import { type JobFailure, JobFailureError } from '../job-failure.js';
import { resolveParams } from '../params.js';
import type { ChildMessage, JobMessage, ResultMessage } from '../protocol.js';
import { treeToValue, treeToWire, WireError } from '../wire-value.js';
import {
  type JobSource,
  locate,
  memoryFailure,
  sandboxFailure,
  thrownFailure,
  timeoutFailure,
  usageFailure,
} from './classify-error.js';
import { Deadline } from './deadline.js';
import type { PreparedIsolate } from './prepared-isolate.js';

/** A reply and the binary parts that go with it. */
export interface Reply {
  message: ChildMessage;
  parts: ArrayBufferView[];
}

/** Appended after the user's code (on its own line, so line numbers stay): collects what it defined. */
const ENTRY_LINE = `\n;export const ${ENTRY_EXPORT} = { ${['strategy', 'onBar', 'on_bar', 'params']
  .map((name) => `${name}: typeof ${name} === 'undefined' ? undefined : ${name}`)
  .join(', ')} };\n`;

/** Runs `job` in `prepared` (which it disposes) and returns the reply for the host. */
export async function runJob(
  job: JobMessage,
  data: ArrayBuffer,
  prepared: PreparedIsolate,
  maxOutputBytes: number,
): Promise<Reply> {
  const source: JobSource = {
    filename: job.filename,
    lines: job.code.split('\n'),
    timeoutMs: job.timeoutMs,
    memoryMb: job.memoryMb,
  };
  const { isolate } = prepared;
  const deadline = new Deadline(job.timeoutMs, () => {
    if (!isolate.isDisposed) isolate.dispose();
  });
  try {
    const result = await runSteps(job, data, prepared, deadline, maxOutputBytes, source);
    return { ...result, message: { ...result.message, logs: prepared.logs.text() } };
  } catch (error) {
    const failure = deadline.expired ? timeoutFailure(source) : classifyIsolateError(error, source);
    return { message: { type: 'failure', id: job.id, error: failure, logs: prepared.logs.text() }, parts: [] };
  } finally {
    deadline.clear();
    if (!isolate.isDisposed) isolate.dispose();
  }
}

async function runSteps(
  job: JobMessage,
  data: ArrayBuffer,
  prepared: PreparedIsolate,
  deadline: Deadline,
  maxOutputBytes: number,
  source: JobSource,
): Promise<{ message: ResultMessage; parts: ArrayBufferView[] }> {
  const { isolate, context, api } = prepared;
  if (data.byteLength !== job.bars * DATA_COLUMNS.length * 8) throw new Error('data does not match bars');
  const dataCopy = new ivm.ExternalCopy(data, { transferOut: true });
  await api.setData.apply(undefined, [dataCopy.copyInto({ release: true, transferIn: true }), job.bars], {
    timeout: deadline.left(),
  });
  const module = await deadline.race(isolate.compileModule(job.code + ENTRY_LINE, { filename: job.filename }));
  let imported: string | undefined;
  try {
    // isolated-vm may call the resolver, and throw its error, synchronously.
    await module.instantiate(context, (specifier) => {
      imported = specifier;
      throw new Error('imports are not available');
    });
  } catch (error) {
    if (imported === undefined) throw error;
    throw new JobFailureError(importFailure(imported, source));
  }
  await deadline.race(module.evaluate({ timeout: deadline.left() }));
  const entry = (await deadline.race(
    api.loadEntry.apply(undefined, [module.namespace.derefInto()], {
      timeout: deadline.left(),
      result: { copy: true },
    }),
  )) as Outcome<{ style: EntryStyle; defaults: TreeNode }>;
  if (!entry.ok) throw new JobFailureError(entryFailure(entry, source));
  const params = resolveParams(treeToValue(entry.defaults), job.params);
  const ran = (await deadline.race(
    api.run.apply(undefined, [new ivm.ExternalCopy(params).copyInto({ release: true })], {
      timeout: deadline.left(),
      result: { promise: true, copy: true },
    }),
  )) as Outcome<{ output: TreeNode }>;
  if (!ran.ok) throw new JobFailureError(thrownFailure(ran.error, source));
  return encodeResult(job, entry.style, ran.output, params, maxOutputBytes);
}

function encodeResult(
  job: JobMessage,
  style: EntryStyle,
  output: TreeNode,
  params: Record<string, unknown>,
  maxOutputBytes: number,
): { message: ResultMessage; parts: ArrayBufferView[] } {
  const parts: ArrayBufferView[] = [];
  const wireOutput = treeToWire(output, parts);
  const bytes = parts.reduce((sum, part) => sum + part.byteLength, 0);
  if (bytes > maxOutputBytes) {
    throw new JobFailureError(
      usageFailure(`The strategy's output is larger than the ${maxOutputBytes / 2 ** 20} MB limit`),
    );
  }
  const wireParams = treeToWire(copyOutput(params, maxOutputBytes, 'params'), parts);
  return { message: { type: 'result', id: job.id, style, params: wireParams, output: wireOutput, logs: '' }, parts };
}

function entryFailure(entry: { error: ThrownDescription; usage?: boolean }, source: JobSource): JobFailure {
  return entry.usage === true ? usageFailure(entry.error.message) : thrownFailure(entry.error, source);
}

function importFailure(specifier: string, source: JobSource): JobFailure {
  const quoted = [`'${specifier}'`, `"${specifier}"`];
  const index = source.lines.findIndex(
    (line) => /\bimport\b|\bfrom\b/.test(line) && quoted.some((q) => line.includes(q)),
  );
  const where = index < 0 ? locate('', undefined) : locate(`${source.filename}:${index + 1}:1`, source);
  return sandboxFailure(
    `import '${specifier.slice(0, 100)}' is not available: strategies cannot import modules; use the injected data and indicators`,
    where,
  );
}

/** Errors thrown by isolated-vm calls: limits, syntax errors, and values thrown at the top level. */
function classifyIsolateError(error: unknown, source: JobSource): JobFailure {
  if (error instanceof JobFailureError) return error.failure;
  if (error instanceof WireError) return usageFailure("The strategy's output could not be read");
  const message = error instanceof Error ? error.message : '';
  if (message.includes('Script execution timed out')) return timeoutFailure(source);
  if (message.includes('memory limit')) return memoryFailure(source);
  if (message.includes('Isolate was disposed') || message.includes('Isolate is already disposed')) {
    return memoryFailure(source);
  }
  if (message.startsWith('An object was thrown from supplied code')) {
    return thrownFailure({ name: 'Error', message: 'a non-Error value was thrown', stack: '', sandbox: false }, source);
  }
  if (!(error instanceof Error)) return usageFailure('The strategy failed in an unexpected way');
  return thrownFailure({ name: error.name, message: error.message, stack: error.stack ?? '', sandbox: false }, source);
}
