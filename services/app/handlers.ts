import type { HandlerMap } from '../handler-types';

export const appHandlers: HandlerMap<'app.info'> = {
  'app.info': (_input, ctx) => ({ ...ctx.app }),
};
