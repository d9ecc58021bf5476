// Lets plain Node scripts import the project's TypeScript modules directly. The hooks resolve the
// extensionless relative imports Vite allows; where Node cannot strip types itself (22.12–22.17
// without a flag), they compile each .ts file with the project's own TypeScript first.
// `register` rather than the synchronous `registerHooks`, which Node 22.12 does not have.
import { register } from 'node:module'

register('./typescript-hooks.mjs', {
  parentURL: import.meta.url,
  data: { nativeTypeScript: Boolean(process.features.typescript) },
})
