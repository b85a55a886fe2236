/**
 * For a test that makes the code under test report a problem on purpose: the report is kept out
 * of the test output and handed to the test to check instead. Any other warning or error still
 * shows, as it should.
 */
import { onTestFinished, vi } from 'vitest';

export function expectConsole(method: 'warn' | 'error') {
  const spy = vi.spyOn(console, method).mockImplementation(() => {});
  onTestFinished(() => spy.mockRestore());
  return spy;
}
