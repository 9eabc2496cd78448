import { BloggerAdapter } from '../../../../electron/core/publishing/blogger/adapter';

/** A Blogger adapter whose network refuses every request, counting them: what must stay at 0. */
export function silentBlogger(): { readonly adapter: BloggerAdapter; readonly requests: () => number } {
  let requests = 0;
  const adapter = new BloggerAdapter({
    blogId: '123',
    accessToken: () => Promise.resolve('token'),
    transport: {
      fetch: () => {
        requests += 1;
        return Promise.reject(new Error('nothing may be sent'));
      },
      timeoutMs: 1_000,
    },
  });
  return { adapter, requests: () => requests };
}
