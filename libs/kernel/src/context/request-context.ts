import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LOCALE, Locale } from '../i18n/locale';

/**
 * What the edge knows about the current request, available anywhere below it
 * (error formatting, logging) without threading it through every call.
 */
export interface RequestContext {
  requestId: string;
  locale: Locale;
  /** The client's address (behind TRUST_PROXY), for per-IP rate limits. */
  ip: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
  ip(): string {
    return storage.getStore()?.ip ?? '';
  },
  locale(): Locale {
    return storage.getStore()?.locale ?? DEFAULT_LOCALE;
  },
};
