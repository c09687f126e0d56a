import { it } from 'vitest';
import { workbookFromRows } from '../playground/workbook';
import { liveBridge } from '../test/sidebar/live';
it('prof', async () => {
  const N = Number(process.env.N ?? 20000);
  const rows: (string | number)[][] = [['ID', 'Title', 'Team', 'Reach', 'Impact', 'Confidence', 'Effort']];
  for (let i = 0; i < N; i++) rows.push([`M-${i}`, `Item ${i}`, `T${i % 5}`, 100 + (i % 97), 1 + (i % 3), 0.5, 1 + (i % 7)]);
  let t = performance.now();
  const { book, bridge } = await liveBridge(workbookFromRows([{ name: 'Backlog', rows }]));
  console.log('open', Math.round(performance.now() - t)); t = performance.now();
  const [ref] = await bridge.listTables();
  console.log('list', Math.round(performance.now() - t)); t = performance.now();
  const data = await bridge.readTable(ref!.id);
  console.log('read', Math.round(performance.now() - t)); t = performance.now();
  const r = await bridge.writeColumns(ref!.id, [{ header: 'Score', values: data.rows.map(() => 0), formula: { fn: 'RICE', args: ['Reach', 'Impact', 'Confidence', 'Effort'].map((h) => ({ kind: 'columns' as const, headers: [h] })) } as never }], { basedOn: data.version });
  console.log('write', r.ok, Math.round(performance.now() - t), book.sheet('Backlog')!.value(1, 7)); t = performance.now();
  await bridge.listTables();
  console.log('list2', Math.round(performance.now() - t));
}, 600000);
