/**
 * Circuit files: format, validation, migrations, saving, warnings.
 * Browser-safe; Node file IO is in ./file (loadCircuitFile, saveCircuitFile).
 */
export { circuitFromDoc, parseCircuit, parseNeuronFile, serializeCircuit } from './circuit';
export { CircuitError, MAX_ISSUES } from './errors';
export { lintCircuit } from './lint';
export { modelTableProblems, resolveNeuron } from './resolve';
export { CURRENT_VERSION, MIGRATIONS, VERSIONS, type Migration, type VersionTable } from './versions';
export * from './types';
