import { AppError } from '../../../../shared/result';

/** Where a command takes a blog's secret from: never the command line, which other users can read. */
export interface SecretOptions {
  readonly secretEnv?: string;
  readonly secretStdin?: boolean;
}

/** The secret from the environment variable named, or standard input; refused when neither gives one. */
export async function readSecret(options: SecretOptions): Promise<string> {
  if (options.secretEnv !== undefined) {
    const secret = process.env[options.secretEnv];
    if (secret === undefined || secret === '') {
      throw new AppError('invalid-input', `The environment variable ${options.secretEnv} is empty or not set.`);
    }
    return secret;
  }
  if (options.secretStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const secret = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
    if (secret === '') throw new AppError('invalid-input', 'Nothing came on standard input: pipe the secret in.');
    return secret;
  }
  throw new AppError('invalid-input', 'Give the secret with --secret-env VARIABLE or --secret-stdin.');
}
