// Sample backlog for a fictional B2B marketing team (Fieldstone Analytics, analytics software for fintech
// finance teams), late in Q2 2026. Effort and capacity are in person-weeks. The data is chosen so the plan
// shows every kind of decision: commitments, cuts for team capacity, for the category cap and for a
// dependency that was cut, and a dependency pulled in by the item that needs it.
import type { Literal } from '../model';

// ID, Item, Team, Outcome, Category, Reach, Impact, Confidence, Effort, Depends on, Commit, Progress, Requested, Started, Launched
type Row = readonly [string, string, string, string | null, string, number, number, number, number, string | null, string | null, string, string, string | null, string | null];

const C = 'Content';
const D = 'Demand Gen';
const P = 'Product Marketing';
const B = 'Brand & Creative';
const O = 'Marketing Ops';

export const BACKLOG_ROWS: readonly Row[] = [
  ['M-101', 'Fintech analytics benchmark report', C, 'Grow pipeline', 'Growth', 6000, 2, 0.8, 8, null, 'yes', 'Done', '2026-03-02', '2026-04-01', '2026-05-12'],
  ['M-102', 'CFO dashboard playbook (ebook)', C, 'Grow pipeline', 'Growth', 4000, 1, 0.8, 6, null, null, 'In progress', '2026-03-10', '2026-05-18', null],
  ['M-103', 'Customer stories: six fintech wins', C, 'Convert trials', 'Growth', 3000, 2, 1, 5, null, null, 'Done', '2026-03-05', '2026-04-06', '2026-05-29'],
  ['M-104', 'SEO refresh of the top 40 pages', C, 'Grow pipeline', 'Growth', 15000, 0.5, 0.8, 7, null, null, 'Done', '2026-02-20', '2026-04-02', '2026-06-05'],
  ['M-105', 'Onboarding email course rewrite', C, 'Keep customers', 'Retention', 2500, 1, 0.8, 4, null, null, 'In progress', '2026-03-18', '2026-05-25', null],
  ['M-106', 'Webinar: board-ready metrics', C, 'Grow pipeline', 'Growth', 1800, 1, 0.5, 4, 'M-101', null, 'Not started', '2026-03-20', null, null],
  ['M-107', 'Thought-leadership podcast pilot', C, 'Own fintech analytics', 'Brand', 1200, 0.5, 0.5, 6, null, null, 'Not started', '2026-03-25', null, null],
  ['M-108', 'Help-centre video tutorials', C, 'Keep customers', 'Retention', 5000, 0.5, 0.8, 5, null, null, 'In progress', '2026-04-08', '2026-06-15', null],
  ['M-109', 'ABM programme: top 50 fintech accounts', D, 'Grow pipeline', 'Growth', 800, 3, 0.8, 10, null, 'yes', 'In progress', '2026-02-27', '2026-04-01', null],
  ['M-110', 'Paid search restructure', D, 'Grow pipeline', 'Growth', 9000, 1, 0.8, 6, null, null, 'Done', '2026-03-03', '2026-04-07', '2026-05-08'],
  ['M-111', 'LinkedIn retargeting for trial users', D, 'Convert trials', 'Growth', 4000, 1, 0.8, 4, null, null, 'Done', '2026-03-12', '2026-04-14', '2026-05-05'],
  ['M-112', 'Co-marketing with a data-warehouse partner', D, 'Grow pipeline', 'Growth', 3000, 2, 0.5, 8, null, null, 'In progress', '2026-03-30', '2026-06-01', null],
  ['M-113', 'Field event: London fintech summit', D, 'Grow pipeline', 'Growth', 600, 2, 0.8, 7, 'M-128', null, 'Not started', '2026-03-16', null, null],
  ['M-114', 'Lead scoring v2 rollout to SDRs', D, 'Convert trials', 'Operations', 5000, 1, 0.8, 5, 'M-133', null, 'Not started', '2026-04-02', null, null],
  ['M-115', 'Trial nurture sequence by persona', D, 'Convert trials', 'Growth', 3500, 2, 0.8, 5, null, null, 'Done', '2026-03-09', '2026-04-08', '2026-05-20'],
  ['M-116', 'Review-site campaign (G2)', D, 'Own fintech analytics', 'Brand', 5000, 0.5, 0.8, 3, null, null, 'Done', '2026-03-22', '2026-04-20', '2026-05-15'],
  ['M-117', 'Launch: real-time anomaly alerts', P, 'Convert trials', 'Growth', 7000, 2, 0.8, 8, null, 'yes', 'Done', '2026-02-16', '2026-04-01', '2026-06-02'],
  ['M-118', 'Pricing page experiment', P, 'Convert trials', 'Growth', 12000, 1, 0.5, 3, null, null, 'Done', '2026-03-11', '2026-04-15', '2026-05-06'],
  ['M-119', 'Competitive battlecards refresh', P, 'Convert trials', 'Growth', 400, 1, 1, 3, null, null, 'Done', '2026-03-04', '2026-04-09', '2026-04-24'],
  ['M-120', 'Mid-market sales deck', P, 'Grow pipeline', 'Growth', 300, 2, 0.8, 4, null, null, 'In progress', '2026-03-26', '2026-05-27', null],
  ['M-121', 'In-app upgrade prompts', P, 'Keep customers', 'Retention', 6000, 1, 0.8, 5, null, null, 'In progress', '2026-03-19', '2026-05-11', null],
  ['M-122', 'Persona research: fintech CFOs', P, 'Own fintech analytics', 'Growth', 200, 1, 0.8, 6, null, null, 'Not started', '2026-04-06', null, null],
  ['M-123', 'Release notes programme', P, 'Keep customers', 'Retention', 8000, 0.25, 1, 2, null, null, 'Done', '2026-03-02', '2026-04-03', '2026-04-17'],
  ['M-124', 'Analyst briefing tour', P, 'Own fintech analytics', 'Brand', 50, 3, 0.5, 4, null, null, 'Not started', '2026-04-13', null, null],
  ['M-125', 'Visual identity v2', B, 'Own fintech analytics', 'Brand', 10000, 1, 0.5, 10, null, null, 'In progress', '2026-02-24', '2026-05-04', null],
  ['M-126', 'Homepage redesign', B, 'Convert trials', 'Growth', 20000, 1, 0.8, 8, 'M-125', null, 'In progress', '2026-03-02', '2026-06-08', null],
  ['M-127', 'Anomaly-alerts launch video', B, 'Convert trials', 'Growth', 6000, 1, 0.8, 4, 'M-117', null, 'Done', '2026-03-17', '2026-04-20', '2026-06-02'],
  ['M-128', 'Event booth and swag kit', B, 'Own fintech analytics', 'Brand', 700, 0.5, 0.8, 3, null, null, 'Not started', '2026-03-23', null, null],
  ['M-129', 'Customer-story design templates', B, 'Convert trials', 'Brand', 3000, 0.5, 1, 2, null, null, 'Done', '2026-03-13', '2026-04-13', '2026-04-30'],
  ['M-130', 'Brand guidelines site', B, 'Own fintech analytics', 'Brand', 400, 0.5, 0.8, 3, 'M-125', null, 'Not started', '2026-04-01', null, null],
  ['M-131', 'Paid social creative refresh', B, 'Grow pipeline', 'Growth', 9000, 0.5, 0.8, 4, null, null, 'Not started', '2026-04-02', null, null],
  ['M-132', 'Annual report design', B, null, 'Brand', 500, 0.25, 1, 3, null, null, 'Not started', '2026-04-10', null, null],
  ['M-133', 'Lead scoring model v2', O, 'Convert trials', 'Operations', 5000, 1, 0.8, 6, null, null, 'In progress', '2026-03-06', '2026-04-21', null],
  ['M-134', 'Attribution dashboard', O, 'Run lean', 'Operations', 60, 3, 0.8, 5, null, null, 'Not started', '2026-02-26', null, null],
  ['M-135', 'CRM data clean-up', O, 'Run lean', 'Operations', 30000, 0.25, 1, 4, null, null, 'Done', '2026-03-02', '2026-04-01', '2026-04-28'],
  ['M-136', 'Marketing automation migration', O, 'Run lean', 'Operations', 8000, 0.5, 0.5, 9, null, null, 'Not started', '2026-03-20', null, null],
  ['M-137', 'Consent and privacy audit', O, null, 'Operations', 12000, 0.25, 1, 3, null, 'yes', 'Done', '2026-02-18', '2026-04-02', '2026-04-30'],
  ['M-138', 'UTM and naming governance', O, 'Run lean', 'Operations', 40, 1, 0.8, 2, null, null, 'Done', '2026-03-24', '2026-04-16', '2026-05-01'],
  ['M-139', 'Webinar platform consolidation', O, null, 'Operations', 30, 0.5, 0.8, 3, 'M-136', null, 'Not started', '2026-04-15', null, null],
  ['M-140', 'Quarterly board-pack automation', O, 'Run lean', 'Operations', 10, 1, 0.5, 2, null, null, 'In progress', '2026-04-22', '2026-06-08', null],
];

export const BACKLOG: readonly (readonly Literal[])[] = BACKLOG_ROWS;
