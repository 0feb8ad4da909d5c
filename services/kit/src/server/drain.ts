/**
 * Readiness that turns to "draining" the moment shutdown begins: `/ready` answers 503 while the
 * process keeps serving for `delayMs`, so a load balancer (Kubernetes endpoints, an ingress) stops
 * sending new requests before the listener closes and in-flight requests finish. A rolling update
 * then loses no request.
 */
export interface Drain {
  /** The readiness check to serve: false once draining, else the process's own check. */
  isReady(): Promise<boolean>;
  readonly draining: boolean;
  /** Marks the process as draining, then waits `delayMs` before the caller closes its listener. */
  begin(): Promise<void>;
}

export function createDrain(isReady: () => Promise<boolean>, delayMs: number): Drain {
  let draining = false;
  return {
    isReady: async () => !draining && isReady(),
    get draining() {
      return draining;
    },
    async begin() {
      if (draining) return;
      draining = true;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    },
  };
}
