// `npm run bench`: prints medians and ratios against a baseline measured in the same run.
import { benchLibrary } from './library.bench';

await benchLibrary();
