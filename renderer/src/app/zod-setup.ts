import { z } from 'zod';

// Must run before any schema is built: zod decides on JIT compilation per schema, and its
// `new Function` probe is a CSP violation under `script-src 'self'`.
z.config({ jitless: true });
