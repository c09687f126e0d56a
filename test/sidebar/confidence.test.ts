// Rank confidence for the formula frameworks goes through WEIGHTED_SCORE over log-factors weighted by their
// ranges. That is only honest if, unperturbed, it ranks exactly as the framework does: pinned here.
import { describe, expect, it } from 'vitest';
import { findFunction } from '../../core/catalog';
import { confidenceInputs } from '../../sidebar/prioritize/confidence';
import { findFramework } from '../../sidebar/prioritize/frameworks';
import { autoLabels, autoMap, defaultCriteria } from '../../sidebar/prioritize/mapping';
import { type Setup, computePreview } from '../../sidebar/prioritize/preview';
import { sampleTable } from './fixtures';

describe('rank confidence for formula frameworks', () => {
  for (const id of ['RICE', 'ICE', 'WSJF', 'CD3'] as const) {
    it(`ranks the sample exactly as ${id} does before any weight is perturbed`, async () => {
      const t = await sampleTable('Backlog');
      const fw = findFramework(id);
      const mapping = autoMap(fw, t.headers);
      const setup: Setup = { framework: id, mapping, criteria: defaultCriteria(t), iceMethod: 'multiply', labels: autoLabels(t.headers, fw, mapping), topN: null };
      const p = computePreview(t, setup, false);
      const inputs = confidenceInputs(t, setup, p.scores)!;
      const ws = findFunction('WEIGHTED_SCORE')!.impl(inputs.criteria, [inputs.weights], [inputs.directions]) as number[][];
      const byScore = t.rows.map((_, i) => i).sort((a, b) => (p.scores[b] as number) - (p.scores[a] as number) || a - b);
      const byWeighted = t.rows.map((_, i) => i).sort((a, b) => ws[b]![0]! - ws[a]![0]! || a - b);
      // Equal framework scores may order either way; compare the scores in the weighted order instead.
      expect(byWeighted.map((i) => p.scores[i])).toEqual(byScore.map((i) => p.scores[i]));
    });
  }
});
