// The import worker run from source (`npm run web` under tsx, vitest): Node's worker gets
// no TypeScript loader from its parent here, so register tsx's (a devDependency) in this
// thread, then load import-worker.ts. The packaged app runs out/main/import-worker.js instead.
import { tsImport } from 'tsx/esm/api';

await tsImport('./import-worker.ts', import.meta.url);
