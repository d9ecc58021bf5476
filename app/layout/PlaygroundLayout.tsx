import type { ReactNode } from 'react'

export interface LayoutPanel {
  id: string
  title: string
  content: ReactNode
}

/** Placeholder layout: a grid. The playground issue makes panels resizable, and tabs on phones. */
export function PlaygroundLayout({
  header,
  toolbar,
  panels,
}: {
  header: ReactNode
  toolbar: ReactNode
  panels: LayoutPanel[]
}) {
  return (
    <div className="app">
      <header className="app-header">
        {header}
        {toolbar}
      </header>
      <main className="app-main">
        {panels.map((panel) => (
          <div key={panel.id} className="panel-slot">
            {panel.content}
          </div>
        ))}
      </main>
    </div>
  )
}
