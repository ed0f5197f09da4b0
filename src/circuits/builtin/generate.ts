/**
 * Generates the built-in circuit files. The circuits are data (JSON beside
 * this file, editable in the editor); this script is how they are made and
 * kept consistent. Run: `npx tsx src/circuits/builtin/generate.ts`.
 * A test checks that the committed JSON equals what this script produces.
 *
 * The nervous system is graded (non-spiking) neurons throughout, the way most
 * C. elegans neurons signal (the seed circuit excepted). Each layer is its own
 * module (locomotion.ts, touch.ts, ...); this file composes them into the
 * circuits the game ships.
 */
import type { CircuitDoc } from '../types';
import { Builder } from './builder';
import { addLocomotion, GAIT } from './locomotion';
import { addDishabituation, addHarsh, addTouch, TOUCH as TOUCH_PARAMS } from './touch';
import { addSenses, senseCircuits, SENSES_SUMMARY } from './senses';
import { addForaging } from './foraging';
import { addModulation } from './modulation';
import { addLearning } from './learning';
import { addChoice } from './choice';
import { buildConductance, checkMembrane, type Membrane } from './membrane';

const ONE_PER_CLASS = 'one neuron per class instead of left/right pairs, graded neurons throughout';

/** Read at build time: a gait point (CONDUCTANCE_GAIT) may set another number of units. */
const locomotionText = (): string =>
  'Forward and backward crawling from command interneurons (AVB forward, AVA backward). The wave starts in a head oscillator (RMDD/RMDV, a flip-flop tipped over by the bend it feels in the neck and by slow timer neurons SMDD/SMDV) ' +
  `or, backward, in a tail oscillator (the tail's A-type motor neurons DA9/VA12, whose self-excitation adapts), and travels along ${GAIT.units} B-type (DB/VB) or A-type (DA/VA) units that each copy the bend ahead of or behind them (proprioception); ` +
  'in each unit the GABA D-type neurons (DD/VD) let only one side contract and relax the other. The rhythm switches when the body has bent far enough, so it is slow on agar and fast in water, and the command sets how hard the units contract. No sine generator: rhythm, wavelength and direction come from the circuit and the body.';
const locomotionSimplified = (): string =>
  `${GAIT.units} units instead of the real 75 ventral-cord motor neurons; the SMD timers and the adapting self-excitation stand in for the slow currents that make real head and tail motor neurons oscillate`;

const TOUCH =
  'Gentle touch: ALM/AVM (front half) excite the slow interneuron AVD, which holds the backward command AVA up for a few seconds (a reversal that ends by itself), and inhibit AVB/PVC; PLM (back half) excites PVC, which drives AVB (faster forward crawling) and inhibits AVD/AVA.';
const HARSH =
  'Harsh touch and nociception: ASH (nose) and PVD (body) drive AVD harder and charge AIB, which AVA charges too during a reversal; when AVA lets go, AIB drives RIV, which bends the body hard to the ventral side (an omega-like turn) and holds AVB down until it fades.';
const FORAGING =
  'Off food it forages: AWC (active while there is no food odour) lifts the slow turn relay RIM close to its threshold, where the relay’s own fluctuations now and then call a reversal through AVA; long reversals charge AIB, which turns the worm through RIV (an omega turn). AWC’s synapse tires over minutes, so reversals grow rarer (local search, then dispersal).';
const MODULATION =
  'Modulation: on a bacterial lawn the dopaminergic CEPD/ADE/PDE feel its texture and their dopamine (DOP-3 on the B-type units) slows crawling (basal slowing); a hungry worm on food also has NSM release serotonin (MOD-1 on AVB), which slows it much more (enhanced slowing).';
const LEARNING =
  'Learning: butanone felt by AIA drives AIY, which lifts RIAL/RIAR; they compare butanone across the nose and steer the head push-pull (each excites the SMB of its side and inhibits the other). AIA → AIY is a plastic synapse: met with food (dopamine) it strengthens, met while starving (octopamine from RIC) it weakens; starving also strengthens a second plastic synapse, from AIA to the turn relay, so a worm starved with butanone backs away from it; the changes fade over a minute.';
const HABITUATION =
  'Habituation: the touch cells’ synapses onto AVD and PVC depress with use (two pools: a fast one refilling within about half a minute, a slow one over ~10 min that only taps far apart wear), so taps 10 s apart give much weaker reversals that are back within a couple of minutes, and taps 60 s apart weaker ones that take many minutes to recover.';

const CHOICE_TEXT =
  'Choice (winner takes all, seed 004): diacetyl (AWA’s odour) and isoamyl alcohol (AWC’s) each have a pair of cells that compare it across the nose and steer the head through SMBD/SMBV (RIFL/RIFR for diacetyl, RIAL/RIAR for isoamyl alcohol); a choice cell per odour (RIR, AIA) feels how much of it there is, excites itself and inhibits the other, and only the winner lifts its pair to where it steers, so with one source on each side the worm commits to one instead of staying between them.';

const DISHABITUATION =
  'Dishabituation: a harsh touch to the back half excites the dopaminergic PDE, and dopamine on DOP-1 in the gentle touch cells refills their pools, so a habituated tap response comes back.';

export function buildLocomotion(): CircuitDoc {
  const b = new Builder();
  addLocomotion(b);
  return b.doc('Locomotion', `${locomotionText()} Simplifications: ${ONE_PER_CLASS}; ${locomotionSimplified()}.`);
}

export function buildTouchWithdrawal(): CircuitDoc {
  const b = new Builder();
  addLocomotion(b);
  addTouch(b, { habituate: false });
  addHarsh(b);
  return b.doc(
    'Touch withdrawal',
    `Locomotion plus the touch reflexes. ${TOUCH} ${HARSH} Simplifications: ${ONE_PER_CLASS}; no habituation here (see "habituation"); gap junctions (ALM–AVD, PLM–PVC, AVB–B-type) modelled as excitatory chemical synapses; FLP, AVE, RIM and SMD's role in turns left out; PVD alone does not separate front and back (the gentle cells choose the direction).`,
  );
}

export function buildHabituation(): CircuitDoc {
  const b = new Builder();
  addLocomotion(b);
  addTouch(b, { habituate: true, augment: true });
  return b.doc(
    'Habituation',
    `Locomotion plus gentle touch whose synapses habituate. ${TOUCH} ${HABITUATION} They also augment (each tap's release adds an enhancement that fades in ~3 s), so a fast train levels off at a fraction of the first response instead of abolishing it. Simplifications: ${ONE_PER_CLASS}; habituation is only presynaptic depression of the touch cells (the real one also involves glutamate receptor trafficking and dopamine); a plate tap reaches every gentle touch cell at once.`,
  );
}

function wormLayers(): Builder {
  const b = new Builder();
  addLocomotion(b);
  addTouch(b, { habituate: true, recoveryFastMs: TOUCH_PARAMS.wormRecoveryFastMs });
  addHarsh(b, { pair: true });
  addSenses(b);
  addForaging(b);
  addModulation(b);
  addDishabituation(b);
  return b;
}

/** The shipped worm's membrane (membrane.ts): conductances since issue 14; `worm-current` keeps the current-based worm beside it. */
export const WORM_MEMBRANE: Membrane = 'conductance';

const CONDUCTANCE_TEXT =
  'Membrane: synapses, senses and modulator receptors are conductances toward reversal potentials (excitatory 0 mV, chloride −70 to −75 mV, K⁺ −80 mV), matched to the currents they replace at each neuron’s working point, so no input takes V past them. Dopamine (DOP-3) and serotonin act on the B-type units’ release instead (less acetylcholine through Gαo), so on a lawn the body still bends, slower.';

/** The default worm; `membrane` (default WORM_MEMBRANE) picks current-based or conductance-based synapses, senses and receptors. */
export function buildWorm(opts: { membrane?: Membrane } = {}): CircuitDoc {
  return onMembrane(opts.membrane, 'buildWorm', (extra) =>
    wormLayers().doc(
      'Worm',
      `The default nervous system: everything the built-in circuits model, together. ${locomotionText()} ${TOUCH} ${HARSH} ${HABITUATION} ${SENSES_SUMMARY} ${FORAGING} ${MODULATION} ${DISHABITUATION}${extra} Simplifications: ${ONE_PER_CLASS}; ${locomotionSimplified()}; about 80 neurons stand for the real 302.`,
    ),
  );
}

/**
 * Builds a worm on `membrane` (default WORM_MEMBRANE): as it is, or with the layers' conductance values
 * (CONDUCTANCE_LAYERS) and converted; `build` gets the membrane's sentence for its description.
 */
function onMembrane(membrane: Membrane | undefined, builder: string, build: (extra: string) => CircuitDoc): CircuitDoc {
  return checkMembrane(membrane ?? WORM_MEMBRANE, `${builder}: membrane`) === 'current'
    ? build('')
    : buildConductance(() => build(` ${CONDUCTANCE_TEXT} ${CONDUCTANCE_TAIL_NOTE}`));
}

/** The tail pair's one modelling assumption beyond the wiring (CONDUCTANCE_GAIT.tailVaInhibitsDa; docs/biology.md, the backing). */
const CONDUCTANCE_TAIL_NOTE =
  'The published wiring has no D-type synapse onto DA9, so VA12 inhibits DA9 directly, standing for its cholinergic VA12 → DA9 synapse (inhibitory only through acetylcholine-gated chloride channels, an assumption).';

/**
 * The default worm on current-based synapses, as it shipped until issue 14's switch: offered beside the default
 * (editor *New…*, scenarios, `neuroworm run --circuit worm-current`) to compare, and to show why conductances matter.
 */
export function buildCurrentWorm(): CircuitDoc {
  const doc = buildWorm({ membrane: 'current' });
  return {
    ...doc,
    name: 'Worm on current synapses (the old default)',
    description: `The default worm as it shipped until the switch to conductance synapses (issue 14): the same cells and wiring as "worm", but each synapse, sense and receptor adds a fixed current whatever the membrane potential, so a hard push takes a neuron far past anything a real one reaches (AVA near +120 mV after food, heat and a tap; AVB below −120 mV), and in water it barely swims. Kept to compare with "worm". ${doc.description ?? ''}`,
  };
}

/**
 * The default worm plus the learning layer. Not yet the default itself: its four extra cells shift
 * the seeded neural noise of every other cell, and two scenarios of the default worm then fail by
 * chance (default-worm seed 5 bends at 1.1 Hz, slowing-starved path 3.8 mm); the engine needs
 * noise-free cells first. `membrane` as buildWorm's.
 */
export function buildLearningWorm(opts: { membrane?: Membrane } = {}): CircuitDoc {
  return wormPlusLayer(
    opts.membrane,
    'buildLearningWorm',
    addLearning,
    'Worm that learns',
    `The default worm with associative olfactory learning. ${LEARNING}`,
    '',
  );
}

/** The default worm plus seed 004's winner-takes-all between two odours (choice.ts); `membrane` as buildWorm's. */
export function buildChoiceWorm(opts: { membrane?: Membrane } = {}): CircuitDoc {
  return wormPlusLayer(
    opts.membrane,
    'buildChoiceWorm',
    addChoice,
    'Worm that chooses',
    `The default worm with a choice between two odours. ${CHOICE_TEXT}`,
    '; RIR, AIA, RIF and RIA read their odour through bindings of their own (AWA’s and AWC’s signals folded in), and their roles in the choice are the model’s, not measured ones',
  );
}

/** The default worm's layers plus one more (`add`), described as "worm" with `intro` first and `simplified` appended. */
function wormPlusLayer(
  membrane: Membrane | undefined,
  builder: string,
  add: (b: Builder) => void,
  name: string,
  intro: string,
  simplified: string,
): CircuitDoc {
  return onMembrane(membrane, builder, (extra) => {
    const b = wormLayers();
    add(b);
    return b.doc(
      name,
      `${intro} Everything else as in "worm": ${locomotionText()} ${TOUCH} ${HARSH} ${HABITUATION} ${SENSES_SUMMARY} ${FORAGING} ${MODULATION} ${DISHABITUATION}${extra} Simplifications: ${ONE_PER_CLASS}; ${locomotionSimplified()}${simplified}.`,
    );
  });
}

const SEED_SECOND_THRESHOLD = 0.5;

/** The seed article's two transmitter neurons on the body: a touch anywhere → FIRST → SECOND → the left body muscles. */
export function buildSeedTwoNeurons(): CircuitDoc {
  const b = new Builder();
  const params = { threshold: 10, returnability: 0.1, speed: 5, recovery: 5, reproductivity: [0.5, -0.1] as const };
  const init = { stepsToActivation: 5, stepsToRecovery: 0, accumulated: [0, 0] as const };
  b.neurons.push({ id: 'FIRST', model: 'transmitter', params, init });
  // SECOND fires on FIRST's small deliveries (the article's threshold 10 would need dozens of them).
  b.neurons.push({ id: 'SECOND', model: 'transmitter', params: { ...params, threshold: SEED_SECOND_THRESHOLD }, init });
  b.chem('FIRST', 'SECOND', 1);
  b.sensors.push({ neuron: 'FIRST', sensor: 'touch', from: 0, to: 1, kind: 'any', gain: 10 });
  b.muscles.push({ neuron: 'SECOND', side: 'left', from: 0.2, to: 0.8, gain: 10 });
  return b.doc(
    'Seed: two neurons',
    "The seed article's example: FIRST → SECOND with the article's defaults (except SECOND's threshold, 0.5 instead of 10, so FIRST's small deliveries fire it); both start on their own (stepsToActivation 5), transfer for 4 cycles, release on the 5th, then recover. " +
      'On the body: a touch anywhere feeds FIRST, whose releases reach SECOND, whose releases contract the left body muscles (one network step per ms, so a held touch fires them every ~10 ms). ' +
      "Simplifications: the article's neuron is not a model of a real cell; no proprioception, so the worm bends and stays bent while touched.",
  );
}

/** All built-in circuit documents by file name. */
export function builtinDocs(): Record<string, CircuitDoc> {
  return {
    locomotion: buildLocomotion(),
    'touch-withdrawal': buildTouchWithdrawal(),
    habituation: buildHabituation(),
    worm: buildWorm(),
    'worm-current': buildCurrentWorm(),
    'learning-worm': buildLearningWorm(),
    'choice-worm': buildChoiceWorm(),
    'seed-two-neurons': buildSeedTwoNeurons(),
    ...senseCircuits(),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs');
  const { serializeCircuit, circuitFromDoc } = await import('../circuit');
  for (const [name, doc] of Object.entries(builtinDocs())) {
    const path = new URL(`./${name}.json`, import.meta.url);
    writeFileSync(path, serializeCircuit(circuitFromDoc(doc, `${name}.json`)));
    console.log(`wrote ${path.pathname}`);
  }
}
