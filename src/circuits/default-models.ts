/** The model table circuits are checked against when a caller passes none: the full registry. */
export { MODELS as DEFAULT_MODELS } from '../neural/models';
