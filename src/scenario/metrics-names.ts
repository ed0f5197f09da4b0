/**
 * Names and needs of the custom metrics (`metric: {name: ...}`), kept apart
 * from their implementations so the schema can check names without pulling
 * in the evaluators.
 */
export const METRIC_INFO = {
  speed: { unit: 'mm/s', needs: [], help: 'mean centroid speed (net displacement per 1 s, averaged over the window)' },
  alongSpeed: { unit: 'mm/s', needs: [], help: 'mean velocity along the body toward the head (negative = backward)' },
  forwardTravel: { unit: 'mm', needs: [], help: 'distance crawled forward along the body' },
  backwardTravel: { unit: 'mm', needs: [], help: 'distance crawled backward along the body' },
  netDisplacement: { unit: 'mm', needs: [], help: 'straight-line distance between the centroid at the window start and end' },
  pathLength: { unit: 'mm', needs: [], help: 'length of the centroid path' },
  distanceToFood: { unit: 'mm', needs: ['food'], help: 'nose-to-nearest-food distance at the end of the window' },
  minDistanceToFood: { unit: 'mm', needs: ['food'], help: 'closest nose-to-food approach in the window' },
  foodApproach: { unit: 'mm', needs: ['food'], help: 'distance to food at the window start minus at its end (> 0 = got closer)' },
  reversalCount: { unit: 'count', needs: [], help: 'reversal starts in the window' },
  omegaTurnCount: { unit: 'count', needs: [], help: 'omega turns in the window' },
  reversalRate: { unit: 'per min', needs: [], help: 'reversal starts per minute of the window (Gray et al. 2005 count 1–3 a minute off food early on)' },
  timeOnFood: { unit: 's', needs: ['senses'], help: 'time the nose spent on food (inside a lawn) in the window' },
  noseTemperature: { unit: '°C', needs: ['senses'], help: 'mean temperature felt at the nose over the window' },
  timeInZone: { unit: 'ms', needs: ['zone'], help: 'time the nose spent inside the zone' },
  fractionInZone: { unit: 'fraction', needs: ['zone'], help: 'share of the window the nose spent inside the zone' },
  peakMuscleActivation: { unit: 'activation', needs: ['muscles'], help: 'highest activation (0..1) of any muscle, after the calcium low-pass' },
  membraneMin: { unit: 'mV', needs: ['membrane'], help: 'lowest membrane potential of any neuron in the window (real neurons stay above E_K, about −90 mV)' },
  membraneMax: {
    unit: 'mV',
    needs: ['membrane'],
    help: 'highest membrane potential of any neuron in the window (graded C. elegans neurons stay below about +40 mV)',
  },
  peakOutput: { unit: 'output', needs: ['neuron'], help: 'highest output (0..1) of the neuron (or of any cell of a neuron class)' },
  meanOutput: { unit: 'output', needs: ['neuron'], help: 'mean output (0..1) of the neuron (class: mean of the cells)' },
  bendingFrequency: { unit: 'Hz', needs: ['probe'], help: "the simulation's bending frequency over the window" },
  wavelength: { unit: 'body lengths', needs: ['probe'], help: "the simulation's body-wave wavelength over the window" },
  bendAmplitude: {
    unit: 'κL',
    needs: ['probe'],
    help: 'how much the body bends: amplitude of curvature × body length about each joint’s mean, averaged over body 0.2–0.8 (a held bend counts nothing; the crawling worm ~5–8)',
  },
} as const satisfies Record<
  string,
  { unit: string; needs: ReadonlyArray<'food' | 'zone' | 'neuron' | 'probe' | 'muscles' | 'senses' | 'membrane'>; help: string }
>;

export type MetricName = keyof typeof METRIC_INFO;

export const METRIC_NAMES = Object.keys(METRIC_INFO) as MetricName[];

export function isMetricName(name: string): name is MetricName {
  return Object.hasOwn(METRIC_INFO, name);
}
