/**
 * What a browser test points at, as data: a chain of query steps the page resolves itself (see
 * in-page-finder.js), so the same locator means the same element in every engine. The steps
 * follow Playwright's locators: by role and accessible name, by label, by text, by CSS.
 */
export type Pattern = string | { source: string; flags: string }

export type QueryStep =
  | { kind: 'css'; selector: string }
  | {
      kind: 'role'
      role: string
      name?: Pattern
      exact?: boolean
      level?: number
      selected?: boolean
      expanded?: boolean
    }
  | { kind: 'label'; text: Pattern; exact?: boolean }
  | { kind: 'text'; text: Pattern; exact?: boolean }
  | { kind: 'hasText'; text: Pattern }
  | { kind: 'frame' }
  | { kind: 'nth'; index: number }

function pattern(value: string | RegExp): Pattern {
  return typeof value === 'string' ? value : { source: value.source, flags: value.flags }
}

function describeStep(step: QueryStep): string {
  const shown = (value: Pattern | undefined) =>
    value === undefined ? '' : typeof value === 'string' ? `“${value}”` : `/${value.source}/`
  switch (step.kind) {
    case 'css':
      return step.selector
    case 'role':
      return `${step.role} ${shown(step.name)}`.trim()
    case 'label':
      return `field labelled ${shown(step.text)}`
    case 'text':
      return `text ${shown(step.text)}`
    case 'hasText':
      return `having ${shown(step.text)}`
    case 'frame':
      return 'the shown page'
    case 'nth':
      return step.index === -1 ? 'last' : `#${step.index}`
  }
}

export interface RoleOptions {
  exact?: boolean
  level?: number
  selected?: boolean
  expanded?: boolean
  checked?: boolean
}

export class Locator {
  readonly steps: readonly QueryStep[]

  constructor(steps: readonly QueryStep[] = []) {
    this.steps = steps
  }

  private then_(step: QueryStep): Locator {
    return new Locator([...this.steps, step])
  }

  css(selector: string): Locator {
    return this.then_({ kind: 'css', selector })
  }

  role(role: string, name?: string | RegExp, options: RoleOptions = {}): Locator {
    return this.then_({
      kind: 'role',
      role,
      ...(name === undefined ? {} : { name: pattern(name) }),
      ...options,
    })
  }

  label(text: string | RegExp, exact = false): Locator {
    return this.then_({ kind: 'label', text: pattern(text), exact })
  }

  text(text: string | RegExp, exact = false): Locator {
    return this.then_({ kind: 'text', text: pattern(text), exact })
  }

  /** Keeps the elements whose text contains `text`. */
  filter(text: string | RegExp): Locator {
    return this.then_({ kind: 'hasText', text: pattern(text) })
  }

  /** The document of the simulated browser's page frame within this element. */
  frame(): Locator {
    return this.then_({ kind: 'frame' })
  }

  nth(index: number): Locator {
    return this.then_({ kind: 'nth', index })
  }

  first(): Locator {
    return this.nth(0)
  }

  last(): Locator {
    return this.nth(-1)
  }

  toString(): string {
    return this.steps.map(describeStep).join(' › ') || 'the page'
  }
}

/** The root: the whole document of the app. */
export const page = new Locator()
