/**
 * Connectome import: published C. elegans wiring tables (Cook 2019 edge list,
 * White/Varshney sheets, generic edge lists) into a circuit. Browser-safe.
 * docs/connectome-import.md describes the rules.
 */
export {
  DEFAULT_MUSCLE_SCALE,
  DEFAULT_WEIGHT_SCALE,
  DROP_REASONS,
  importConnectome,
  type AppliedOverride,
  type ConnectomeImport,
  type ConnectomeTable,
  type DropReason,
  type DroppedRows,
  type ImportOptions,
  type ImportSummary,
} from './import';
export { FORMATS, type FormatOption, type LayoutId } from './layouts';
export { classifyName, type Cell } from './names';
export { KNOWN_NEURONS, NEURON_CLASSES, type NeuronClass } from './neuron-classes';
export { ConnectomeError, formatProblem, type ImportProblem } from './problems';
export { RECEPTIVE_FIELDS } from './receptive-fields';
export { parseSignOverrides, TOUCH_OVERRIDES, type Sign, type SignOverride, type SignOverrideList } from './sign-overrides';
export { formatSeriousWarnings, formatSummary, formatWarnings } from './summary';
