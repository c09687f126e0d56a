// The Apps Script bundle. esbuild wraps it as `var AgilePlaybook = (() => {...})()`, and the generated
// top-level wrappers in functions.js call into it by name.
export { sheetsCall } from './custom-functions';
