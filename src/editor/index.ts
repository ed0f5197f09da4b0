/**
 * The circuit editor's headless core: state, edits with undo/redo, layout,
 * geometry and hit tests, autosave. No drawing and no DOM; the Phaser editor
 * scene draws from it and calls its methods. See docs/editor.md.
 */
export { EditorModel, PASTE_OFFSET, type EditorModelOptions, type LoadResult, type NeuronInspection, type ParamRow } from './model';
export type { NewNeuron, NewSynapse, NeuronPatch, SynapsePatch, MetaPatch, ParamGroup } from './doc-ops';
export { CLIPBOARD_FORMAT, type ClipboardPayload, type PastePlacement } from './clipboard';
export { BINDING_FIELDS, SYNAPSE_FIELDS, TRANSDUCTION_FIELDS, rangeText, weightField, type FieldSpec } from './fields';
export { withTransduction } from './transduction';
export {
  NODE_RADIUS,
  LOOP_RADIUS,
  MIN_ZOOM,
  MAX_ZOOM,
  buildGeometry,
  distanceToPath,
  edgeAt,
  fitView,
  graphToMinimap,
  graphToScreen,
  minimap,
  minimapToGraph,
  neighbourhood,
  nodeAt,
  nodesInRect,
  pathMiddle,
  rectFromPoints,
  screenToGraph,
  visibleRect,
  zoomAround,
  type EdgeGeometry,
  type EdgePath,
  type FitOptions,
  type GraphGeometry,
  type MinimapGeometry,
  type NodeGeometry,
} from './geometry';
export { naturalCompare } from '../lib/natural-compare';
export { copyId, nextNeuronId, parseSynapseKey, synapseKey } from './ids';
export { bestColumns, countLayerCrossings, LAYOUT_SPACING, layeredLayout, type LayoutOptions } from './layout';
export { LABEL_MAX_NODES, LABEL_MIN_RADIUS_PX, labelFontPx, labelWidthPx, placeLabels, type LabelBox, type PlacedLabels } from './labels';
export {
  Autosave,
  AUTOSAVE_STAMP,
  AUTOSAVE_VERSION,
  clearAutosaves,
  discardKept,
  keepApart,
  keptAutosaves,
  mapStore,
  restoreAutosave,
  webStorage,
  type AutosaveOptions,
  type AutosaveSlotOptions,
  type AutosaveRecord,
  type AutosaveStatus,
  type KeepApartResult,
  type KeptAutosave,
  type KeyValueStore,
  type RestoreResult,
  type SkippedAutosave,
} from './persist';
export { searchNeurons, type MatchKind, type SearchHit } from './search';
export { blankDoc, templates, withoutPositions, type Template } from './templates';
export { adaptationText, DEFAULT_ADAPTATION_MS, KNOWN_MODULATORS, withAdaptation } from './volume-ops';
export type { EditorChange, Point, Rect, Result, ScreenSize, Selection, SelectMode, SynapseKey, Viewport } from './types';
export type { EditorWarning } from './warnings';
