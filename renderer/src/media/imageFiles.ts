/**
 * The image files a paste or a drop carries (a screenshot, a copied image, files from the desktop).
 * A phone's HEIC photo comes with no type where the system does not know the format: its name
 * says what it is, and the core reads its bytes to be sure.
 */
export function imageFilesIn(transfer: DataTransfer | null): File[] {
  if (!transfer) return [];
  return [...transfer.files].filter((file) => file.type.startsWith('image/') || /\.hei[cf]$/i.test(file.name));
}

/** A file's bytes in base64, read off the main thread (the contract carries JSON, not bytes). */
export async function base64Of(file: Blob): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === 'string') resolve(reader.result);
      else reject(new Error('The file was not read as text.'));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
  return url.slice(url.indexOf(',') + 1);
}
