/**
 * Names the MAIN-world hook `<anonymous>` in stack traces. V8 puts the script's URL into every
 * stack frame, so an error thrown by a native function the page called through the hook (say
 * `fetch('http://[')`) would otherwise carry `chrome-extension://<id>/...` in its `stack` and
 * tell the page the extension is there. A `sourceURL` comment replaces that URL
 * (https://developer.chrome.com/docs/devtools/javascript/source-maps#sourceurl).
 */
import type { Plugin } from 'vite';

export function hookSourceUrlPlugin(fileName: string): Plugin {
  return {
    name: 'ajg:hook-source-url',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const out = bundle[fileName];
      if (!out) this.error(`${fileName} is missing from the build: the MAIN-world hook must be a standalone file`);
      const line = '\n//# sourceURL=<anonymous>\n';
      if (out.type === 'asset') out.source = `${String(out.source)}${line}`;
      else out.code = `${out.code}${line}`;
    },
  };
}
