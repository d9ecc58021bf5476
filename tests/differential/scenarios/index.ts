/** Every differential scenario, grouped by theme (one file per theme). */
import type { Scenario } from '../support/scenario'
import { badInputScenarios } from './bad-input'
import { connectionScenarios } from './connection'
import { expiryAndRestartScenarios } from './expiry-and-restart'
import { expressBehaviourScenarios } from './express-behaviour'
import { loginScenarios } from './login'
import { optionTypeScenarios } from './option-types'
import { processAndEnvironmentScenarios } from './process-and-environment'
import { responseDetailScenarios } from './response-details'
import { secureAndProxyScenarios } from './secure-and-proxy'
import { sessionMethodScenarios } from './session-methods'
import { sessionOptionScenarios } from './session-options'
import { signedCookieScenarios } from './signed-cookies'
import { storeErrorScenarios } from './store-errors'
import { syntaxErrorScenarios } from './syntax-errors'
import { visitCounterScenarios } from './visit-counter'

export const scenarios: readonly Scenario[] = [
  ...visitCounterScenarios,
  ...loginScenarios,
  ...secureAndProxyScenarios,
  ...signedCookieScenarios,
  ...sessionOptionScenarios,
  ...optionTypeScenarios,
  ...sessionMethodScenarios,
  ...expiryAndRestartScenarios,
  ...storeErrorScenarios,
  ...badInputScenarios,
  ...expressBehaviourScenarios,
  ...responseDetailScenarios,
  ...processAndEnvironmentScenarios,
  ...syntaxErrorScenarios,
  ...connectionScenarios,
]
