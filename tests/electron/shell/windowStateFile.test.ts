import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { WINDOW_STATE_FILE, WindowStateFile } from '../../../electron/core/shell/windowStateFile';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();

describe('the window state file', () => {
  it('reads back the latest save once flushed, creating its folder, with no temp files left', async () => {
    const folder = path.join(await newFolder(), 'profile');
    const file = new WindowStateFile(path.join(folder, WINDOW_STATE_FILE), vi.fn());
    for (let x = 0; x < 20; x += 1) file.save({ x, y: 0, width: 800, height: 600, maximized: false });
    await file.flush();
    expect(await file.read()).toEqual({ x: 19, y: 0, width: 800, height: 600, maximized: false });
    expect(await readdir(folder)).toEqual([WINDOW_STATE_FILE]);
    expect(JSON.parse(await readFile(path.join(folder, WINDOW_STATE_FILE), 'utf8'))).toMatchObject({ x: 19 });
  });

  it('reads nothing when there is no file, and logs and reads nothing when it is damaged', async () => {
    const folder = await newFolder();
    const logError = vi.fn();
    const file = new WindowStateFile(path.join(folder, WINDOW_STATE_FILE), logError);
    expect(await file.read()).toBeNull();
    expect(logError).not.toHaveBeenCalled();
    await writeFile(path.join(folder, WINDOW_STATE_FILE), '{"x": 1, "y"');
    expect(await file.read()).toBeNull();
    expect(logError).toHaveBeenCalledOnce();
  });

  it('logs a save that fails instead of throwing, and flushes at once when nothing is pending', async () => {
    const folder = await newFolder();
    const logError = vi.fn();
    await writeFile(path.join(folder, 'a-file'), '');
    const file = new WindowStateFile(path.join(folder, 'a-file', WINDOW_STATE_FILE), logError);
    await file.flush();
    file.save({ x: 0, y: 0, width: 800, height: 600, maximized: false });
    await file.flush();
    expect(logError).toHaveBeenCalledWith('The window state could not be saved', expect.any(Error));
  });
});
