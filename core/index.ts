// The package entry: the catalog and the engine, for the sidebar, the playground and automation in Node.
export { CallError, CellError, type Out } from './cells';
export { CATALOG, findFunction } from './catalog';
export type { FunctionSpec, ParamSpec, ResultKind, Section } from './function-spec';
export { invoke } from './invoke';
export * from './report';
export * from './capacity';
