// `npm run bench`: prints medians and ratios against a baseline measured in the same run.
import { benchBoundary } from './boundary.bench';
import { benchImages } from './images.bench';
import { benchImport } from './import.bench';
import { benchLibrary } from './library.bench';
import { benchQuotes } from './quotes.bench';
import { benchRender } from './render.bench';
import { benchScale, benchSearch } from './scale.bench';
import { benchStart } from './start.bench';
import { benchThemedPreview } from './themedPreview.bench';
import { benchTyping, benchTypingInLargeLibrary } from './typing.bench';

const only = process.argv[2];
if (!only || only === 'render') await benchRender();
if (!only || only === 'typing') await benchTyping();
if (!only || only === 'typing') await benchTypingInLargeLibrary();
if (!only || only === 'themed') await benchThemedPreview();
if (!only || only === 'library') await benchLibrary();
if (!only || only === 'start') await benchStart();
if (!only || only === 'quotes') await benchQuotes();
if (!only || only === 'boundary') await benchBoundary();
if (!only || only === 'scale') await benchScale(process.argv[3]);
// Not in the default run: the scale run above measures the same rows.
if (only === 'search') await benchSearch(process.argv[3]);
if (!only || only === 'import') await benchImport();
if (!only || only === 'images') await benchImages();
