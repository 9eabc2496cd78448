import { describe, expect, it, vi } from 'vitest';
import { AppCommandSchema, type AppCommand } from '../../../shared/contract';
import { applicationMenuTemplate, menuCommands } from '../../../electron/core/shell/applicationMenu';
import type { MenuItemTemplate } from '../../../electron/core/shell/menuItem';

function everyItem(items: readonly MenuItemTemplate[]): MenuItemTemplate[] {
  return items.flatMap((item) => [item, ...everyItem(item.submenu ?? [])]);
}

function menuFor(
  platform: NodeJS.Platform,
  developerTools = false,
  onCommand = vi.fn<(command: AppCommand) => void>(),
) {
  const template = applicationMenuTemplate({ platform, appName: 'Commonplace', developerTools, onCommand });
  return { template, items: everyItem(template), onCommand };
}

function roles(items: readonly MenuItemTemplate[]): string[] {
  return items.flatMap((item) => (item.role ? [item.role] : []));
}

// renderer/src/shortcuts.ts in Electron's accelerator notation: "$mod+Shift+p" is "CmdOrCtrl+Shift+P".
function accelerator(keys: string): string {
  return keys
    .split('+')
    .map((key) => (key === '$mod' ? 'CmdOrCtrl' : key.length === 1 ? key.toUpperCase() : key))
    .join('+');
}

describe('the application menu', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('on %s holds every app command once, with its keys', (platform) => {
    const { items, onCommand } = menuFor(platform);
    for (const command of AppCommandSchema.options) {
      const found = items.filter((item) => item.id === command);
      expect(found, command).toHaveLength(1);
      expect(found[0]).toMatchObject(menuCommands[command]);
      found[0]?.click?.();
      expect(onCommand).toHaveBeenLastCalledWith(command);
    }
    expect(onCommand).toHaveBeenCalledTimes(AppCommandSchema.options.length);
  });

  it.each(['darwin', 'win32', 'linux'] as const)('on %s gives no two items the same keys', (platform) => {
    const accelerators = menuFor(platform).items.flatMap((item) => (item.accelerator ? [item.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('on macOS starts with the application menu: About, Preferences, Services, Hide, Quit', () => {
    const { template } = menuFor('darwin');
    expect(template.map((menu) => menu.label)).toEqual(['Commonplace', 'File', 'Edit', 'View', 'Window', 'Help']);
    const appMenu = template[0]?.submenu ?? [];
    expect(roles(appMenu)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(appMenu.map((item) => item.id)).toContain('preferences');
    const windowMenu = template[4];
    expect(windowMenu?.role).toBe('window');
    expect(roles(windowMenu?.submenu ?? [])).toEqual(['minimize', 'zoom', 'front']);
    expect(roles(template[2]?.submenu ?? [])).toContain('pasteAndMatchStyle');
  });

  it.each(['win32', 'linux'] as const)('on %s puts Preferences and Quit in File, About in Help', (platform) => {
    const { template } = menuFor(platform);
    expect(template.map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const file = template[0]?.submenu ?? [];
    expect(file.map((item) => item.id ?? item.role).filter(Boolean)).toEqual([
      'newDraft',
      'newPostFromClipboard',
      'publish',
      'exportLibrary',
      'importArchive',
      'preferences',
      'quit',
    ]);
    expect(roles(template[4]?.submenu ?? [])).toEqual(['about']);
    expect(roles(template[3]?.submenu ?? [])).toEqual(['minimize', 'close']);
    // Its default keys, Ctrl+Shift+V, are Paste as Quote's.
    expect(roles(template[1]?.submenu ?? [])).not.toContain('pasteAndMatchStyle');
  });

  it.each(['darwin', 'win32', 'linux'] as const)('on %s has the standard edit, view and help roles', (platform) => {
    const { template } = menuFor(platform);
    const byLabel = (label: string) => template.find((menu) => menu.label === label)?.submenu ?? [];
    expect(roles(byLabel('Edit'))).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
    expect(roles(byLabel('View'))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(template.find((menu) => menu.label === 'Help')?.role).toBe('help');
    expect(byLabel('Help').map((item) => item.id)).toContain('showShortcuts');
  });

  it('offers reload and the developer tools only in development builds', () => {
    expect(roles(menuFor('linux', false).items)).not.toContain('toggleDevTools');
    expect(roles(menuFor('linux', true).items)).toEqual(
      expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']),
    );
  });

  it('uses the same keys as the page’s own shortcuts', async () => {
    // shortcuts.ts reads navigator.userAgent when it loads, as it does in the page.
    vi.stubGlobal('navigator', { userAgent: 'Node' });
    const { shortcuts } = await import('../../../renderer/src/shortcuts');
    vi.unstubAllGlobals();
    const shared = AppCommandSchema.options.filter((command) => command in shortcuts);
    expect(shared.length).toBeGreaterThanOrEqual(7);
    for (const command of shared) {
      expect(menuCommands[command].accelerator, command).toBe(
        accelerator(shortcuts[command as keyof typeof shortcuts].keys),
      );
    }
  });
});
