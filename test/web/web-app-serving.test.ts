/** The web app at `/`: its page with a strict CSP, the fallback for its routes, and the API's JSON 404s untouched. */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestLectern, type TestLectern } from '../helpers/test-app.ts';

let lectern: TestLectern;

beforeAll(async () => {
  // The build (npm run build, or npm test's pretest) writes web/dist; without it the page says to build.
  if (!existsSync(new URL('../../web/dist/index.html', import.meta.url))) {
    throw new Error('web/dist is missing: run `npm run build` before this test');
  }
  lectern = await createTestLectern();
});
afterAll(() => lectern?.close());

const get = (url: string, headers: Record<string, string> = {}) => lectern.app.inject({ method: 'GET', url, headers });

describe('the web app at /', () => {
  it("serves the app's page with security headers and a Content-Security-Policy without inline scripts", async () => {
    const page = await get('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<div id="root"></div>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it("answers the app's routes, and any path under a face's prefix, with the same page (the app routes them)", async () => {
    const index = (await get('/')).body;
    for (const path of [
      '/admin',
      '/learn/catalog',
      '/signed-in?code=x&state=y',
      '/learn/no/such/page',
      '/index.html',
    ]) {
      const page = await get(path);
      expect(page.statusCode, path).toBe(200);
      expect(page.body, path).toBe(index);
      expect(page.headers['content-security-policy'], path).toBeDefined();
    }
  });

  it('serves the built assets, named by their hash, cached for good; a missing file is a 404', async () => {
    const index = (await get('/')).body;
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(script).toBeDefined();
    const asset = await get(script!);
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    const missing = await get('/assets/nope-123.js');
    expect(missing.statusCode).toBe(404);
    expect((await get('/assets/../package.json')).statusCode).toBe(404);
  });

  it("leaves the API's prefixes to the API: JSON 404s, and no app headers on the API's answers", async () => {
    for (const path of [
      '/api/v1/nope',
      '/lectern/v1/nope',
      '/oauth/nope',
      '/people/api/nope',
      '/api',
      '/metrics/x',
      '/nope',
    ]) {
      const answer = await get(path);
      expect(answer.statusCode, path).toBe(404);
      expect(answer.headers['content-type'], path).toMatch(/^application\/json/);
      expect(answer.json(), path).toMatchObject({ code: '404', message: `Not found: no endpoint GET ${path}` });
      expect(answer.headers['content-security-policy'], path).toBeUndefined();
    }
    const courses = await get('/api/v1/courses', lectern.auth(lectern.adminToken));
    expect(courses.statusCode).toBe(200);
    expect(courses.headers['content-security-policy']).toBeUndefined();
    expect(courses.headers['x-frame-options']).toBeUndefined();
    const health = await get('/healthz');
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-security-policy']).toBeUndefined();
  });

  it('answers the other methods on app paths as before: JSON 404', async () => {
    const post = await lectern.app.inject({ method: 'POST', url: '/admin', payload: {} });
    expect(post.statusCode).toBe(404);
    expect(post.headers['content-type']).toMatch(/^application\/json/);
  });
});
