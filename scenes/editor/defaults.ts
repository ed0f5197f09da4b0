/**
 * Starting values for what the editor creates, chosen so a freshly built
 * reflex visibly works with the default graded neurons (a gentle head touch
 * through a gain-1 sensor moves a graded neuron only ~3 mV; gain 10 and a
 * weight-5 synapse drive the motor neuron near full output). Every value is
 * editable in the inspector afterwards.
 */
export const NEW_SYNAPSE_WEIGHT = 5;
export const NEW_GAP_WEIGHT = 1;
export const NEW_TOUCH_GAIN = 10;
export const NEW_MUSCLE_GAIN = 1;
