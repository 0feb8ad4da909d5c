/** A GraphQL answer as the dashboard handles it: data (possibly partial) and the errors beside it. */
export interface GraphError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; serviceName?: string; [key: string]: unknown };
}

export interface GraphResult<T> {
  data: T | null;
  errors: GraphError[];
}
