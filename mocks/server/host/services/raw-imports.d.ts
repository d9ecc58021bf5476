// Vite's `?raw` imports, for the core's type check (which has no vite/client types).
declare module '*?raw' {
  const source: string
  export default source
}
