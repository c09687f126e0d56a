// A unit-test fixture, not shipped: a small fictional team (Northwind Ledger) whose plain-value tables the
// sidebar's unit tests pin numbers against. The product's one sample is the quarterly-plan template
// (templates/, Fieldstone Analytics); this stays because these tests check arithmetic on fixed inputs.
import type { Scalar, TemplateSpec } from '../../protocol/bridge';

const BACKLOG_HEADERS = [
  'ID', 'Item', 'Team', 'Category', 'Outcome', 'Reach', 'Impact', 'Confidence', 'Effort', 'Business value',
  'Time criticality', 'Risk reduction', 'Cost of delay', 'Ease', 'Strategic fit', 'Revenue potential', 'Risk',
  'Depends on', 'Commit',
];

// prettier-ignore
const BACKLOG: Scalar[][] = [
  ['MKT-101', "Buyer's guide: AI for finance teams", 'Content', 'Growth', 'Grow pipeline', 6000, 2, 0.8, 6, 8, 5, 3, 18, 5, 4, 4, 2, '', ''],
  ['MKT-102', 'Customer story videos (3)', 'Content', 'Growth', 'Grow pipeline', 4000, 1, 0.8, 5, 5, 3, 2, 9, 6, 3, 3, 2, '', ''],
  ['MKT-103', 'SEO refresh of the top 20 blog posts', 'Content', 'Growth', 'Grow pipeline', 15000, 0.5, 0.8, 4, 5, 2, 2, 8, 8, 3, 3, 1, '', ''],
  ['MKT-104', 'Analyst report summary kit', 'Content', 'Brand', 'Build awareness', 2500, 1, 0.5, 3, 3, 5, 1, 6, 7, 3, 2, 2, '', ''],
  ['MKT-105', 'Onboarding email course', 'Content', 'Retention', 'Improve retention', 3000, 1, 0.8, 4, 5, 3, 3, 10, 7, 4, 3, 1, '', ''],
  ['MKT-106', 'Quarterly finance benchmark report', 'Content', 'Brand', 'Build awareness', 8000, 2, 0.5, 8, 8, 2, 2, 12, 3, 4, 3, 3, '', ''],
  ['MKT-107', 'Sales battlecards refresh', 'Content', 'Growth', 'Grow pipeline', 300, 3, 0.8, 3, 8, 8, 3, 20, 8, 4, 4, 1, '', ''],
  ['MKT-108', 'Podcast season 2', 'Content', 'Brand', 'Build awareness', 5000, 0.5, 0.5, 7, 3, 1, 1, 4, 4, 2, 1, 3, '', ''],
  ['MKT-109', 'ABM program for the top 50 accounts', 'Demand Gen', 'Growth', 'Grow pipeline', 600, 3, 0.8, 10, 13, 8, 5, 40, 3, 5, 5, 3, 'MKT-131', ''],
  ['MKT-110', 'Webinar series: FP&A automation', 'Demand Gen', 'Growth', 'Grow pipeline', 2500, 1, 0.8, 5, 5, 5, 2, 12, 6, 4, 3, 2, '', ''],
  ['MKT-111', 'Paid social retargeting', 'Demand Gen', 'Growth', 'Grow pipeline', 20000, 0.25, 0.8, 3, 3, 3, 1, 7, 8, 2, 3, 2, '', ''],
  ['MKT-112', 'Co-marketing with an ERP partner', 'Demand Gen', 'Growth', 'Grow pipeline', 3000, 2, 0.5, 6, 8, 5, 3, 16, 4, 4, 4, 3, '', ''],
  ['MKT-113', 'Customer referral program', 'Demand Gen', 'Growth', 'Grow pipeline', 1500, 2, 0.5, 5, 5, 2, 2, 9, 5, 3, 4, 2, 'MKT-118', ''],
  ['MKT-114', 'Field events in three cities', 'Demand Gen', 'Growth', 'Grow pipeline', 450, 2, 0.8, 8, 8, 5, 1, 14, 3, 3, 4, 3, '', ''],
  ['MKT-115', 'Trial nurture sequence rebuild', 'Demand Gen', 'Growth', 'Grow pipeline', 5000, 1, 1, 4, 8, 5, 3, 18, 6, 4, 4, 1, 'MKT-133', ''],
  ['MKT-116', 'Paid search restructure', 'Demand Gen', 'Growth', 'Grow pipeline', 12000, 0.5, 0.8, 4, 5, 3, 2, 10, 7, 3, 3, 2, '', ''],
  ['MKT-117', 'Q3 launch: Forecasting module', 'Product Marketing', 'Growth', 'Grow pipeline', 10000, 3, 0.8, 8, 20, 13, 5, 45, 4, 5, 5, 3, '', 'yes'],
  ['MKT-118', 'Customer advisory board', 'Product Marketing', 'Retention', 'Improve retention', 40, 3, 0.8, 3, 5, 2, 5, 8, 6, 4, 2, 1, '', ''],
  ['MKT-119', 'Pricing page and packaging test', 'Product Marketing', 'Growth', 'Grow pipeline', 18000, 1, 0.5, 4, 13, 8, 3, 30, 5, 5, 5, 4, 'MKT-124', ''],
  ['MKT-120', 'Competitive win-loss program', 'Product Marketing', 'Growth', 'Grow pipeline', 200, 2, 0.8, 4, 5, 3, 5, 11, 6, 4, 3, 1, '', ''],
  ['MKT-121', 'Messaging framework refresh', 'Product Marketing', 'Brand', 'Build awareness', 8000, 1, 0.8, 6, 8, 3, 3, 12, 5, 5, 3, 2, '', ''],
  ['MKT-122', 'New pitch deck for sales', 'Product Marketing', 'Growth', 'Grow pipeline', 300, 2, 1, 3, 8, 5, 2, 15, 8, 4, 4, 1, '', ''],
  ['MKT-123', 'In-app release announcements', 'Product Marketing', 'Retention', 'Improve retention', 9000, 0.5, 0.8, 2, 3, 2, 2, 6, 9, 3, 2, 1, '', ''],
  ['MKT-124', 'Persona research: finance leaders', 'Product Marketing', 'Foundation', 'Grow pipeline', 500, 1, 0.8, 4, 5, 3, 8, 10, 5, 5, 2, 1, '', ''],
  ['MKT-125', 'Website speed and Core Web Vitals', 'Web & Digital', 'Foundation', 'Grow pipeline', 25000, 0.25, 1, 4, 3, 3, 5, 8, 6, 3, 2, 1, '', ''],
  ['MKT-126', 'Homepage redesign', 'Web & Digital', 'Brand', 'Build awareness', 30000, 0.5, 0.5, 10, 8, 3, 2, 14, 2, 4, 3, 4, 'MKT-121', ''],
  ['MKT-127', 'ROI calculator', 'Web & Digital', 'Growth', 'Grow pipeline', 6000, 1, 0.8, 5, 8, 3, 2, 13, 5, 4, 4, 2, '', ''],
  ['MKT-128', 'Demo request flow A/B tests', 'Web & Digital', 'Growth', 'Grow pipeline', 9000, 1, 0.8, 3, 8, 5, 2, 17, 8, 4, 4, 1, '', ''],
  ['MKT-129', 'German localized site', 'Web & Digital', 'Growth', 'Grow pipeline', 7000, 0.5, 0.5, 8, 5, 2, 1, 8, 3, 3, 3, 3, '', ''],
  ['MKT-130', 'Customer community hub', 'Web & Digital', 'Retention', 'Improve retention', 2000, 1, 0.5, 9, 5, 1, 2, 7, 2, 3, 2, 3, '', ''],
  ['MKT-131', 'Intent data integration', 'Marketing Ops', 'Foundation', 'Scale operations', 600, 1, 0.8, 4, 5, 5, 3, 11, 5, 4, 3, 2, '', ''],
  ['MKT-132', 'Lead scoring model v2', 'Marketing Ops', 'Foundation', 'Scale operations', 8000, 0.5, 0.8, 5, 8, 3, 5, 12, 5, 4, 4, 2, '', ''],
  ['MKT-133', 'Marketing automation migration', 'Marketing Ops', 'Foundation', 'Scale operations', 12000, 0.5, 0.8, 8, 8, 13, 8, 25, 2, 4, 2, 4, '', 'yes'],
  ['MKT-134', 'Attribution dashboard', 'Marketing Ops', 'Foundation', 'Scale operations', 100, 2, 0.8, 4, 8, 3, 3, 12, 5, 5, 3, 2, '', ''],
  ['MKT-135', 'CRM data hygiene and dedupe', 'Marketing Ops', 'Foundation', 'Scale operations', 20000, 0.25, 1, 3, 3, 2, 5, 6, 7, 3, 2, 1, '', ''],
  ['MKT-136', 'Consent and preference center', 'Marketing Ops', 'Foundation', 'Scale operations', 30000, 0.25, 0.8, 4, 3, 8, 8, 12, 5, 3, 1, 2, '', ''],
  ['MKT-137', 'Campaign brief template and intake', 'Marketing Ops', 'Foundation', 'Scale operations', 60, 1, 1, 1, 2, 2, 2, 4, 9, 3, 1, 1, '', ''],
  ['MKT-138', 'LinkedIn thought-leadership program', 'Content', 'Brand', 'Build awareness', 12000, 0.5, 0.8, 4, 5, 2, 1, 7, 6, 3, 2, 2, '', ''],
  ['MKT-139', 'Churn-risk save campaigns', 'Demand Gen', 'Retention', 'Improve retention', 800, 2, 0.5, 4, 8, 8, 3, 19, 5, 4, 4, 2, 'MKT-132', ''],
  ['MKT-140', 'G2 review drive', 'Product Marketing', 'Brand', 'Build awareness', 2000, 0.5, 0.8, 2, 3, 3, 1, 5, 8, 2, 2, 1, '', ''],
];

const TEAMS: Scalar[][] = [
  ['Team', 'Capacity', 'Lead'],
  ['Content', 30, 'Priya Raman'],
  ['Demand Gen', 36, 'Marcus Lee'],
  ['Product Marketing', 30, 'Elena Ruiz'],
  ['Web & Digital', 24, 'Tom Becker'],
  ['Marketing Ops', 22, 'Aisha Okafor'],
];

const MIX: Scalar[][] = [
  ['Category', 'Min share', 'Max share'],
  ['Growth', '', 0.6],
  ['Retention', '', 0.3],
  ['Brand', '', 0.2],
  ['Foundation', 0.1, 0.3],
];

// prettier-ignore
const SCORECARD: Scalar[][] = [
  ['KPI', 'Area', 'Direction', 'Baseline', 'Target', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Weight', 'Owner'],
  ['Goal contribution', 'Strategy', 'higher', 0.55, 0.8, 0.58, 0.61, 0.66, 0.7, 0.74, 0.79, 2, 'CMO'],
  ['Priority stability', 'Prioritization', 'higher', 0.6, 0.8, 0.62, 0.7, 0.68, 0.75, 0.78, 0.81, 1, 'Head of Product Marketing'],
  ['Approval cycle time (days)', 'Decision rights', 'lower', 9, 4, 9, 8, 7.5, 6, 5, 4.2, 1, 'VP Marketing'],
  ['Capacity accuracy', 'Resource management', 'higher', 0.7, 0.9, 0.72, 0.75, 0.78, 0.82, 0.85, 0.88, 1, 'Marketing Ops lead'],
  ['Improvement completion', 'Culture', 'higher', 0.4, 0.75, 0.45, 0.5, 0.48, 0.6, 0.62, 0.58, 1, 'Team leads'],
  ['Marketing ROI', 'Performance', 'higher', 2.1, 3, 2.2, 2.4, 2.3, 2.6, 2.7, 2.9, 2, 'CMO'],
  ['Pipeline created ($k)', 'Business', 'higher', 2400, 3600, 2450, 2600, 2900, 3000, 3300, 3500, 2, 'Demand Gen lead'],
  ['MQL to SQL conversion', 'Business', 'higher', 0.18, 0.25, 0.18, 0.19, 0.2, 0.21, 0.2, 0.19, 1, 'Demand Gen lead'],
  ['Net revenue retention', 'Business', 'higher', 1.02, 1.1, 1.03, 1.04, 1.05, 1.06, 1.08, 1.09, 1, 'Customer marketing'],
  ['CAC payback (months)', 'Business', 'lower', 18, 14, 18, 17.5, 17.8, 17, 16.5, 16.8, 1, 'VP Marketing'],
];

const GUARDRAILS: Scalar[][] = [
  ['Decision type', 'Max budget', 'Max risk', 'Owner'],
  ['Campaign creative', 5000, 'Medium', 'Campaign lead'],
  ['Campaign launch', 25000, 'Medium', 'Team lead'],
  ['Paid media', 50000, 'High', 'Demand Gen director'],
  ['Pricing', '', 'Low', 'Product Marketing director'],
  ['Brand', 10000, 'Low', 'Brand manager'],
  ['Tooling', 15000, 'Medium', 'Marketing Ops lead'],
  ['*', 100000, 'High', 'VP Marketing'],
  ['*', '', '', 'CMO'],
];

const START: Scalar[][] = [
  ['Northwind Ledger marketing: Q3 plan (sample data)'],
  [''],
  ['1. Prioritize: score the Backlog (RICE, ICE, WSJF, CD3 or weighted criteria) and write Score and Rank.'],
  ['2. Plan: fit the ranked backlog into the Teams capacity and the Mix, then write the Plan sheet.'],
  ['3. Measure: read the Scorecard: status, attainment, trend and the composite score.'],
  ['4. Empower: ask the Guardrails who decides.'],
];

export const SAMPLE_QUARTER: TemplateSpec = {
  name: 'the sample quarter',
  sheets: [
    { name: 'Start here', rows: START },
    { name: 'Backlog', rows: [BACKLOG_HEADERS, ...BACKLOG] },
    { name: 'Teams', rows: TEAMS },
    { name: 'Mix', rows: MIX },
    { name: 'Scorecard', rows: SCORECARD },
    { name: 'Guardrails', rows: GUARDRAILS },
  ],
};

export const SAMPLE_FILE_NAME = 'northwind-q3-plan.xlsx';
