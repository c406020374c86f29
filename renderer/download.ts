// Files handed to the person as downloads: a Blob and a temporary anchor.

/** Hands a Blob to the person as a download named fileName. */
export function downloadBlob(fileName: string, blob: Blob): void {
  save(fileName, blob);
}

function save(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke after the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadBase64(fileName: string, mimeType: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  save(fileName, new Blob([bytes], { type: mimeType }));
}

export function downloadText(fileName: string, mimeType: string, text: string): void {
  save(fileName, new Blob([text], { type: mimeType }));
}

/** Hands a file main made (ExportedFile) to the person; answers with its name. */
export function downloadFile(file: { readonly fileName: string; readonly mimeType: string; readonly base64: string }): string {
  downloadBase64(file.fileName, file.mimeType, file.base64);
  return file.fileName;
}
