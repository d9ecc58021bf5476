import { describe, expect, it } from 'vitest'
import { isSafeHref, renderMarkdown } from './markdown'

describe('renderMarkdown', () => {
  it('renders the Markdown that lessons use', () => {
    expect(renderMarkdown("Open `/` in **Alice's** browser.")).toBe(
      '<p>Open <code>/</code> in <strong>Alice&#39;s</strong> browser.</p>\n',
    )
  })

  it('renders code blocks escaped, and focusable so that the keyboard can scroll them', () => {
    expect(renderMarkdown('```js\nif (a < b) res.send("<h1>")\n```')).toBe(
      '<pre tabindex="0"><code class="language-js">if (a &lt; b) res.send(&quot;&lt;h1&gt;&quot;)\n</code></pre>\n',
    )
  })

  describe('when the source contains raw HTML', () => {
    it.each([
      ['<script>alert(1)</script>', '<script'],
      ['<img src=x onerror="alert(1)">', '<img'],
      ['text <b onmouseover="alert(1)">bold</b>', '<b '],
      ['<iframe src="https://evil.example"></iframe>', '<iframe'],
    ])('shows %j as text instead of parsing it', (source, tag) => {
      const html = renderMarkdown(source)
      expect(html).not.toContain(tag)
      expect(html).toContain(tag.replace('<', '&lt;'))
    })
  })

  describe('links', () => {
    it('keeps links into the app and opens external ones in a new tab', () => {
      expect(renderMarkdown('[next](#/lessons/02-login)')).toContain(
        '<a href="#/lessons/02-login">next</a>',
      )
      expect(renderMarkdown('[docs](https://expressjs.com/)')).toContain(
        '<a href="https://expressjs.com/" target="_blank" rel="noopener noreferrer">docs</a>',
      )
    })

    it.each([
      '[click](javascript:alert(1))',
      '[click](JAVASCRIPT:alert(1))',
      '[click](data:text/html,<script>alert(1)</script>)',
      '[click](vbscript:msgbox)',
      '[click](//evil.example/)',
    ])('reduces %j to its text', (source) => {
      const html = renderMarkdown(source)
      expect(html).not.toContain('<a')
      expect(html).toContain('click')
    })

    it('shows an image that is not on https as its alt text', () => {
      expect(renderMarkdown('![the jar](javascript:alert(1))')).toBe('<p>the jar</p>\n')
    })
  })

  it('pushes headings down by the offset asked for', () => {
    expect(renderMarkdown('# Title\n\n## Part', { headingOffset: 2 })).toBe(
      '<h3>Title</h3>\n<h4>Part</h4>\n',
    )
    expect(renderMarkdown('##### Deep', { headingOffset: 3 })).toBe('<h6>Deep</h6>\n')
  })
})

describe('isSafeHref', () => {
  it.each([
    ['#/lessons', true],
    ['https://example.com', true],
    ['http://example.com', true],
    ['mailto:someone@example.com', true],
    ['javascript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['/lessons', false],
  ])('%j → %s', (href, safe) => {
    expect(isSafeHref(href)).toBe(safe)
  })
})
