// dist/excel/manifest.xml checked offline (office-addin-manifest validate calls a web service): against
// Microsoft's XSDs with libxml2 (xmllint-wasm), then structurally: ids unique, every resid resolves, every
// URL is https under the base URL and names a file in dist/excel, icons exist at their declared sizes,
// namespace AGILE, shared runtime, requirement sets that match what the code uses, one ShowTaskpane button and
// ExecuteFunction view buttons that start disabled.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';

// xml2js comes with office-addin-manifest (a dev dependency): no new dependency for one parse.
const { parseStringPromise } = createRequire(import.meta.url)('xml2js') as { parseStringPromise: (xml: string, o: object) => Promise<Node> };

interface Node {
  [key: string]: unknown;
  $?: Record<string, string>;
}

const DIST = join(import.meta.dirname, '../../dist/excel');
const BASE = 'https://localhost:3000/';

/** Every element under `node`, depth first, with its tag name (namespace prefix dropped). */
function* walk(node: unknown, tag = ''): Generator<{ tag: string; node: Node }> {
  if (Array.isArray(node)) {
    for (const n of node) yield* walk(n, tag);
    return;
  }
  if (!node || typeof node !== 'object') return;
  yield { tag: tag.replace(/^.*:/, ''), node: node as Node };
  for (const [k, v] of Object.entries(node)) if (k !== '$' && k !== '_') yield* walk(v, k);
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('dist/excel/manifest.xml', () => {
  let xml: string;
  let nodes: { tag: string; node: Node }[];
  const attr = (tag: string, name: string) => nodes.filter((n) => n.tag === tag && n.node.$?.[name] !== undefined).map((n) => n.node.$![name]!);

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'manifest.xml'))) throw new Error('dist/excel/manifest.xml is missing: run `npm run build` first');
    xml = readFileSync(join(DIST, 'manifest.xml'), 'utf8');
    nodes = [...walk(await parseStringPromise(xml, {}))];
  });

  it('validates against the OfficeApp 1.1 and VersionOverrides XSDs', async () => {
    expect(await validate(xml)).toEqual([]);
  });

  it('is for Excel workbooks and asks for the requirement sets the code uses', () => {
    expect(attr('Host', 'Name')).toEqual(['Workbook']);
    expect(attr('Host', 'xsi:type')).toEqual(['Workbook']);
    const sets = nodes.filter((n) => n.tag === 'Set').map((n) => `${n.node.$!.Name} ${n.node.$!.MinVersion}`);
    // "allowCustomDataForDataTypeAny … CustomFunctionsRuntime 1.4" and CustomFunctions.Error "[ API set:
    // CustomFunctionsRuntime 1.2 ]" (https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.error):
    // the higher of the two, since functions.json sets the flag. Range.valuesAsJson, which writes text as
    // text, is "[Api set: ExcelApi 1.16]" (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-valuesasjson-member).
    expect(sets).toEqual(['CustomFunctionsRuntime 1.4', 'SharedRuntime 1.1', 'ExcelApi 1.16']);
    const meta = JSON.parse(readFileSync(join(DIST, 'functions.json'), 'utf8')) as { allowCustomDataForDataTypeAny?: boolean };
    expect(meta.allowCustomDataForDataTypeAny).toBe(true);
  });

  it('lists no AppDomain: the add-in loads only from its own origin', () => {
    // "Don't list the domain of the add-in itself … in AppDomain" (https://learn.microsoft.com/javascript/api/manifest/appdomain);
    // an AppDomain is a bare origin, never a path with a closing slash.
    expect(nodes.filter((n) => n.tag === 'AppDomain')).toEqual([]);
  });

  it('has no placeholder left and only https URLs under the base URL', () => {
    expect(xml).not.toContain('{{');
    const urls = [...xml.matchAll(/(?:DefaultValue=")(https?:\/\/[^"<]+)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(20);
    for (const u of urls) expect(u.startsWith(BASE), u).toBe(true);
  });

  it('gives every element id once and resolves every resid', () => {
    const ids = attr('Image', 'id').concat(attr('Url', 'id'), attr('String', 'id'));
    expect(new Set(ids).size).toBe(ids.length);
    const controls = nodes.filter((n) => ['Control', 'Group', 'CustomTab'].includes(n.tag)).map((n) => n.node.$!.id!);
    expect(new Set(controls).size).toBe(controls.length);
    const resids = nodes.map((n) => n.node.$?.resid).filter((r): r is string => r !== undefined);
    expect(resids.length).toBeGreaterThan(30);
    for (const r of resids) expect(ids, `resid ${r}`).toContain(r);
  });

  it('points every URL at a file that the build put in dist/excel', () => {
    const urls = attr('Url', 'DefaultValue').concat(attr('Image', 'DefaultValue'), attr('IconUrl', 'DefaultValue'), attr('HighResolutionIconUrl', 'DefaultValue'), attr('SupportUrl', 'DefaultValue'), attr('SourceLocation', 'DefaultValue'));
    for (const u of urls) expect(existsSync(join(DIST, u.slice(BASE.length))), u).toBe(true);
  });

  it('declares icons at sizes the PNG files really have', () => {
    const images = new Map(nodes.filter((n) => n.tag === 'Image' && n.node.$?.id).map((n) => [n.node.$!.id!, n.node.$!.DefaultValue!]));
    const used = nodes.filter((n) => n.tag === 'Image' && n.node.$?.size);
    expect(used.length).toBeGreaterThanOrEqual(18);
    for (const n of used) {
      const size = Number(n.node.$!.size);
      expect([16, 20, 24, 32, 40, 48, 64, 80]).toContain(size);
      const file = join(DIST, images.get(n.node.$!.resid!)!.slice(BASE.length));
      expect(pngSize(file), file).toEqual({ width: size, height: size });
    }
    expect(pngSize(join(DIST, 'assets/app-32.png'))).toEqual({ width: 32, height: 32 });
    expect(pngSize(join(DIST, 'assets/app-64.png'))).toEqual({ width: 64, height: 64 });
  });

  it('runs functions, task pane and commands in one long-lived runtime on taskpane.html', () => {
    const runtime = nodes.find((n) => n.tag === 'Runtime')!.node.$!;
    expect(runtime).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
    expect(attr('Url', 'DefaultValue')).toContain(`${BASE}taskpane.html`);
    const page = nodes.find((n) => n.tag === 'Page')!;
    expect(JSON.stringify(page.node)).toContain('Taskpane.Url');
    // ExecuteFunction buttons run in the shared runtime: "When the add-in is configured to use a shared runtime,
    // the functions in the code file run in the same JavaScript runtime (and share a common global namespace) as
    // the JavaScript in the add-in's task pane" (https://learn.microsoft.com/javascript/api/manifest/functionfile).
    expect(nodes.find((n) => n.tag === 'FunctionFile')!.node.$).toEqual({ resid: 'Taskpane.Url' });
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    for (const f of ['functions.js', 'taskpane.js', 'sidebar.js']) expect(html).toContain(`src="${f}"`);
  });

  it('names the custom functions namespace AGILE and serves functions.json and functions.js', () => {
    const ns = nodes.find((n) => n.tag === 'Namespace')!.node.$!.resid!;
    expect(nodes.find((n) => n.tag === 'String' && n.node.$?.id === ns)!.node.$!.DefaultValue).toBe('AGILE');
    const meta = JSON.parse(readFileSync(join(DIST, 'functions.json'), 'utf8')) as { functions: { id: string }[] };
    expect(meta.functions.length).toBeGreaterThan(10);
  });

  it('has a ribbon tab whose one ShowTaskpane button opens the pane and whose view buttons start disabled', () => {
    const labels = new Map(nodes.filter((n) => n.tag === 'String').map((n) => [n.node.$!.id!, n.node.$!.DefaultValue!]));
    const buttons = nodes.filter((n) => n.tag === 'Control');
    const shown = buttons.map((b) => labels.get((b.node.Label as Node[])[0]!.$!.resid!));
    expect(shown).toEqual(['Open Agile Playbook', 'Prioritize', 'Plan capacity', 'Scorecard', 'Insert quarterly plan', 'Share']);
    // "As of February 23rd, 2026, the `showAsTaskpane` method no longer applies to add-ins published in the
    // Microsoft Marketplace. Calls to `showAsTaskpane` are ignored and won't open the task pane."
    // (https://learn.microsoft.com/office/dev/add-ins/develop/show-hide-add-in): the button that opens the pane is a ShowTaskpane action on the shared runtime's page.
    const [open, ...views] = buttons;
    const openAction = (open!.node.Action as Node[])[0]!;
    expect(openAction.$!['xsi:type']).toBe('ShowTaskpane');
    expect((openAction.SourceLocation as Node[])[0]!.$!.resid).toBe('Taskpane.Url');
    expect(open!.node.Enabled).toBeUndefined();
    // The view buttons cannot open the pane there, so they start disabled: "The <Enabled> element is a child
    // element of Control. If it is omitted, the default is true." (https://learn.microsoft.com/javascript/api/manifest/enabled)
    for (const b of views) {
      const action = (b.node.Action as Node[])[0]!;
      expect(action.$!['xsi:type']).toBe('ExecuteFunction');
      expect((action.FunctionName as string[])[0]).toMatch(/^AgilePlaybook\.show\.[a-z]+$/);
      expect(b.node.Enabled).toEqual(['false']);
    }
  });

  it('gives no action a TaskpaneId, so the shared runtime keeps its one pane', async () => {
    // "A shared runtime only supports one task pane, although that task pane can have more than one page." and
    // "Add-in only manifest: In the ancestor <Host> element that has a descendant <Runtime> element that is set to
    // a long lifetime, none of the descendant <Action> elements should have a <TaskpaneID> child element."
    // (https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime,
    // "Good practice: avoid multiple task panes"). Until July 2026 (office-js-docs-pr #5846) the same page said
    // the opposite ("any task pane without a <TaskpaneID> is considered a different task pane"); the newer text
    // is followed, and deploy-excel.md's manual check 1 clicks two buttons to see one pane keep its state.
    expect(nodes.find((n) => n.tag === 'Runtime')!.node.$!.lifetime).toBe('long');
    const actions = nodes.filter((n) => n.tag === 'Action');
    expect(actions).toHaveLength(6);
    for (const a of actions) {
      expect(Object.keys(a.node).filter((k) => k.replace(/^.*:/, '').toLowerCase() === 'taskpaneid')).toEqual([]);
      if (a.node.$!['xsi:type'] === 'ShowTaskpane') expect((a.node.SourceLocation as Node[])[0]!.$!.resid).toBe('Taskpane.Url');
    }
    expect(xml).not.toMatch(/<TaskpaneId>/i);
    // TaskpaneId is optional in ShowTaskpane (minOccurs="0" in TaskPaneAppVersionOverridesV1_0.xsd): still valid.
    expect(await validate(xml)).toEqual([]);
  });
});

// Copies of Microsoft's published XSDs (see schemas/README.md for their source and the two changes).
const schemaDir = join(import.meta.dirname, 'schemas');

/** libxml2's errors validating `xml` against OfficeAppManifestV1_1.xsd and the schemas it imports. */
async function validate(xml: string): Promise<string[]> {
  const files = readdirSync(schemaDir)
    .filter((f) => f.endsWith('.xsd'))
    .map((f) => ({ fileName: f, contents: readFileSync(join(schemaDir, f), 'utf8') }));
  const main = 'OfficeAppManifestV1_1.xsd';
  const r = await validateXML({ xml: [{ fileName: 'manifest.xml', contents: xml }], schema: files.filter((f) => f.fileName === main), preload: files.filter((f) => f.fileName !== main) });
  return r.errors.map((e) => e.message);
}

describe('the XSD validation itself', () => {
  it('fails a manifest with a misplaced element, an unknown action type or a missing required element', async () => {
    const good = readFileSync(join(DIST, 'manifest.xml'), 'utf8');
    expect(await validate(good)).toEqual([]);
    expect((await validate(good.replace('<ProviderName>', '<Provider>').replace('</ProviderName>', '</Provider>'))).length).toBeGreaterThan(0);
    expect((await validate(good.replace('xsi:type="ShowTaskpane"', 'xsi:type="OpenPane"'))).length).toBeGreaterThan(0);
    expect((await validate(good.replace(/<Id>[^<]*<\/Id>/, ''))).length).toBeGreaterThan(0);
    expect((await validate(good.replace('lifetime="long"', 'lifetime="forever"'))).length).toBeGreaterThan(0);
    expect((await validate(good.replace('<Enabled>false</Enabled>', '<Enabled>no</Enabled>'))).length).toBeGreaterThan(0);
    // Enabled comes right after Action, never inside it.
    expect((await validate(good.replace('</FunctionName>\n                </Action>\n                <Enabled>false</Enabled>', '</FunctionName>\n                <Enabled>false</Enabled>\n                </Action>'))).length).toBeGreaterThan(0);
  });
});

describe('excel-addon/manifest.xml (the source)', () => {
  it('puts the base URL placeholder in front of every URL, so --base-url moves all of them', () => {
    const src = readFileSync(join(import.meta.dirname, '../../excel-addon/manifest.xml'), 'utf8');
    const values = [...src.matchAll(/(?:DefaultValue="|<AppDomain>)([^"<]*\/\/[^"<]*|\{\{[^"<]*)/g)].map((m) => m[1]!);
    expect(values.length).toBeGreaterThan(20);
    for (const v of values) expect(v.startsWith('{{BASE_URL}}'), v).toBe(true);
  });
});
