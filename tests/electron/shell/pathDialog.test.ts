import { describe, expect, it } from 'vitest';
import { pathDialogOptions } from '../../../electron/core/shell/pathDialog';

describe("the OS's path dialogs", () => {
  it('asks for a folder it may create to export to, a file or a folder to import, and a site’s folder', () => {
    expect(pathDialogOptions('export-folder').properties).toEqual(['openDirectory', 'createDirectory']);
    expect(pathDialogOptions('import-folder').properties).toEqual(['openDirectory']);
    expect(pathDialogOptions('site-folder').properties).toEqual(['openDirectory']);
    const file = pathDialogOptions('import-file');
    expect(file.properties).toEqual(['openFile']);
    expect(file.filters?.[0]?.extensions).toEqual(['xml', 'md', 'markdown', 'html']);
  });
});
