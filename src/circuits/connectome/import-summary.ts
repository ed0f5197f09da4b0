/** What an import reports: the rows it dropped and why, the sign overrides it applied, and the counts the CLI prints. */
import type { NeuronRole } from '../../neural/types';
import type { LayoutId } from './layouts';
import type { Sign } from './sign-overrides';

export type DropReason = 'receive' | 'self' | 'not-from-neuron' | 'other-cell' | 'muscle-gap' | 'nmj-no-muscle' | 'zero' | 'min-contacts';

export const DROP_REASONS: Readonly<Record<DropReason, string>> = {
  receive: 'R/Rp rows (a chemical synapse listed again from the receiving side)',
  self: 'self-connections',
  'not-from-neuron': 'rows from a cell that is not a neuron (e.g. muscle-to-muscle gap junctions)',
  'other-cell': 'rows to a cell the 2-D body does not have (pharynx, vulva, intestine, glia...)',
  'muscle-gap': 'gap junctions between a neuron and a muscle (not modelled)',
  'nmj-no-muscle': 'neuromuscular rows that name no body-wall muscle',
  zero: 'rows with 0 contacts',
  'min-contacts': 'rows of connections below --min-contacts',
};

export interface DroppedRows {
  reason: DropReason;
  rows: number;
  /** Up to 3 `file:line` places, for the report. */
  examples: string[];
}

export interface AppliedOverride {
  from: string;
  to: string;
  sign: Sign;
  source: 'built-in' | 'user';
}

export interface ImportSummary {
  tables: { name: string; layout: LayoutId; header: boolean; rows: number }[];
  neurons: number;
  /** Neurons named in the tables. */
  neuronsInTables: number;
  /** Known neurons added with no connections. */
  unconnectedAdded: string[];
  /** Names that are none of the 302 known neurons, imported as neurons anyway. */
  unknownNeurons: string[];
  roles: Record<NeuronRole, number>;
  transmitters: {
    fromTables: number;
    /** Neurons the tables do not give a transmitter for, taken from the built-in list. */
    fromBuiltIn: number;
    /** Neurons whose table label was only a neuropeptide or an amine, replaced by the built-in fast transmitter. */
    replaced: string[];
    unknown: number;
  };
  chemicalSynapses: number;
  chemicalContacts: number;
  gapJunctions: number;
  gapContacts: number;
  muscleBindings: number;
  muscleContacts: number;
  sensorBindings: number;
  droppedRows: number;
  dropped: DroppedRows[];
  signOverrides: AppliedOverride[];
}
