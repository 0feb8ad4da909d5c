import { reactive, watch, type WatchSource } from 'vue';
import { run } from './graph';
import { judge, type PanelState } from './judge';

export type { PanelState, PanelStatus } from './judge';

/**
 * One panel's operation: runs whenever its variables change (null variables: not yet known, wait),
 * keeps the last answer while reloading.
 */
export function usePanel<T>(operation: string, variables: WatchSource<Record<string, unknown> | null>, essential?: (data: T) => unknown) {
  const state = reactive<PanelState<T>>({
    status: 'idle',
    data: null,
    missing: [],
    partlyForbidden: false,
    code: null,
    errors: [],
  }) as PanelState<T>;
  let latest = 0;
  const load = async (vars: Record<string, unknown> | null) => {
    if (!vars) return;
    const call = ++latest;
    state.status = 'loading';
    const result = await run<T>(operation, vars);
    if (call !== latest) return;
    Object.assign(state, judge(result.data, result.errors, essential));
  };
  watch(variables, (vars) => void load(vars), { immediate: true, deep: true });
  return state;
}
