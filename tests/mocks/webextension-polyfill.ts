/**
 * In-memory stand-in for `webextension-polyfill`, shared by every unit test through the alias
 * in vitest.config.ts (never mocked per file). It keeps just enough behaviour to test the
 * background and UI modules: storage areas with change events, runtime messaging with a
 * sender, tabs, and per-tab action state. `resetBrowser()` runs before each test.
 */
import type { Runtime } from 'webextension-polyfill';

type Listener = (...args: any[]) => unknown;

class FakeEvent<L extends Listener = Listener> {
  readonly listeners = new Set<L>();
  addListener(l: L) { this.listeners.add(l); }
  removeListener(l: L) { this.listeners.delete(l); }
  hasListener(l: L) { return this.listeners.has(l); }
  emit(...args: Parameters<L>): unknown[] { return [...this.listeners].map((l) => l(...args)); }
}

const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

class FakeStorageArea {
  data = new Map<string, unknown>();
  readonly onChanged = new FakeEvent();
  constructor(readonly areaName: string) {}

  async get(keys?: string | string[] | Record<string, unknown> | null): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    if (keys === undefined || keys === null) {
      for (const [k, v] of this.data) out[k] = clone(v);
    } else if (typeof keys === 'string' || Array.isArray(keys)) {
      for (const k of [keys].flat()) if (this.data.has(k)) out[k] = clone(this.data.get(k));
    } else {
      for (const [k, d] of Object.entries(keys)) out[k] = this.data.has(k) ? clone(this.data.get(k)) : d;
    }
    return out;
  }
  async set(items: Record<string, unknown>): Promise<void> {
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [k, v] of Object.entries(items)) {
      changes[k] = { oldValue: clone(this.data.get(k)), newValue: clone(v) };
      this.data.set(k, clone(v));
    }
    this.fire(changes);
  }
  async remove(keys: string | string[]): Promise<void> {
    const changes: Record<string, { oldValue?: unknown }> = {};
    for (const k of [keys].flat()) {
      if (this.data.has(k)) changes[k] = { oldValue: this.data.get(k) };
      this.data.delete(k);
    }
    this.fire(changes);
  }
  async clear(): Promise<void> {
    await this.remove([...this.data.keys()]);
  }
  private fire(changes: Record<string, unknown>) {
    if (Object.keys(changes).length === 0) return;
    this.onChanged.emit(changes);
    storageOnChanged.emit(changes, this.areaName);
  }
}

const EXTENSION_ID = 'testextensionid';
const storageOnChanged = new FakeEvent();

export interface FakeTab { id: number; url?: string; active?: boolean; windowId?: number }

function createBrowser() {
  const onMessage = new FakeEvent<(msg: unknown, sender: Runtime.MessageSender) => unknown>();
  const tabs = new Map<number, FakeTab>();
  const badge = new Map<number, { text?: string; color?: string; title?: string }>();
  const badgeOf = (tabId: number) => badge.get(tabId) ?? (badge.set(tabId, {}), badge.get(tabId)!);
  const dnr = { rules: [] as Array<{ id: number }>, session: [] as Array<{ id: number }>, refuse: new Set<number>(), updates: 0 };
  return {
    storage: {
      local: new FakeStorageArea('local'),
      session: new FakeStorageArea('session'),
      managed: new FakeStorageArea('managed'),
      onChanged: storageOnChanged,
    },
    runtime: {
      id: EXTENSION_ID,
      getURL: (path: string) => `chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, '')}`,
      getManifest: () => ({ manifest_version: 3, name: 'AI Jurisdiction Guard', version: '0.0.0-test' }),
      onMessage,
      openOptionsPage: async () => {},
      /** Delivers to the background listeners as if sent by `sender` (default: an extension page). */
      async sendMessage(message: unknown, sender?: Runtime.MessageSender): Promise<unknown> {
        const from = sender ?? { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` };
        const results = onMessage.emit(clone(message), from);
        const reply = results.find((r) => r !== undefined);
        return clone(await reply);
      },
    },
    tabs: {
      onRemoved: new FakeEvent<(tabId: number) => void>(),
      async query(info: { active?: boolean }) {
        return [...tabs.values()].filter((t) => info.active === undefined || t.active === info.active).map(clone);
      },
      async get(tabId: number) {
        const tab = tabs.get(tabId);
        if (!tab) throw new Error(`No tab with id: ${tabId}.`);
        return clone(tab);
      },
    },
    action: {
      async setBadgeText({ tabId, text }: { tabId: number; text: string }) { badgeOf(tabId).text = text; },
      async getBadgeText({ tabId }: { tabId: number }) { return badgeOf(tabId).text ?? ''; },
      async setBadgeBackgroundColor({ tabId, color }: { tabId: number; color: string }) { badgeOf(tabId).color = color; },
      async setTitle({ tabId, title }: { tabId: number; title: string }) { badgeOf(tabId).title = title; },
      async getTitle({ tabId }: { tabId: number }) { return badgeOf(tabId).title ?? ''; },
    },
    declarativeNetRequest: {
      async getDynamicRules() {
        return clone(dnr.rules);
      },
      /** Atomic, like the browsers: a refused rule (test hook `refuse`) leaves the old set whole. */
      async updateDynamicRules({ removeRuleIds = [], addRules = [] }: { removeRuleIds?: number[]; addRules?: Array<{ id: number }> }) {
        const bad = addRules.find((r) => dnr.refuse.has(r.id));
        if (bad) throw new Error(`Rule with id ${bad.id} was skipped as the "regexFilter" value exceeded the 2KB memory limit when compiled.`);
        const kept = dnr.rules.filter((r) => !removeRuleIds.includes(r.id));
        const ids = new Set(kept.map((r) => r.id));
        if (addRules.some((r) => ids.has(r.id))) throw new Error('Rule with id already exists.');
        dnr.rules = [...kept, ...clone(addRules)];
        dnr.updates++;
      },
      async getSessionRules() {
        return clone(dnr.session);
      },
      async updateSessionRules({ removeRuleIds = [], addRules = [] }: { removeRuleIds?: number[]; addRules?: Array<{ id: number }> }) {
        const kept = dnr.session.filter((r) => !removeRuleIds.includes(r.id));
        if (addRules.some((r) => kept.some((k) => k.id === r.id))) throw new Error('Rule with id already exists.');
        dnr.session = [...kept, ...clone(addRules)];
      },
    },
    /** Test-only handles (not part of the real API). */
    _test: { tabs, badge, EXTENSION_ID, dnr },
  };
}

export const browser = createBrowser();
export type FakeBrowser = typeof browser;

export function resetBrowser(): void {
  Object.assign(browser, createBrowser());
  storageOnChanged.listeners.clear();
}

export default browser;
