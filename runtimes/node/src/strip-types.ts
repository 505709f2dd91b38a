/**
 * TypeScript → JavaScript on the trusted side, before the code reaches the sandbox: ts-blank-space
 * replaces type annotations with spaces, so every line and column stays where the user wrote it and
 * error line numbers need no source map. Constructs that carry runtime meaning (enum, namespace,
 * parameter properties) cannot be blanked: the strategy is rejected (CODE_REJECTED) with their line.
 */
import { StratexError } from '@stratex/core';

interface NodeLike {
  /** Start of the node including the whitespace and comments before it. */
  pos: number;
}

type Stripper = typeof import('ts-blank-space')['default'];

let stripper: Promise<Stripper> | undefined;

/**
 * Loads the stripper (it pulls in the TypeScript parser: ~0.3–1 s, so JS-only hosts never load it);
 * call it early to overlap the load with other work.
 */
export function loadTypeStripper(): Promise<Stripper> {
  stripper ??= import('ts-blank-space').then((module) => module.default);
  return stripper;
}

/** The JavaScript of a TypeScript strategy, same line numbers. */
export async function stripTypes(code: string): Promise<string> {
  const tsBlankSpace = await loadTypeStripper();
  let firstProblem: number | undefined;
  const js = tsBlankSpace(code, (node) => {
    firstProblem ??= skipTrivia(code, (node as unknown as NodeLike).pos);
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

/** The first position at or after `pos` that is not whitespace or a comment. */
function skipTrivia(code: string, pos: number): number {
  let i = pos;
  for (;;) {
    while (i < code.length && /\s/.test(code[i])) i++;
    if (code.startsWith('//', i)) {
      const end = code.indexOf('\n', i);
      i = end < 0 ? code.length : end;
    } else if (code.startsWith('/*', i)) {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 2;
    } else {
      return i;
    }
  }
}
