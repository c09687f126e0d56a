// A preset's plugin list as Univer registers it. A preset lists a plugin either alone or with its
// configuration; `createUniver` of @univerjs/presets (never installed: it pulls non-free packages) does
// this unpacking, so the page and the worker do it here.
import type { Plugin, PluginCtor } from '@univerjs/core';

type Entry = PluginCtor<Plugin> | readonly [PluginCtor<Plugin>, unknown?];

export function pluginList(plugins: readonly unknown[]): [PluginCtor<Plugin>, never][] {
  return (plugins as Entry[]).map((p) => (Array.isArray(p) ? [p[0], p[1]] : [p, undefined]) as [PluginCtor<Plugin>, never]);
}
