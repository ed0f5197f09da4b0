/** TEST DOUBLE — a backend module for pool and CLI tests (worker threads import it by URL). */
import { fakeBackend } from './fake-sim';

export const simBackend = fakeBackend();
