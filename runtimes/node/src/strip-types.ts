/**
 * TypeScript → JavaScript on the trusted side, before the code reaches the sandbox: ts-blank-space
 * replaces type annotations with spaces, so every line and column stays where the user wrote it and
 * error line numbers need no source map. Constructs that carry runtime meaning (enum, namespace,
 * parameter properties) cannot be blanked: the strategy is rejected (CODE_REJECTED) with their line.
 */
import { StratexError } from '@stratex/core';

interface NodeLike {
  pos: number;
  getStart?: () => number;
}

/** The JavaScript of a TypeScript strategy, same line numbers. */
export async function stripTypes(code: string): Promise<string> {
  // Loaded on first use: it pulls in the TypeScript parser, which JS-only hosts need not pay for.
  const { default: tsBlankSpace } = await import('ts-blank-space');
  let firstProblem: number | undefined;
  const js = tsBlankSpace(code, (node) => {
    firstProblem ??= startOf(node as unknown as NodeLike);
  });
  if (firstProblem !== undefined) {
    const line = code.slice(0, firstProblem).split('\n').length;
    throw new StratexError(
      'CODE_REJECTED',
      `TypeScript syntax with runtime meaning (enum, namespace, parameter properties, …) is not supported (line ${line}); use plain objects and functions`,
      { line },
    );
  }
  return js;
}

function startOf(node: NodeLike): number {
  try {
    return node.getStart?.() ?? node.pos;
  } catch {
    return node.pos;
  }
}
