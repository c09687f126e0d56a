// The Apps Script bundle. esbuild wraps it as `var AgilePlaybook = (() => {...})()`; the generated top-level
// files call into it by name: functions.js (custom functions) and server.js (triggers, menu items and the
// server functions google.script.run calls).
export { sheetsCall } from './custom-functions';
export { onOpen, onInstall, showSidebar, MENU, MENU_FUNCTIONS } from './server/menu';
export { SERVER_FUNCTIONS, type ServerFunctions } from './server/api';
