import { useState } from 'react'
import { ArticleList } from './components/ArticleList'
import { ReaderPane } from './components/ReaderPane'
import { Sidebar } from './components/Sidebar'
import { useLibrary } from './useLibrary'
import { views } from './views'
import type { View } from './views'

export function App(): React.JSX.Element {
  const [view, setView] = useState<View>(views[0])
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const { stats, articles } = useLibrary(view)

  return (
    <div className="app">
      <Sidebar
        views={views}
        current={view}
        stats={stats.status === 'ready' ? stats.value : null}
        onSelect={(next) => {
          setView(next)
          setSelectedId(null)
        }}
      />
      <ArticleList
        view={view}
        articles={articles}
        selectedId={selectedId}
        onSelect={setSelectedId}
      />
      <ReaderPane articleId={selectedId} />
    </div>
  )
}
