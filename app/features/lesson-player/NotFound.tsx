import { useId, type ReactNode } from 'react'
import { formatRoute } from '../../routing/route'

/** A link to a lesson or step that does not exist: say so, and offer the way back. */
export function NotFound({ title, children }: { title: string; children?: ReactNode }) {
  const id = useId()
  return (
    <section className="lp-not-found" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
      <p>
        <a href={formatRoute({ name: 'lessons' })}>See all lessons</a>
      </p>
    </section>
  )
}
