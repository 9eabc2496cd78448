import type sharpModule from 'sharp';

let loading: Promise<typeof sharpModule> | null = null;

/**
 * sharp, loaded the first time an image is handled: its native library takes a few hundred
 * milliseconds to load, which every CLI command and the app's start would otherwise pay.
 */
export function loadSharp(): Promise<typeof sharpModule> {
  loading ??= import('sharp').then((module) => module.default);
  return loading;
}
