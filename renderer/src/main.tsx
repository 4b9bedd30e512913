// zod must be configured before any schema is built (see ./app/zod-setup.ts). Schemas are
// built when their modules load, and the bundler may hoist shared modules ahead of this
// file's body, so everything else is loaded only after the setup has run.
import './app/zod-setup';

void import('./bootstrap');
