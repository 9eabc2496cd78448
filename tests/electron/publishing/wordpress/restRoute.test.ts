import { describe, expect, it } from 'vitest';
import { restRoute } from '../../../../electron/core/publishing/wordpress/restRoute';

describe('restRoute', () => {
  it('appends the route to a /wp-json/ root, with or without its final slash', () => {
    expect(restRoute('https://blog.example/wp-json/', 'wp/v2/posts/7', { context: 'edit' })).toBe(
      'https://blog.example/wp-json/wp/v2/posts/7?context=edit',
    );
    expect(restRoute('https://blog.example/blog/wp-json', 'wp/v2/tags')).toBe(
      'https://blog.example/blog/wp-json/wp/v2/tags',
    );
  });

  it('puts the route in rest_route for the query form, keeping the other parameters apart', () => {
    const url = new URL(
      restRoute('https://blog.example/?rest_route=/', 'wp/v2/posts', { slug: 'a&b=c', per_page: '5' }),
    );
    expect(url.pathname).toBe('/');
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/posts');
    expect(url.searchParams.get('slug')).toBe('a&b=c');
    expect(url.searchParams.get('per_page')).toBe('5');
  });
});
