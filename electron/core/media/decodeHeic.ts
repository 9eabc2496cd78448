import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { refusal, tooManyPixels } from './imageRefusal';

/** An image's pixels as 8-bit RGBA rows, upright (the HEIF file's own rotation and mirroring applied). */
export interface RgbaPixels {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

export interface HeicDecodeLimits {
  /** Pixels the image may decode to: past this it is refused before its pixels are decoded. */
  readonly maxPixels: number;
  /** How long decoding may take: past this the worker is stopped and the image refused. */
  readonly maxMs: number;
}

const Size = { width: z.number().int().positive(), height: z.number().int().positive() };

/** What the worker answers: its pixels (RGBA, so four bytes a pixel), a size refused, or why it failed. */
const WorkerAnswerSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('pixels'), data: z.instanceof(Uint8ClampedArray), ...Size })
    .refine(({ data, width, height }) => data.length === width * height * 4, 'the pixels do not fill the image'),
  z.object({ kind: z.literal('too-large'), ...Size }),
  z.object({ kind: z.literal('failed'), detail: z.string() }),
]);

type WorkerAnswer = z.infer<typeof WorkerAnswerSchema>;

/*
 * Run as the worker's whole program (plain CommonJS: it is not bundled, and a TypeScript
 * function's text would carry the transpiler's helpers). heic-decode's all() parses the container
 * and gives each image's size before any pixel is decoded, so the size is checked first.
 * libheif tells why a file could not be read only through console.log: that reason is kept for
 * the writer and never reaches the host's stdout (where the CLI prints its JSON; the worker's own
 * streams are not piped there either).
 */
const workerProgram = `
const { parentPort, workerData } = require('node:worker_threads');
let reason = '';
console.log = console.warn = console.error = (...parts) => {
  const words = parts.map((part) => (typeof part === 'string' ? part : part && part.message)).filter(Boolean);
  if (words.length > 0) reason = words.join(': ');
};
(async () => {
  const images = await require(workerData.decoder).all({ buffer: workerData.input });
  try {
    const { width, height } = images[0];
    if (width * height > workerData.maxPixels) return { kind: 'too-large', width, height };
    const decoded = await images[0].decode();
    return { kind: 'pixels', width: decoded.width, height: decoded.height, data: decoded.data };
  } finally {
    images.dispose();
  }
})().then(
  (answer) => parentPort.postMessage(answer, answer.data ? [answer.data.buffer] : []),
  (error) => parentPort.postMessage({ kind: 'failed', detail: reason || String(error && error.message) }),
);
`;

/**
 * Decodes a HEIC/HEIF image whose pictures are HEVC-coded (every iPhone photo since 2017), which
 * sharp's prebuilt libvips cannot: it ships no HEVC decoder. libheif with libde265, compiled to
 * WebAssembly (heic-decode over libheif-js), runs in a worker thread of its own, so that the
 * seconds a large photo takes never hold up the process answering the editor, and so that a file
 * that decodes for too long can be stopped: WebAssembly cannot be interrupted on its own thread.
 * A damaged or cut-short file, one declaring more than `maxPixels` pixels, or one that takes more
 * than `maxMs` is refused with AppError('invalid-input') and a message for the writer.
 */
export async function decodeHeic(input: Uint8Array, limits: HeicDecodeLimits): Promise<RgbaPixels> {
  const worker = new Worker(workerProgram, {
    eval: true,
    workerData: { decoder: createRequire(import.meta.url).resolve('heic-decode'), input, maxPixels: limits.maxPixels },
    stdout: true,
    stderr: true,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = await new Promise<WorkerAnswer>((resolve, reject) => {
      timer = setTimeout(() => {
        reject(refusal(`The HEIC image took more than ${limits.maxMs / 1000} s to decode, so it was stopped.`));
      }, limits.maxMs);
      worker.once('message', (message: unknown) => {
        const parsed = WorkerAnswerSchema.safeParse(message);
        resolve(
          parsed.success
            ? parsed.data
            : { kind: 'failed', detail: `the decoder answered oddly: ${parsed.error.message}` },
        );
      });
      worker.once('error', (error) => resolve({ kind: 'failed', detail: error.message }));
      worker.once('exit', (code) => resolve({ kind: 'failed', detail: `the decoder stopped (exit code ${code})` }));
    });
    if (answer.kind === 'too-large') throw tooManyPixels(answer.width, answer.height, limits.maxPixels);
    if (answer.kind === 'failed') {
      throw refusal(`The image could not be read: it is damaged or cut short (${answer.detail}).`);
    }
    return answer;
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
