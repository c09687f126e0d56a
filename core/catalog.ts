// Every custom function, declared once. Hosts, docs and test harnesses read this list; the order is the
// order of the public reference.
import type { FunctionSpec } from './function-spec';
import { MARKETING_ROI } from './kpi/marketing-roi';
import { CD3 } from './scoring/cd3';
import { ICE } from './scoring/ice';
import { RICE } from './scoring/rice';
import { WSJF } from './scoring/wsjf';

export const CATALOG: readonly FunctionSpec[] = [RICE, ICE, WSJF, CD3, MARKETING_ROI];

const byName = new Map(CATALOG.map((f) => [f.name, f]));

export function findFunction(name: string): FunctionSpec | undefined {
  return byName.get(name.toUpperCase());
}
