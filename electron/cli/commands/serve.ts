import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevHost } from '../../devhost/server';
import { logError, type ServicesContext } from '../context';

// The CLI is built into out/cli, one folder of modules beside the built renderer.
const BUILT_RENDERER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer');

/** `serve`: the browser dev host until SIGINT or SIGTERM; the first line printed is its address. */
export async function run(context: ServicesContext, options: { port?: number }): Promise<void> {
  const host = await startDevHost({
    services: context.services,
    rendererFolder: BUILT_RENDERER,
    logError,
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  context.out(host.url);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await host.close();
}
