import { describe, expect, it } from 'vitest';
import { illustrationOf, withIllustration } from '../../../src/core/article/illustration.js';
import { renderHtml } from '../../../src/core/render/html.js';

const render = (html: string) => renderHtml(html, { width: 60, imageLabel: 'Ilustrasi', footnotes: false }).lines.map((l) => l.text);

describe('withIllustration', () => {
  it('puts the page image with its caption above a body that has no picture', () => {
    const html = withIllustration('<p>Isi artikel.</p>', { url: 'https://cyberthreat.id/images/a.jpg', caption: 'Ilustrasi kebocoran data. (Cyberthreat.id)' });
    expect(render(html)).toEqual(['[Ilustrasi]', 'Ilustrasi kebocoran data. (Cyberthreat.id)', '', 'Isi artikel.']);
  });

  it('leaves a body that has its own picture alone, and one with no image to add', () => {
    const own = '<p>Isi.</p><figure><img src="https://x.example/b.jpg" alt="Grafik"></figure>';
    expect(withIllustration(own, { url: 'https://x.example/a.jpg', caption: null })).toBe(own);
    expect(withIllustration('<p>Isi.</p>', null)).toBe('<p>Isi.</p>');
  });

  it('adds no picture from a non-http(s) address, and escapes what it writes', () => {
    expect(withIllustration('<p>x</p>', { url: 'javascript:alert(1)', caption: null })).toBe('<p>x</p>');
    const html = withIllustration('<p>x</p>', { url: 'https://x.example/a.jpg?"onerror=1', caption: '<script>alert(1)</script>' });
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/"onerror/);
    expect(render(html)).toEqual(['[Ilustrasi]', '<script>alert(1)</script>', '', 'x']);
  });

  it("prefers the page's image (it has a caption), else the feed's", () => {
    expect(illustrationOf({ url: 'https://p.example/a.jpg', caption: 'c' }, 'https://f.example/b.jpg')).toEqual({ url: 'https://p.example/a.jpg', caption: 'c' });
    expect(illustrationOf(null, 'https://f.example/b.jpg')).toEqual({ url: 'https://f.example/b.jpg', caption: null });
    expect(illustrationOf(undefined, null)).toBeNull();
  });
});
