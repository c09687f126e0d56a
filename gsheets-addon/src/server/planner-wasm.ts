// highs.wasm for the optimal planner in the sidebar, served in parts through google.script.run. It is kept as
// base64 in highs-wasm.html: every .js file of the project is evaluated on every execution (each custom
// function call included), while an HTML file is read only when asked for, here only when a user plans
// optimally. Parts stay well under what one google.script.run reply should carry.
export const WASM_FILE = 'highs-wasm';
export const PART_CHARS = 512 * 1024;

export function plannerWasmPart(part: number): { parts: number; text: string } {
  const all = HtmlService.createTemplateFromFile(WASM_FILE).getRawContent();
  const parts = Math.max(1, Math.ceil(all.length / PART_CHARS));
  if (!Number.isInteger(part) || part < 0 || part >= parts) throw new Error(`The optimal planner asked for part ${part} of ${parts}: reload the sidebar.`);
  return { parts, text: all.slice(part * PART_CHARS, (part + 1) * PART_CHARS) };
}
