/** Whether the user may change a setting, and the data- attributes tests and styles key on. */
import type { SettingsView } from '../core/settings-view.ts';
import type { UserKey } from '../core/settings.ts';

export interface FieldState {
  locked: boolean;
  /** Attributes for the control's wrapper. */
  attrs: { 'data-setting': UserKey; 'data-locked'?: UserKey };
}

export function fieldState(view: SettingsView, key: UserKey): FieldState {
  const locked = view.settings.locked.includes(key);
  return { locked, attrs: locked ? { 'data-setting': key, 'data-locked': key } : { 'data-setting': key } };
}

/** The ID of a field's error message, for aria-describedby. */
export const errorId = (key: string) => `${key}-error`;
