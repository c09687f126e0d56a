// The prioritization frameworks the wizard offers, as data: which inputs each needs, the header names
// people use for them (matched automatically, editable), and which catalog function scores them.
import { COLUMN_ALIASES, EFFORT_ALIASES } from '../../protocol/columns';

export type FrameworkId = 'RICE' | 'ICE' | 'WSJF' | 'CD3' | 'WEIGHTED';

export interface InputSpec {
  readonly key: string;
  readonly label: string;
  /** Header names people use for this input, best first; matched case-insensitively. */
  readonly aliases: readonly string[];
  readonly help: string;
}

export interface Framework {
  readonly id: FrameworkId;
  readonly label: string;
  /** The catalog function that computes the score. */
  readonly fn: string;
  readonly summary: string;
  readonly inputs: readonly InputSpec[];
  /** The input that measures cost; it breaks ties in the rank and is the chart's x axis. */
  readonly effortKey?: string;
}


export const FRAMEWORKS: readonly Framework[] = [
  {
    id: 'RICE',
    label: 'RICE',
    fn: 'RICE',
    summary: 'Reach × impact × confidence ÷ effort.',
    effortKey: 'effort',
    inputs: [
      { key: 'reach', label: 'Reach', aliases: ['reach', 'audience', 'people reached'], help: 'People or events reached per period.' },
      { key: 'impact', label: 'Impact', aliases: ['impact'], help: 'Impact per person: 0.25, 0.5, 1, 2 or 3.' },
      { key: 'confidence', label: 'Confidence', aliases: ['confidence', 'conf', 'confidence %'], help: 'From 0 to 1, or a percentage.' },
      { key: 'effort', label: 'Effort', aliases: EFFORT_ALIASES, help: 'Person-weeks or any unit, more than 0.' },
    ],
  },
  {
    id: 'ICE',
    label: 'ICE',
    fn: 'ICE',
    summary: 'Impact × confidence × ease (or their average).',
    inputs: [
      { key: 'impact', label: 'Impact', aliases: ['impact'], help: 'How much it moves the goal.' },
      { key: 'confidence', label: 'Confidence', aliases: ['confidence', 'conf'], help: 'How sure you are.' },
      { key: 'ease', label: 'Ease', aliases: ['ease', 'ease of implementation'], help: 'How easy it is to do.' },
    ],
  },
  {
    id: 'WSJF',
    label: 'WSJF',
    fn: 'WSJF',
    summary: '(Business value + time criticality + risk reduction) ÷ job size.',
    effortKey: 'size',
    inputs: [
      { key: 'value', label: 'Business value', aliases: ['business value', 'user-business value', 'user business value', 'value', 'bv'], help: 'Relative value to customers and the business.' },
      { key: 'time', label: 'Time criticality', aliases: ['time criticality', 'time-criticality', 'urgency', 'tc'], help: 'How much value decays with waiting.' },
      { key: 'risk', label: 'Risk reduction', aliases: ['risk reduction', 'risk reduction/opportunity enablement', 'rr/oe', 'opportunity enablement'], help: 'Risk reduction or opportunity enablement.' },
      { key: 'size', label: 'Job size', aliases: ['job size', ...EFFORT_ALIASES], help: 'Relative size, more than 0.' },
    ],
  },
  {
    id: 'CD3',
    label: 'CD3',
    fn: 'CD3',
    summary: 'Cost of delay per period ÷ duration.',
    effortKey: 'duration',
    inputs: [
      { key: 'cod', label: 'Cost of delay', aliases: ['cost of delay', 'cod', 'cost of delay per week', 'weekly cost of delay'], help: 'What a period of waiting costs.' },
      { key: 'duration', label: 'Duration', aliases: ['duration', ...EFFORT_ALIASES], help: 'Periods of work, more than 0.' },
    ],
  },
  {
    id: 'WEIGHTED',
    label: 'Weighted criteria',
    fn: 'WEIGHTED_SCORE',
    summary: 'Each criterion scaled 0–1, weighted, 0–100.',
    inputs: [],
  },
];

export function findFramework(id: string): Framework {
  return FRAMEWORKS.find((f) => f.id === id) ?? FRAMEWORKS[0]!;
}

/** Columns that identify a row, for the preview list and the chart labels. */
export const ID_ALIASES = COLUMN_ALIASES.id;
export const LABEL_ALIASES = COLUMN_ALIASES.label;
export { EFFORT_ALIASES };

/** Criteria where less is better, so weighted criteria start with the right direction. */
export const LOWER_IS_BETTER = /effort|cost|risk(?! reduction)|size|duration|weeks|complexity|dependenc/i;
