/**
 * The model table circuits are checked against when a caller passes none.
 * The model registry (src/neural/models) is written in parallel; at merge this
 * becomes one line:
 *   export { MODELS as DEFAULT_MODELS } from '../neural/models';
 */
import type { ModelTable } from './types';

export const DEFAULT_MODELS: ModelTable | undefined = undefined;
