/**
 * Saves a Blob through the browser's own download (a temporary link). The object URL is
 * revoked a minute later, not at once: the browser reads it asynchronously after the click,
 * and revoking it early can cancel the download.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
