import { circuitFromDoc } from '../src/circuits/circuit';
import { importConnectome } from '../src/circuits/connectome/import';
import { WORM_TABLES } from '../src/circuits/connectome/published-table-names';
import { loadPublishedTables } from '../src/circuits/connectome/published-tables-web';
import type { Circuit } from '../src/circuits/types';
import { MODELS } from '../src/neural/models';
import type { Announcement } from './ui/Toast';

export const WHOLE_WORM_NAME = 'Whole worm (302)';
/** What the playground announces when the whole worm starts: where the model stands today. */
export const WHOLE_WORM_STATE =
  '302 neurons from the published wiring; it crawls at the slowest real pace and backs away from a nose touch, but a body or tail touch does not move it yet (docs/biology.md, Whole worm)';
export const WHOLE_WORM_FILE = 'whole-worm-302.json';

/** What the game says of it: what it is, and honestly what it cannot do yet. */
export const WHOLE_WORM_DESCRIPTION =
  'All 302 neurons as the published wiring has them (White et al. 1986, Varshney et al. 2011: chemical synapses, gap junctions, ' +
  'the neuromuscular and sensory tables), with the fitted class model (issue 18): parameters per neuron class, stretch receptors ' +
  'on the B-type and head motor neurons bounded by reversal potentials, nothing added to the wiring. Its head oscillates and the ' +
  'bend runs head to tail at the slowest end of the real pace (0.10 body lengths/s, the body bending at 0.57 Hz); it backs away from a gentle ' +
  'nose touch within about 1.2 s and crawls on by itself. A touch on the body or the tail does not change what it does yet. ' +
  'The built-in Worm is the one that crawls, turns and withdraws; docs/biology.md, "Whole worm", measures the difference.';

let loading: Promise<Circuit> | null = null;
let ready: Circuit | null = null;

/**
 * The whole connectome as a circuit the game offers without a file from the
 * player: the project's own tables (data/) through the importer, once per
 * visit (~0.4 s; the tables load as their own chunk).
 */
export function loadWholeWorm(): Promise<Circuit> {
  loading ??= (async () => {
    const tables = await loadPublishedTables(WORM_TABLES);
    const imported = importConnectome(tables, { name: WHOLE_WORM_NAME, fileName: WHOLE_WORM_FILE, models: MODELS });
    ready = circuitFromDoc({ ...imported.circuit.doc, description: WHOLE_WORM_DESCRIPTION }, WHOLE_WORM_FILE, MODELS);
    return ready;
  })();
  loading.catch(() => {
    loading = null; // a failed load can be tried again
  });
  return loading;
}

/** The whole worm if it has loaded (a scene that restarts to run it needs it at once), else null. */
export function loadedWholeWorm(): Circuit | null {
  return ready;
}

/** The Whole worm button: back to the usual worm, or load the whole worm (once per visit) and restart on it. */
export async function switchWholeWorm(
  running: boolean,
  toast: { announce(a: Announcement): void },
  restart: (data: { circuit?: 'whole-worm' }) => void,
): Promise<void> {
  if (running) {
    restart({});
    return;
  }
  toast.announce({ title: `Loading the ${WHOLE_WORM_NAME.toLowerCase()}`, detail: 'from the published wiring tables' });
  try {
    await loadWholeWorm();
  } catch (e) {
    toast.announce({ title: 'Could not load the whole worm', detail: (e as Error).message.slice(0, 160), kind: 'warn' });
    return;
  }
  restart({ circuit: 'whole-worm' });
}
