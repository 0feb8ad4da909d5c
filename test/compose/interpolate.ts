/**
 * Variable interpolation as the Compose Specification defines it: `$VAR`, `${VAR}`, `${VAR:-default}`
 * and `${VAR-default}`, `${VAR:?error}` and `${VAR?error}`, `${VAR:+replacement}` and `${VAR+replacement}`,
 * defaults that are interpolated in turn, and `$$` for a literal `$`. Only values are interpolated, never keys.
 */
export type Environment = Record<string, string | undefined>;

export interface Interpolation {
  value: unknown;
  /** Wrong templates, required variables without a value, and variables used with no default. */
  problems: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/;

export function interpolateDocument(document: unknown, env: Environment): Interpolation {
  const problems: string[] = [];
  const walk = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') return interpolate(node, env, path, problems);
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${path}[${i}]`));
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value, path ? `${path}.${key}` : key)]));
    }
    return node;
  };
  return { value: walk(document, ''), problems };
}

function interpolate(text: string, env: Environment, where: string, problems: string[]): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '$') {
      out += text[i++];
      continue;
    }
    if (text[i + 1] === '$') {
      out += '$';
      i += 2;
    } else if (text[i + 1] === '{') {
      const end = closingBrace(text, i + 1);
      if (end < 0) {
        problems.push(`${where}: invalid interpolation format "${text}": an unclosed \${`);
        return out + text.slice(i);
      }
      out += substitute(text.slice(i + 2, end), env, where, problems);
      i = end + 1;
    } else {
      const name = NAME.exec(text.slice(i + 1))?.[0];
      if (!name) {
        problems.push(`${where}: invalid interpolation format "${text}": a lone $ (write $$ for a literal one)`);
        return out + text.slice(i);
      }
      out += variable(name, env, where, problems);
      i += 1 + name.length;
    }
  }
  return out;
}

function substitute(body: string, env: Environment, where: string, problems: string[]): string {
  const match = BRACED.exec(body);
  if (!match) {
    problems.push(`${where}: invalid interpolation format "\${${body}}"`);
    return '';
  }
  const [, name, operator, argument = ''] = match;
  const value = env[name];
  const unset = value === undefined;
  const empty = unset || value === '';
  const nested = () => interpolate(argument, env, where, problems);
  switch (operator) {
    case undefined:
      return variable(name, env, where, problems);
    case ':-':
      return empty ? nested() : value;
    case '-':
      return unset ? nested() : value;
    case ':?':
    case '?':
      if (operator === ':?' ? empty : unset) problems.push(`${where}: required variable ${name} is missing a value: ${argument}`);
      return value ?? '';
    case ':+':
      return empty ? '' : nested();
    default: // '+'
      return unset ? '' : nested();
  }
}

/** Compose only warns about an unset variable and uses ''; this project's file gives every one a default. */
function variable(name: string, env: Environment, where: string, problems: string[]): string {
  const value = env[name];
  if (value === undefined) problems.push(`${where}: variable ${name} is used without a default ($\{${name}:-…}) and is not set`);
  return value ?? '';
}

/** The index of the `}` closing the `{` at `open`, counting nested `${…}`; -1 when there is none. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}
