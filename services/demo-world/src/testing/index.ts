// The demo district as tests reach it through the graph (never built into an image).
export * from './places';
export * from './people';
export * from './personas';
