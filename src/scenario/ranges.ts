/**
 * The allowed range of every number a scenario file holds, in one table: the
 * schema and the expectation kinds check against it, docs/scenarios.md prints
 * it (its docs test compares). Times are checked in ms after their unit is
 * read ("2s" → 2000), lengths in mm or body lengths, speeds in mm/s or bl/s.
 */
import type { Range } from '../text/ranges';

/** Longest run, ms: a typo such as `duration: 100000s` should not hang a test suite. */
export const MAX_DURATION_MS = 3_600_000;
/** Most action occurrences a timeline may expand to (a tap every 10 s for an hour is 360). */
export const MAX_OCCURRENCES = 100_000;

const time = (min: number, above: boolean, help: string): Range => ({ min, above, max: MAX_DURATION_MS, unit: 'ms', help });

export const SCENARIO_RANGES = {
  duration: time(0, true, 'length of the run'),
  seed: { min: 0, max: 0xffffffff, int: true, unit: '', help: 'seed of the simulation’s random source' },
  'worm.x, worm.y': { min: 0, max: 200, unit: 'mm', help: 'nose position (plates are at most 200 mm)' },
  'worm.heading': { min: -360, max: 360, unit: 'degrees', help: '0 = +x, 90 = +y' },
  hoursOffFood: {
    min: 0,
    max: 48,
    unit: 'h',
    help: 'the feeding state: hours off food before the run (0 = well fed; Sawin et al. 2000 starved worms for 0.5 h)',
  },
  'timeline[].at': time(0, false, 'time of the (first) action'),
  'timeline[].every': { min: 1, max: MAX_DURATION_MS, unit: 'ms', help: 'interval of a repeated action' },
  'timeline[].times': {
    min: 1,
    max: MAX_OCCURRENCES,
    int: true,
    unit: '',
    help: `repetitions; the whole timeline expands to at most ${MAX_OCCURRENCES} actions`,
  },
  wait: time(0, true, 'moves the timeline on'),
  'delay, refractory': time(0, false, 'a triggered action: wait after the state starts; least time between two firings'),
  'poke.position': { min: 0, max: 1, unit: '', help: '0 = nose tip, 1 = tail tip' },
  'poke.force, tap.force': { min: 0, max: 1, unit: '', help: 'strength of the touch or tap' },
  'food.x, food.y, heat.x, heat.y': { min: 0, max: 200, unit: 'mm', help: 'plate coordinates (origin at the top-left corner)' },
  'food.amount': { min: 0, above: true, max: 100, unit: '', help: '1 = a standard spot' },
  'ahead, left, right': { min: 0, max: 200, unit: 'mm or bl', help: 'a place relative to the nose: ahead along the heading, left or right across it' },
  'heat.deltaC': { min: -50, max: 50, unit: '°C', help: '> 0 heats, < 0 cools; not 0' },
  'heat.radius': { min: 0, above: true, max: 200, unit: 'mm', help: 'where the spot’s effect falls to zero' },
  'set.value': { min: -1e9, max: 1e9, unit: '', help: 'also within the parameter’s own range (checked against the model)' },
  'within, for, window': time(0, true, 'length of an expectation’s window'),
  atMost: time(0, false, 'time allowed in the zone'),
  'atLeast, distance (lengths)': { min: 0, max: 1000, unit: 'mm or bl', help: 'a length: 0.5mm, 1.5bl' },
  'speed between': { min: 0, max: 100, unit: 'mm/s or bl/s', help: 'a speed: 0.2mm/s, 0.1bl/s' },
  'bendingFrequency between': { min: 0, max: 100, unit: 'Hz', help: 'a frequency: 0.5Hz' },
  minBend: {
    min: 0,
    max: 50,
    unit: 'κL',
    help: 'the reading counts only if the body bends this much (the bendAmplitude metric; the crawling worm ~5–8, a still one < 1)',
  },
  threshold: { min: 0, max: 1, unit: '', help: 'neuron output' },
  k: { min: 2, max: MAX_OCCURRENCES, int: true, unit: '', help: 'which response of the train' },
  ratioBelow: { min: 0, above: true, max: 1000, unit: '', help: 'habituation: response k / response 1 must be below it' },
  ratioAtLeast: { min: 0, max: 1000, unit: '', help: 'recovery: test response / first response must reach it' },
  'metric atLeast, atMost, between': { min: -1e9, max: 1e9, unit: 'the metric’s', help: 'bounds of a metric' },
} as const satisfies Record<string, Range>;
