// Issue 12.12 in the sidebar: IDs and decision types that look the same are the same (matchKey), as the
// catalog functions match them.
import { describe, expect, it } from 'vitest';
import type { Scalar, TableData } from '../../protocol/bridge';
import { decisionTypes } from '../../sidebar/decide/view';
import { backlogGrid } from '../../sidebar/share/model';

function table(name: string, rows: Scalar[][]): TableData {
  const headers = rows[0]!.map(String);
  const ref = { id: name, name, sheet: name, address: 'A1', headers, rowCount: rows.length - 1 };
  return { ref, headers, rows: rows.slice(1), ownedColumns: [], version: '1' };
}

describe('look-alike IDs and types in the sidebar', () => {
  it("the one-pager's plan joins the Plan sheet to the backlog by ID, whatever invisible characters or accents differ", () => {
    const backlog = table('Backlog', [['ID', 'Item', 'Score'], ['Cafe\u0301-1', 'Launch', 5], ['M-2\u200b', 'Deck', 3]]);
    const plan = table('Plan', [['ID', 'Status', 'Reason'], ['CAF\u00c9-1', 'Planned', ''], ['m-2', 'Cut', 'no room']]);
    const { grid, source } = backlogGrid({ scorecard: table('Scorecard', [['KPI']]), backlog, plan });
    expect(source).toBe('plan sheet');
    const status = grid[0]!.indexOf('Status');
    expect(grid.slice(1).map((r) => r[status])).toEqual(['Planned', 'Cut']);
  });

  it('decision types that differ only by invisible characters or accents are offered once', () => {
    const t = table('Guardrails', [['Decision type', 'Owner'], ['Pricing', 'CMO'], ['pricing\u200b', 'CFO'], ['Cafe\u0301', 'x'], ['Caf\u00e9', 'y']]);
    expect(decisionTypes(t)).toEqual(['Pricing', 'Cafe\u0301']);
  });
});
