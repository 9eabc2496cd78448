import { config } from 'zod';

// The CSP forbids eval; tell zod before any schema exists, instead of letting it probe with
// `new Function` (which the CSP blocks and reports as a violation).
config({ jitless: true });
