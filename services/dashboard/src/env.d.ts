/// <reference types="vite/client" />

declare module 'virtual:trusted-documents' {
  /** Operation name → SHA-256 of its registered text (schemas/trusted-documents.json). */
  export const ids: Record<string, string>;
  /** The texts too, under `vite dev` only. */
  export const texts: Record<string, string> | undefined;
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
