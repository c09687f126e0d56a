// The fake Excel for the browser tests: bundled into a stand-in office.js, it gives taskpane.html an
// Excel.run over an in-memory workbook seeded with a small backlog and two teams.
import { FakeWorkbook, fakeRun } from './excel';

function seed(): FakeWorkbook {
  const model = new FakeWorkbook();
  const rows: (string | number)[][] = [
    ['ID', 'Item', 'Team', 'Reach', 'Impact', 'Confidence', 'Effort'],
    ['M-1', 'Webinar series', 'Content', 1200, 2, 0.8, 4],
    ['M-2', 'Pricing page test', 'Web', 3000, 0.5, 0.5, 1],
    ['M-3', 'Partner newsletter', 'Content', 800, 1, 0.9, 2],
    ['M-4', 'Onboarding emails', 'Lifecycle', 2500, 1, 0.7, 3],
    ['M-5', 'Case study video', 'Content', 600, 3, 0.6, 6],
    ['M-6', 'SEO hub pages', 'Web', 4000, 1, 0.5, 8],
    ['M-7', 'Win-back campaign', 'Lifecycle', 900, 2, 0.8, 2],
    ['M-8', 'Event booth', 'Content', 300, 2, 0.9, 5],
  ];
  const backlog = model.addSheet('Backlog');
  rows.forEach((row, r) => row.forEach((v, c) => backlog.put(r, c, v)));
  const teams = model.addSheet('Teams');
  [['Team', 'Capacity'], ['Content', 10], ['Web', 6], ['Lifecycle', 5]].forEach((row, r) => row.forEach((v, c) => teams.put(r, c, v)));
  return model;
}

(globalThis as unknown as { FakeExcelKit: unknown }).FakeExcelKit = { seed, fakeRun };
