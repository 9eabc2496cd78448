import { fileURLToPath } from 'node:url';
import { startDevHost } from '../../devhost/server';
import { logError, type CliContext } from '../context';

const BUILT_RENDERER = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

/** Runs the browser dev host until SIGINT or SIGTERM; the first line printed is its address. */
export async function serve(context: CliContext, options: { port?: number }): Promise<void> {
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
