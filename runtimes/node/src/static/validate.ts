/**
 * Static validation of a JavaScript strategy on the trusted host, before anything of it runs: the
 * (type-stripped) source is parsed with acorn as an ES module and walked once. A first filter with
 * clear messages, not the boundary (the isolate is): it turns away obviously hostile or oversized
 * code with CODE_REJECTED and the user's line (ts-blank-space keeps lines, so TypeScript lines match).
 */
import { StratexError } from '@stratex/core';
import { type Node, parse } from 'acorn';
import { BANNED_NAMES, BANNED_PROPERTIES, LIMITS } from './rules.js';

type AnyNode = Node & Record<string, unknown>;

interface Visit {
  node: AnyNode;
  parent: AnyNode | undefined;
  depth: number;
}

/**
 * Throws StratexError CODE_REJECTED (`details.line`) for a banned construct or a strategy over the
 * size limits, and STRATEGY_ERROR (`details.line`, `column`) for a syntax error, as V8 would report it.
 */
export function validateStrategy(code: string): void {
  walk(parseModule(code));
}

function parseModule(code: string): AnyNode {
  try {
    return parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) as unknown as AnyNode;
  } catch (error) {
    if (error instanceof RangeError) throw reject('the strategy is nested too deeply to parse', 1);
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    if (!(error instanceof SyntaxError) || loc === undefined) throw error;
    const text = error.message.replace(/ \(\d+:\d+\)$/, '');
    throw new StratexError('STRATEGY_ERROR', `SyntaxError: ${text} (line ${loc.line})`, {
      line: loc.line,
      column: loc.column + 1,
    });
  }
}

function walk(program: AnyNode): void {
  const stack: Visit[] = [{ node: program, parent: undefined, depth: 0 }];
  let count = 0;
  while (stack.length > 0) {
    const visit = stack.pop() as Visit;
    count += 1;
    if (count > LIMITS.maxNodes) {
      throw reject(
        `the strategy has more than ${LIMITS.maxNodes.toLocaleString('en')} syntax nodes`,
        lineOf(visit.node),
      );
    }
    if (visit.depth > LIMITS.maxDepth) {
      throw reject(`the strategy nests deeper than ${LIMITS.maxDepth} levels`, lineOf(visit.node));
    }
    check(visit.node, visit.parent);
    const children = childrenOf(visit.node);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i], parent: visit.node, depth: visit.depth + 1 });
    }
  }
}

/** Child nodes in source order (pushed reversed, so the first offence in the file is reported). */
function childrenOf(node: AnyNode): AnyNode[] {
  const children: AnyNode[] = [];
  for (const key in node) {
    if (key === 'loc') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  return children;
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function check(node: AnyNode, parent: AnyNode | undefined): void {
  const line = lineOf(node);
  switch (node.type) {
    case 'ImportDeclaration':
    case 'ImportExpression':
      throw reject(
        'import is not allowed: strategies cannot load modules; data, indicators and params are globals',
        line,
      );
    case 'ExportAllDeclaration':
      throw reject('re-exporting another module is not allowed: strategies cannot load modules', line);
    case 'ExportNamedDeclaration':
      if (node.source != null)
        throw reject('re-exporting another module is not allowed: strategies cannot load modules', line);
      return;
    case 'MetaProperty':
      if ((node.meta as AnyNode).name === 'import') throw reject('import.meta is not available to strategies', line);
      return;
    case 'WithStatement':
      throw reject("'with' statements are not allowed", line);
    case 'DebuggerStatement':
      throw reject("'debugger' statements are not allowed", line);
    case 'Identifier':
      checkIdentifier(node, parent, line);
      return;
    case 'MemberExpression':
      checkProperty(propertyName(node.property as AnyNode, node.computed === true), line);
      return;
    case 'Property':
      checkKey(node, parent, line);
      return;
  }
}

function checkIdentifier(node: AnyNode, parent: AnyNode | undefined, line: number): void {
  const reason = BANNED_NAMES.get(node.name as string);
  if (reason !== undefined && isReference(node, parent)) throw reject(`'${node.name}' is not allowed: ${reason}`, line);
}

/** False where an identifier only names a property, a label or an export, not a variable. */
function isReference(node: AnyNode, parent: AnyNode | undefined): boolean {
  if (parent === undefined) return true;
  switch (parent.type) {
    case 'MemberExpression':
      return parent.property !== node || parent.computed === true;
    case 'Property':
    case 'PropertyDefinition':
    case 'MethodDefinition':
      return parent.key !== node || parent.computed === true || parent.shorthand === true;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return false;
    case 'ExportSpecifier':
      return parent.local === node;
    default:
      return true;
  }
}

/** An object pattern reads its keys (`const { constructor } = x`); an object literal writes `__proto__`. */
function checkKey(node: AnyNode, parent: AnyNode | undefined, line: number): void {
  const name = propertyName(node.key as AnyNode, node.computed === true);
  if (parent?.type === 'ObjectPattern' || name === '__proto__') checkProperty(name, line);
}

function checkProperty(name: string | undefined, line: number): void {
  const reason = name === undefined ? undefined : BANNED_PROPERTIES.get(name);
  if (reason !== undefined) throw reject(`access to '${name}' is not allowed: ${reason}`, line);
}

/** The property's name when it is written out: `.x`, `['x']`, `` [`x`] ``; a computed key is invisible. */
function propertyName(key: AnyNode, computed: boolean): string | undefined {
  if (!computed) return key.type === 'Identifier' ? (key.name as string) : literalString(key);
  return literalString(key);
}

function literalString(node: AnyNode): string | undefined {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0) {
    return ((node.quasis as AnyNode[])[0].value as { cooked?: string }).cooked;
  }
  return undefined;
}

function lineOf(node: AnyNode): number {
  return node.loc?.start.line ?? 1;
}

function reject(message: string, line: number): StratexError {
  return new StratexError('CODE_REJECTED', `${message} (line ${line})`, { line });
}
