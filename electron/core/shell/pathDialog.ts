/** What the writer is choosing a path for. */
export type PathPurpose = 'export-folder' | 'import-file' | 'import-folder' | 'site-folder';

/** The options of Electron's open dialog for each purpose (a plain description, so it is tested without Electron). */
export interface PathDialogOptions {
  readonly title: string;
  readonly buttonLabel: string;
  readonly properties: readonly ('openFile' | 'openDirectory' | 'createDirectory')[];
  readonly filters?: readonly { readonly name: string; readonly extensions: readonly string[] }[];
}

export function pathDialogOptions(purpose: PathPurpose): PathDialogOptions {
  if (purpose === 'export-folder') {
    return {
      title: 'Export the library to a folder',
      buttonLabel: 'Export here',
      properties: ['openDirectory', 'createDirectory'],
    };
  }
  if (purpose === 'site-folder') {
    return { title: "Choose the static site's folder", buttonLabel: 'Choose', properties: ['openDirectory'] };
  }
  if (purpose === 'import-folder') {
    return { title: 'Import a folder of Markdown', buttonLabel: 'Import', properties: ['openDirectory'] };
  }
  return {
    title: 'Import a WordPress export or a Markdown file',
    buttonLabel: 'Import',
    properties: ['openFile'],
    filters: [
      { name: 'WordPress export or Markdown', extensions: ['xml', 'md', 'markdown', 'html'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
}
