// Types of scripts/terminal-output.mjs, for tests/unit/terminal-output.test.ts.
export function colourEnv(env?: NodeJS.ProcessEnv, isTTY?: boolean): NodeJS.ProcessEnv;
export function stripAnsi(text: string): string;
export function buildMessages(output: string): string[];
export const CHROMIUM_POLICY_DIR: string;
export function policyFilesNote(firefoxPolicyFile?: string): string;
