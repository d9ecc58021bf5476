// Evaluated in the page under test, after Testing Library's UMD build (window.TestingLibraryDom):
// resolves the serializable queries of ./locator.ts to elements, the same way in every engine.
// Plain JavaScript read as text, so that no transpiler helper ends up in what the page runs.
/* global window, document, getComputedStyle, TestingLibraryDom */
window.__e2eFinder = (() => {
  const normalize = (text) => (text ?? '').replace(/\s+/g, ' ').trim()
  const toMatcher = (pattern, exact) => {
    if (pattern === undefined) return () => true
    if (typeof pattern === 'object') {
      const regex = new RegExp(pattern.source, pattern.flags)
      return (text) => regex.test(normalize(text))
    }
    // As Playwright does: exact compares whole strings, otherwise a case-blind substring.
    if (exact) return (text) => normalize(text) === pattern
    const wanted = pattern.toLowerCase()
    return (text) => normalize(text).toLowerCase().includes(wanted)
  }
  const frameDocument = (element) => {
    const frame =
      element.nodeName === 'IFRAME' ? element : element.querySelector('iframe[title^="Page at "]')
    return frame?.contentDocument ?? null
  }
  // Testing Library's queries take an element: a document is searched from its root element.
  const rootOf = (node) => (node.nodeType === 9 ? node.documentElement : node)
  // Innermost elements whose text matches: the element itself, not every ancestor.
  const byText = (root, matches) => {
    const found = []
    const visit = (element) => {
      let inner = false
      for (const child of element.children) if (visit(child)) inner = true
      if (inner) return true
      if (['SCRIPT', 'STYLE', 'HEAD', 'TITLE'].includes(element.nodeName)) return false
      if (matches(element.textContent)) {
        found.push(element)
        return true
      }
      return false
    }
    const start = root.nodeType === 9 ? root.documentElement : root
    if (start) visit(start)
    return found
  }
  const step = (elements, query) => {
    const out = []
    const add = (list) => {
      for (const element of list) if (!out.includes(element)) out.push(element)
    }
    switch (query.kind) {
      case 'css':
        for (const root of elements) add(root.querySelectorAll(query.selector))
        return out
      case 'role':
        for (const root of elements) {
          const matchName = toMatcher(query.name, query.exact)
          const options = { name: (name) => matchName(name) }
          if (query.level !== undefined) options.level = query.level
          if (query.selected !== undefined) options.selected = query.selected
          if (query.expanded !== undefined) options.expanded = query.expanded
          if (query.checked !== undefined) options.checked = query.checked
          add(TestingLibraryDom.queryAllByRole(rootOf(root), query.role, options))
        }
        return out
      case 'label':
        for (const root of elements) {
          const matches = toMatcher(query.text, query.exact)
          for (const field of root.querySelectorAll('input, textarea, select, [role="textbox"]')) {
            const texts = [...(field.labels ?? [])].map((label) => label.textContent)
            texts.push(field.getAttribute('aria-label'))
            if (texts.some((text) => text && matches(text))) add([field])
          }
        }
        return out
      case 'text':
        for (const root of elements) add(byText(root, toMatcher(query.text, query.exact)))
        return out
      case 'hasText': {
        const matches = toMatcher(query.text, false)
        return elements.filter((element) => matches(element.textContent))
      }
      case 'frame':
        for (const root of elements) {
          const inner = frameDocument(root)
          if (inner) out.push(inner)
        }
        return out
      case 'nth': {
        const index = query.index < 0 ? elements.length + query.index : query.index
        return elements[index] ? [elements[index]] : []
      }
      default:
        throw new Error(`unknown query step ${query.kind}`)
    }
  }
  const findAll = (steps) => steps.reduce((elements, query) => step(elements, query), [document])
  const isVisible = (element) => {
    if (element.nodeType === 9) return true
    const rect = element.getBoundingClientRect()
    if (rect.width === 0 && rect.height === 0) return false
    const style = (element.ownerDocument.defaultView ?? window).getComputedStyle(element)
    return style.visibility !== 'hidden'
  }
  /**
   * The middle of the element's visible part, in the top window's viewport, clipped to each of
   * its scroll boxes (scrollbars excluded), so that a long line in an editor is clicked where it
   * shows, not under a scrollbar.
   */
  const visibleBox = (element) => {
    const rect = element.getBoundingClientRect()
    let box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom }
    const view = element.ownerDocument.defaultView
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = view.getComputedStyle(parent)
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue
      const outer = parent.getBoundingClientRect()
      const left = outer.left + parent.clientLeft
      const top = outer.top + parent.clientTop
      box = {
        left: Math.max(box.left, left),
        top: Math.max(box.top, top),
        right: Math.min(box.right, left + parent.clientWidth),
        bottom: Math.min(box.bottom, top + parent.clientHeight),
      }
    }
    box.left = Math.max(box.left, 0)
    box.top = Math.max(box.top, 0)
    box.right = Math.min(box.right, view.innerWidth)
    box.bottom = Math.min(box.bottom, view.innerHeight)
    const whole =
      box.left === rect.left &&
      box.top === rect.top &&
      box.right === rect.right &&
      box.bottom === rect.bottom
    return { box, whole }
  }
  const centre = (element) => {
    // Scrolled only when part of it is hidden, as a learner would scroll. In the page frame the
    // frame itself may be partly hidden too: the least scrolling that shows the element.
    if (element.ownerDocument !== document) element.scrollIntoView({ block: 'nearest' })
    else if (!visibleBox(element).whole)
      element.scrollIntoView({ block: 'center', inline: 'nearest' })
    const middle = () => {
      const { box } = visibleBox(element)
      return {
        x: (box.left + Math.max(box.left, box.right)) / 2,
        y: (box.top + Math.max(box.top, box.bottom)) / 2,
      }
    }
    let { x, y } = middle()
    // A sticky bar inside the scrolling panel (its tab strip) can cover an element that its
    // scroll container shows whole: a learner would scroll it out from under the bar first.
    const hit = element.ownerDocument.elementFromPoint(x, y)
    if (hit && hit !== element && !element.contains(hit)) {
      element.scrollIntoView({ block: 'center', inline: 'nearest' })
      ;({ x, y } = middle())
    }
    const view = element.ownerDocument.defaultView
    let frameView = view
    while (frameView && frameView.frameElement) {
      const frame = frameView.frameElement
      const frameRect = frame.getBoundingClientRect()
      const style = getComputedStyle(frame)
      x += frameRect.left + frame.clientLeft + parseFloat(style.paddingLeft)
      y += frameRect.top + frame.clientTop + parseFloat(style.paddingTop)
      frameView = frame.ownerDocument.defaultView
    }
    return { x, y }
  }
  const describe = (element) => {
    if (!element) return 'nothing'
    const role = element.getAttribute?.('role') ?? element.nodeName.toLowerCase()
    const name = element.getAttribute?.('aria-label') ?? normalize(element.textContent).slice(0, 40)
    return `${role} “${name}”`
  }
  const activeElement = () => {
    let active = document.activeElement
    while (active && active.nodeName === 'IFRAME' && active.contentDocument?.activeElement)
      active = active.contentDocument.activeElement
    return active
  }
  return { findAll, isVisible, centre, describe, activeElement }
})()
