// One column mapping for every tab (Prioritize, Plan, Scorecard, Share): which header plays which part,
// by the header rules of FUNCTIONS.md (case-insensitive, surrounding spaces ignored), with the synonyms
// people type ("Person-weeks" for Effort) applied the same everywhere. A role with no fitting header maps
// to '' and the sidebar asks; it never falls back to an unrelated column (a plan by Reach is no plan).
import { normalizeHeader } from '../core/table';
import type { Scalar } from './bridge';

/** ALLOCATE's score columns, in the order it takes the first present (FUNCTIONS.md, ALLOCATE rules). */
export const SCORE_HEADERS = ['Score', 'Priority score', 'Weighted score', 'RICE', 'WSJF', 'ICE', 'CD3'] as const;

export const EFFORT_ALIASES = ['effort', 'person-weeks', 'person weeks', 'job size', 'size', 'estimate', 'story points', 'points', 'duration', 'weeks'];

export type Role = 'id' | 'label' | 'team' | 'category' | 'effort' | 'score' | 'status' | 'dependsOn' | 'commit';

export const COLUMN_ALIASES: Readonly<Record<Role, readonly string[]>> = {
  id: ['id', 'key', 'item id', 'ref', '#'],
  label: ['item', 'name', 'title', 'initiative', 'project', 'campaign', 'description', 'summary'],
  team: ['team', 'squad'],
  category: ['category', 'theme', 'bucket'],
  effort: EFFORT_ALIASES,
  score: [...SCORE_HEADERS.map((x) => x.toLowerCase()), 'rice score', 'ice score', 'wsjf score', 'cd3 score', 'priority'],
  status: ['status', 'progress', 'state', 'stage'],
  dependsOn: ['depends on', 'dependencies'],
  commit: ['commit', 'committed'],
};

/** The header ALLOCATE reads for each role it uses. */
const ALLOCATE_NAMES: Partial<Record<Role, string>> = { id: 'ID', team: 'Team', category: 'Category', effort: 'Effort', dependsOn: 'Depends on', commit: 'Commit' };

/** Statuses of work that is finished: never planned again (COMPLETION_RATE's default done labels). */
export const DONE_STATUSES = ['done', 'complete', 'completed'];

// The aliases are ours and hold no regular-expression syntax.
const words = (s: string) => new RegExp(`(^|[^a-z0-9])${s}([^a-z0-9]|$)`);

/**
 * The header for a list of aliases: an exact name first (in alias order), then a header that holds an
 * alias as a whole word ("Effort (person-weeks)"), never part of a word ("Price" is not "rice"). Headers in
 * `taken` are skipped, so one column feeds one input.
 */
export function matchColumn(headers: readonly string[], aliases: readonly string[], taken: ReadonlySet<string> = new Set(), exactOnly = false): string {
  const norm = headers.map(normalizeHeader);
  const free = (i: number) => !taken.has(headers[i]!) && norm[i] !== '';
  for (const alias of aliases) {
    const i = norm.findIndex((h, j) => free(j) && h === alias);
    if (i >= 0) return headers[i]!;
  }
  if (exactOnly) return '';
  for (const alias of aliases) {
    if (alias.length < 3) continue;
    const re = words(alias);
    const i = norm.findIndex((h, j) => free(j) && re.test(h));
    if (i >= 0) return headers[i]!;
  }
  return '';
}

/**
 * The header playing `role`, or ''. Scores match exactly or as "<something> score" ("RICE score",
 * "Score (RICE)"): a column merely mentioning a score ("Confidence score") is an input, not the score.
 */
export function findColumn(headers: readonly string[], role: Role, taken?: ReadonlySet<string>): string {
  if (role !== 'score') return matchColumn(headers, COLUMN_ALIASES[role], taken);
  const exact = matchColumn(headers, COLUMN_ALIASES.score, taken, true);
  if (exact) return exact;
  const confidence = /confidence|reach|impact|effort|ease/;
  return headers.find((x) => !taken?.has(x) && /^(?:[a-z0-9]+ )?score(?: ?\(.*\))?$/.test(normalizeHeader(x)) && !confidence.test(normalizeHeader(x))) ?? '';
}

/** Score columns in the order the planner offers them: ALLOCATE's list, then other "… score" headers. */
export function scoreColumns(headers: readonly string[]): string[] {
  const out: string[] = [];
  for (;;) {
    const h = findColumn(headers, 'score', new Set(out));
    if (!h) return out;
    out.push(h);
  }
}

export function isDone(v: Scalar): boolean {
  return typeof v === 'string' && DONE_STATUSES.includes(v.trim().toLowerCase());
}

/** Indices of rows whose status (or progress) column says the work is done. */
export function doneRows(headers: readonly string[], rows: readonly (readonly Scalar[])[]): Set<number> {
  const cols = headers.map((x, i) => (COLUMN_ALIASES.status.includes(normalizeHeader(x)) ? i : -1)).filter((i) => i >= 0);
  const out = new Set<number>();
  rows.forEach((r, i) => {
    if (cols.some((c) => isDone(r[c] ?? ''))) out.add(i);
  });
  return out;
}

/**
 * The header row renamed so ALLOCATE (and TEAM_LOAD) find each column under the name they read: the
 * chosen score column becomes Score and any other column ALLOCATE would take for the score is marked
 * "(not used)"; a synonym ("Person-weeks", "Squad") takes the rule's name when the exact name is absent.
 */
export function allocateHeaders(headers: readonly string[], scoreHeader: string): string[] {
  const out = headers.slice();
  const chosen = normalizeHeader(scoreHeader);
  const scoreNames = new Set(SCORE_HEADERS.map((x) => x.toLowerCase()));
  out.forEach((x, i) => {
    const n = normalizeHeader(x);
    if (chosen !== '' && n === chosen) out[i] = 'Score';
    else if (scoreNames.has(n)) out[i] = `${x} (not used)`;
  });
  const present = new Set(out.map(normalizeHeader));
  const taken = new Set<string>([scoreHeader]);
  for (const [role, name] of Object.entries(ALLOCATE_NAMES) as [Role, string][]) {
    if (present.has(name.toLowerCase())) continue;
    const h = findColumn(headers, role, taken);
    if (!h) continue;
    taken.add(h);
    const i = headers.indexOf(h);
    if (out[i] === 'Score') continue;
    out[i] = name;
    present.add(name.toLowerCase());
  }
  return out;
}
