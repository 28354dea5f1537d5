/** Base64 of raw bytes (file contents sent to `project:create`), in chunks so large files do not overflow the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

/** A file as `project:create` takes it: its name and its bytes in base64 (the Node side detects the encoding). */
export async function readFileSource(
  file: File,
): Promise<{ fileName: string; bytesBase64: string }> {
  return {
    fileName: file.name,
    bytesBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())),
  };
}

/** A project name from a file name: without its extension and a trailing language tag (`report.en.txt` → `report`). */
export function nameFromFileName(fileName: string): string {
  return fileName
    .replace(/\.[^.]+$/, '')
    .replace(/[._-](en|ja|jp|eng|jpn)$/i, '')
    .trim();
}
