/**
 * The simulated browser, drawn like a small Chrome: a tab strip (each tab belongs to a profile,
 * and tabs of one profile share its cookie jar), a toolbar with the address bar, the profile's
 * connection switches, and the page. Server HTML renders in a sandboxed frame without scripts;
 * its links and forms are caught and replayed through the simulated browser.
 */
import { useState } from 'react'
import { usePlayground } from '../../playground/playground-context'
import { usePlaygroundState, readPlaygroundState } from '../../state/use-playground-state'
import type { TabState } from '../../state/browsers-slice'
import { type NavigationRequest, type PageView, siteUrl } from '../../../mocks/client'
import { BrowserTabs, BROWSER_WINDOW_ID, tabElementId } from './BrowserTabs'
import { BrowserToolbar } from './BrowserToolbar'
import { ConnectionSettings } from './ConnectionSettings'
import { PageArea } from './PageArea'
import {
  resolveFormNavigation,
  resolveLinkNavigation,
  type Disposition,
  type PageNavigation,
} from './page-navigation'
import { statusLine } from './status-text'
import { bodyCutNotice } from '../../shared/body-cut'
import './browser-view.css'

export function BrowserView() {
  const tabs = usePlaygroundState((state) => state.tabs)
  const activeTabId = usePlaygroundState((state) => state.activeTabId)
  const [focusAddressOf, setFocusAddressOf] = useState<number>()
  const active = tabs.find((tab) => tab.id === activeTabId) ?? tabs[0]
  // Only a tab just opened with "+" takes the focus, and only that once.
  if (focusAddressOf !== undefined && focusAddressOf !== active?.id) setFocusAddressOf(undefined)
  return (
    <section aria-labelledby="browser-view-heading" className="panel browser-view">
      <h2 id="browser-view-heading">Browser</h2>
      {active && (
        <>
          <BrowserTabs tabs={tabs} activeTabId={active.id} onOpened={setFocusAddressOf} />
          <BrowserWindow key={active.id} tab={active} autoFocus={focusAddressOf === active.id} />
        </>
      )}
    </section>
  )
}

function BrowserWindow({ tab, autoFocus }: { tab: TabState; autoFocus: boolean }) {
  const playground = usePlayground()
  // Where this tab is going while its request is answered: the address bar says so at once,
  // until a page arrives (the redraw that shows the page shows its URL).
  const [pending, setPending] = useState<{ url: string; over: PageView | undefined }>()
  const [notice, setNotice] = useState<string>()
  const pendingUrl = pending && pending.over === tab.page ? pending.url : undefined
  const shownUrl = pendingUrl ?? tab.page?.url ?? tab.history[tab.historyIndex] ?? ''

  function navigate(request: NavigationRequest) {
    setNotice(undefined)
    const going = { url: request.url, over: tab.page }
    setPending(going)
    void playground
      .navigate(tab.id, request)
      .finally(() => setPending((current) => (current === going ? undefined : current)))
  }

  function follow(
    navigation: PageNavigation,
    disposition: Disposition,
    document: Document | undefined,
  ) {
    if (navigation.kind === 'blocked') setNotice(navigation.message)
    else if (navigation.kind === 'stay') {
      if (navigation.fragment) document?.getElementById(navigation.fragment)?.scrollIntoView()
    } else if (disposition === 'here') navigate(navigation.request)
    // A new tab of the same profile, in front as Chrome opens a target=_blank link: it shares
    // the profile's jar, as a real browser's tabs share their cookies.
    else void playground.navigate(playground.openTab(tab.profile), navigation.request)
  }

  /** Read at click time: the learner may have switched the profile to https meanwhile. */
  function currentScheme() {
    return readPlaygroundState().profiles[tab.profile].settings.scheme
  }

  const page = tab.page
  return (
    <div
      id={BROWSER_WINDOW_ID}
      role="tabpanel"
      aria-labelledby={tabElementId(tab.id)}
      className="bv-window"
      data-profile={tab.profile}
    >
      <BrowserToolbar
        tab={tab}
        shownUrl={shownUrl}
        autoFocus={autoFocus}
        onNavigate={(url) => navigate({ url })}
        onProblem={setNotice}
      />
      <ConnectionSettings profile={tab.profile} />
      {notice && (
        <p className="bv-notice" role="alert">
          {notice}
        </p>
      )}
      {page && page.kind !== 'error' && page.status !== undefined && (
        <p className="bv-status" data-status-class={Math.floor(page.status / 100)}>
          <span className="bv-status-code">{statusLine(page.status)}</span>
          {page.contentType && <span className="bv-status-type">{page.contentType}</span>}
          {page.bodyBytes !== undefined && (
            <span className="bv-status-cut">{bodyCutNotice(page.bodyBytes)}</span>
          )}
        </p>
      )}
      <PageArea
        page={page}
        loading={tab.loading}
        onStart={() => navigate({ url: siteUrl('/', { scheme: currentScheme() }) })}
        handlers={{
          link: (href, document, disposition) =>
            page &&
            follow(resolveLinkNavigation(href, page.url, currentScheme()), disposition, document),
          form: (submission, disposition) =>
            page &&
            follow(
              resolveFormNavigation(submission, page.url, currentScheme()),
              disposition,
              undefined,
            ),
        }}
      />
    </div>
  )
}
