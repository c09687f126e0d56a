// Decision rights as data: a guardrails table says who decides what, up to which budget and risk, and the
// first rule that fits routes the decision, the way a written delegation-of-authority table is read.
import { CallError, CellError, type Out, naError, readNumber, readText, show, valueError } from '../cells';
import { matchKey } from '../keys';
import type { FunctionSpec } from '../function-spec';
import { readLabel } from '../labels';
import { cellAt, column, missingInput, rowIsBlank, sharedHeight } from '../rowwise';
import { type Table, readTable, requireColumn, rowIsAllBlank } from '../table';

const RISK_LEVELS = new Map([
  ['low', 1],
  ['medium', 2],
  ['high', 3],
  ['1', 1],
  ['2', 2],
  ['3', 3],
]);

/** A risk level as 1 (Low), 2 (Medium) or 3 (High); null for a blank. */
export function readRisk(v: unknown, arg: string): number | null | CellError {
  const t = readText(v, arg);
  if (t === null || t instanceof CellError) return t;
  return RISK_LEVELS.get(matchKey(t)) ?? valueError(`${arg} ${show(v)} is not a risk level: use Low, Medium or High (or 1, 2, 3)`);
}

export interface GuardrailRule {
  /** Normalized decision type; null matches every type (blank or `*`). */
  readonly type: string | null;
  readonly maxBudget: number;
  readonly maxRisk: number;
  readonly owner: string;
}

/**
 * The rules of a guardrails table, top to bottom. The table is the same for every row, so anything wrong in
 * it is a call error naming its row. All four columns are required: a mistyped "Max budget" header would
 * otherwise drop every budget limit without a word.
 */
export function readGuardrails(value: unknown, arg: string): GuardrailRule[] {
  const t: Table = readTable(value, arg);
  const typeCol = requireColumn(t, ['Decision type']);
  const budgetCol = requireColumn(t, ['Max budget']);
  const riskCol = requireColumn(t, ['Max risk']);
  const ownerCol = requireColumn(t, ['Owner']);
  const rules: GuardrailRule[] = [];
  t.rows.forEach((row, r) => {
    if (rowIsAllBlank(row)) return;
    const where = `${arg} row ${r + 2} (the header is row 1)`;
    const fail: (e: CellError) => never = (e) => {
      throw new CallError(`${where}: ${e.message}`);
    };
    const type = readLabel(row[typeCol], 'Decision type');
    if (type instanceof CellError) fail(type);
    const budget = readNumber(row[budgetCol], 'Max budget');
    if (budget instanceof CellError) fail(budget);
    if (typeof budget === 'number' && budget < 0) fail(valueError(`Max budget must be 0 or more (got ${budget})`));
    const risk = readRisk(row[riskCol], 'Max risk');
    if (risk instanceof CellError) fail(risk);
    const owner = readText(row[ownerCol], 'Owner');
    if (owner instanceof CellError) fail(owner);
    if (owner === null) fail(valueError('Owner is blank: name who decides under this rule, or clear the row'));
    rules.push({
      type: type === null || type === '*' ? null : type,
      maxBudget: budget ?? Infinity,
      maxRisk: risk ?? Infinity,
      owner,
    });
  });
  if (rules.length === 0) {
    throw new CallError(`${arg} has no rules below its header row: add at least one, such as Decision type * with its Owner`);
  }
  return rules;
}

/** The owner from the first rule that matches, or undefined. */
export function ownerFor(rules: readonly GuardrailRule[], type: string, budget: number, risk: number): string | undefined {
  for (const r of rules) {
    if ((r.type === null || r.type === type) && budget <= r.maxBudget && risk <= r.maxRisk) return r.owner;
  }
  return undefined;
}

const RISK_NAMES = ['', 'Low', 'Medium', 'High'];

/** One decision row that is not blank: its owner, or a row error. Errors in filled cells come before blanks. */
function routeRow(rules: readonly GuardrailRule[], rawType: unknown, rawBudget: unknown, rawRisk: unknown): Out {
  const type = readLabel(rawType, 'decision_type');
  if (type instanceof CellError) return type;
  const budget = readNumber(rawBudget, 'budget');
  if (budget instanceof CellError) return budget;
  const risk = readRisk(rawRisk, 'risk');
  if (risk instanceof CellError) return risk;
  if (type === null) return missingInput('decision_type');
  if (budget === null) return missingInput('budget');
  if (risk === null) return missingInput('risk');
  if (budget < 0) return valueError(`budget must be 0 or more (got ${budget})`);
  return (
    ownerFor(rules, type, budget, risk) ??
    naError(
      `no guardrail rule fits ${show(readText(rawType, 'decision_type'))} with budget ${budget} and risk ${RISK_NAMES[risk]}: ` +
        'add a catch-all rule as the last row of guardrails, with Decision type * and blank Max budget and Max risk',
    )
  );
}

export const DECISION_OWNER: FunctionSpec = {
  name: 'DECISION_OWNER',
  section: 'Decision guardrails',
  summary: 'Who decides each decision: the owner of the first guardrail rule its type, budget and risk fit.',
  params: [
    { name: 'decision_type', shape: 'range', help: 'The kind of decision (e.g. Campaign, Pricing), a column or one cell.' },
    { name: 'budget', shape: 'range', help: 'The budget at stake, 0 or more.' },
    { name: 'risk', shape: 'range', help: 'Low, Medium or High (or 1, 2, 3).' },
    {
      name: 'guardrails',
      shape: 'range',
      help: 'A table with headers Decision type, Max budget, Max risk and Owner, read top to bottom; end it with a catch-all rule (type *, blank limits).',
    },
  ],
  result: 'column',
  returns: 'One owner per row; blank rows stay blank; #N/A where no rule matches.',
  example: 'DECISION_OWNER(B2:B30, C2:C30, D2:D30, Guardrails!A1:D10)',
  notes: [
    'All four guardrails columns are required, so a mistyped header cannot silently drop a limit; a blank cell in them means any type, no budget limit or any risk.',
    'Limits are inclusive: a budget equal to Max budget, or a risk equal to Max risk, fits the rule.',
    'Decision types compare ignoring case, surrounding spaces and repeated inner spaces.',
    'An all-blank guardrails row is ignored; a rule without an Owner, a negative Max budget or an unknown Max risk is a call error naming the table row.',
    'A negative budget, an unknown risk level or TRUE/FALSE in a decision input is a row error.',
  ],
  impl: (decisionType, budget, risk, guardrails) => {
    const cols = [column('decision_type', decisionType), column('budget', budget), column('risk', risk)];
    const n = sharedHeight(cols);
    const rules = readGuardrails(guardrails, 'guardrails');
    const out: Out[][] = new Array(n);
    for (let i = 0; i < n; i++) {
      if (rowIsBlank(cols, i)) {
        out[i] = [''];
        continue;
      }
      out[i] = [routeRow(rules, cellAt(cols[0]!, i), cellAt(cols[1]!, i), cellAt(cols[2]!, i))];
    }
    return out;
  },
};
