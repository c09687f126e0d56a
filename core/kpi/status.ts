// Status is a reading of the attainment, never a second calculation of it.
import { CallError, type Out, optionNumber } from '../cells';
import type { FunctionSpec } from '../function-spec';
import { attainmentArgs, attainmentAt } from './attainment';

export type Status = 'On track' | 'At risk' | 'Off track';

export function statusOf(attainment: number, atRiskBelow: number, offTrackBelow: number): Status {
  if (attainment >= atRiskBelow) return 'On track';
  return attainment >= offTrackBelow ? 'At risk' : 'Off track';
}

export const KPI_STATUS: FunctionSpec = {
  name: 'KPI_STATUS',
  section: 'Scorecards and delivery metrics',
  summary: 'On track, At risk or Off track for every KPI, from its attainment.',
  params: [
    { name: 'actual', shape: 'range', help: 'The KPI value achieved; blank gives "No data".' },
    { name: 'target', shape: 'range', help: 'The target value.' },
    { name: 'direction', shape: 'range', optional: true, omitted: 'higher is better', help: '"higher" (default) or "lower" is better; a column or one cell.' },
    { name: 'baseline', shape: 'range', optional: true, omitted: 'no baseline, attainment is actual ÷ target', help: 'Where the KPI started (a column or one cell); optional.' },
    {
      name: 'at_risk_below',
      shape: 'value',
      optional: true, omitted: '0.95',
      help: 'Attainment below this is At risk (default 0.95, i.e. 95%).',
    },
    {
      name: 'off_track_below',
      shape: 'value',
      optional: true, omitted: '0.8',
      help: 'Attainment below this is Off track (default 0.8); at most at_risk_below.',
    },
  ],
  result: 'column',
  returns: '"On track", "At risk", "Off track" or "No data" per row; blank rows stay blank.',
  example: 'KPI_STATUS(C2:C20, D2:D20, E2:E20, F2:F20, 90%, 75%)',
  notes: [
    'Attainment is computed exactly as KPI_ATTAINMENT does, with the same row errors.',
    'A threshold is inclusive: an attainment equal to at_risk_below is On track, equal to off_track_below is At risk.',
    'at_risk_below may equal off_track_below (no At risk band); below it is a call error.',
    'An actual without a target is a row error naming target.',
  ],
  impl: (actual, target, direction, baseline, atRiskBelow, offTrackBelow) => {
    const atRisk = optionNumber(atRiskBelow, 'at_risk_below', 0.95);
    const offTrack = optionNumber(offTrackBelow, 'off_track_below', 0.8);
    if (atRisk < offTrack) {
      throw new CallError(
        `at_risk_below (${atRisk}) is below off_track_below (${offTrack}): at_risk_below must be the higher threshold`,
      );
    }
    const a = attainmentArgs(actual, target, direction, baseline);
    const out: Out[][] = new Array(a.height);
    for (let i = 0; i < a.height; i++) {
      const r = attainmentAt(a, i);
      if (typeof r === 'number') out[i] = [statusOf(r, atRisk, offTrack)];
      else if (r === 'no actual') out[i] = ['No data'];
      else out[i] = [r];
    }
    return out;
  },
};
