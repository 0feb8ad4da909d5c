import type { GraphError } from './answer';
import { missingServices, type Service } from './services';

export type PanelStatus = 'idle' | 'loading' | 'ready' | 'forbidden' | 'unauthenticated' | 'failed';

export interface PanelState<T> {
  status: PanelStatus;
  data: T | null;
  /** Services whose part of the answer is missing (the rest shows). */
  missing: Service[];
  /** Some parts were refused (FORBIDDEN) while the rest answered. */
  partlyForbidden: boolean;
  /** For `failed`: the code of the first error. */
  code: string | null;
  errors: GraphError[];
}

const codesOf = (errors: GraphError[]) => new Set(errors.map((e) => e.extensions?.code ?? ''));

/**
 * Turns an answer into what a panel shows: the data, what is missing, or why there is none.
 * `essential` picks what the panel cannot show without (default: the root fields); when it is
 * missing and the graph said why, that is the panel's state.
 */
export function judge<T>(
  data: T | null,
  errors: GraphError[],
  essential?: (data: T) => unknown,
): Omit<PanelState<T>, 'status'> & { status: Exclude<PanelStatus, 'idle' | 'loading'> } {
  const codes = codesOf(errors);
  const base = { data, errors, missing: missingServices(data, errors), partlyForbidden: false, code: errors[0]?.extensions?.code ?? null };
  if (codes.has('UNAUTHENTICATED')) return { ...base, status: 'unauthenticated' };
  const rootMissing =
    data === null || (essential ? essential(data) == null : Object.values(data as object).every((value) => value === null));
  if (rootMissing && codes.has('FORBIDDEN')) return { ...base, status: 'forbidden' };
  if (rootMissing && errors.length > 0) return { ...base, status: 'failed' };
  return { ...base, status: 'ready', partlyForbidden: codes.has('FORBIDDEN') };
}
