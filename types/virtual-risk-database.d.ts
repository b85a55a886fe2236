/** The compiled risk database emitted by scripts/vite-plugin-database.ts. */
declare module 'virtual:risk-database' {
  const compiled: import('../src/core/database/compile-database.ts').CompiledDatabase;
  export default compiled;
}
