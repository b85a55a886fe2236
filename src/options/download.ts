/** Saves text as a file: a Blob URL and a temporary <a download>, so no permission is needed. */
export function downloadText(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference by now; a later revoke only frees memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
