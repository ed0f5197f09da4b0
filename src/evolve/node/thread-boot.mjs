// Worker-thread entry for the evolution pool (piscina): worker threads do not
// inherit the main thread's tsx loader, so register it, then hand piscina the
// TypeScript task function.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./thread-task.ts');
export default mod.default;
