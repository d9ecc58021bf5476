/**
 * The lesson format. Every `.describe()` text here is the authoring reference: lessons/README.md
 * is checked against it, and `npm run lessons:check` reports problems by these field names.
 */
import { z } from 'zod'
import { PROFILE_NAMES } from '../shared/profile-names.ts'

export type { ProfileName } from '../shared/profile-names.ts'

const profile = z
  .enum(PROFILE_NAMES)
  .describe('A simulated browser profile: Alice, Bob or Attacker.')
const sitePath = z
  .string()
  .regex(/^\//, 'must start with /')
  .describe('A path on the lesson server, with its query if any: `/login`, `/search?q=x`.')
const cookieName = z.string().min(1).describe('A cookie name, e.g. `connect.sid`.')
const duration = z
  .union([
    z.number().int().positive(),
    z.string().regex(/^\d+(ms|s|m|h|d)$/, 'use a number with ms, s, m, h or d: 61s, 15m, 2h, 1d'),
  ])
  .describe('An amount of virtual time: milliseconds as a number, or `90s`, `15m`, `2h`, `1d`.')

/** Things the playground can do for the learner ("do it for me") and for lint-replay, by kind. */
export const ACTION_KINDS = {
  visit: z
    .object({ profile, path: sitePath })
    .strict()
    .describe("Navigate the profile's browser tab to the path (a GET, following redirects)."),
  submit: z
    .object({
      profile,
      path: sitePath.describe("The form's action."),
      method: z.enum(['GET', 'POST']).default('POST').describe("The form's method. Default POST."),
      fields: z
        .record(z.string(), z.string())
        .default({})
        .describe('The form fields, sent urlencoded.'),
    })
    .strict()
    .describe('Submit a form as the profile: the request a real form submission sends.'),
  advanceClock: duration.describe('Move virtual time forward by this much.'),
  restartServer: z.literal(true).describe('Restart the server; a MemoryStore loses every session.'),
  copyCookie: z
    .object({ from: profile, to: profile, name: cookieName })
    .strict()
    .describe("Copy a cookie from one profile's jar to another's, as a thief would."),
  setCookie: z
    .object({
      profile,
      name: cookieName,
      value: z.string().describe('The raw (wire) value.'),
      path: sitePath.default('/'),
    })
    .strict()
    .describe("Put a cookie in a profile's jar directly, e.g. an id planted by an attacker."),
  deleteCookie: z
    .object({ profile, name: cookieName })
    .strict()
    .describe('Remove a cookie from a jar.'),
  closeBrowser: z
    .object({ profile })
    .strict()
    .describe(
      "Close the profile's browser: its session cookies (no expiry) end, persistent ones stay, and it reopens on a blank tab.",
    ),
  tamperCookie: z
    .object({
      profile,
      name: cookieName,
      how: z
        .enum(['flip-signature', 'change-id', 'drop-prefix', 'resign'])
        .describe(
          'flip-signature changes one character of the signature; change-id swaps the id and keeps the old signature; drop-prefix removes `s:`; resign signs the id again with `secret`.',
        ),
      id: z.string().optional().describe('The new id, for change-id.'),
      secret: z.string().optional().describe('The secret, for resign.'),
    })
    .strict()
    .describe('Tamper with a signed session cookie in a jar.'),
  browser: z
    .object({
      profile,
      https: z.boolean().optional().describe('Use https:// instead of http://.'),
      behindProxy: z
        .boolean()
        .optional()
        .describe('Go through a TLS-terminating proxy that adds X-Forwarded-Proto.'),
      crossSite: z.boolean().optional().describe('Requests come from a page on another site.'),
    })
    .strict()
    .describe("Change a profile's browser settings."),
  store: z
    .enum(['connect', 'disconnect'])
    .describe('Make the session store emit connect or disconnect.'),
  editCode: z
    .object({
      replace: z
        .string()
        .min(1)
        .describe('Text in server.js to replace (must occur exactly once).'),
      with: z.string().describe('The replacement.'),
    })
    .strict()
    .describe('Change server.js and run it: the fix a step asks the learner to make.'),
} as const

export type ActionKind = keyof typeof ACTION_KINDS

/** `{ visit: … } | { submit: … } | …`: exactly one kind key per entry, plus the shared extras. */
type OneOfKinds<Kinds extends Record<string, z.ZodType>, Extras> = {
  [Kind in keyof Kinds]: { [Key in Kind]: z.output<Kinds[Kind]> } & Extras
}[keyof Kinds]

function oneOf<
  Kinds extends Record<string, z.ZodType>,
  Extras extends z.ZodRawShape = Record<never, never>,
>(kinds: Kinds, extras?: Extras): z.ZodType<OneOfKinds<Kinds, z.output<z.ZodObject<Extras>>>> {
  const [first, ...rest] = Object.entries(kinds).map(([kind, schema]) =>
    z.object({ [kind]: schema, ...extras }).strict(),
  )
  if (!first) throw new Error('oneOf needs at least one kind')
  return z.union([first, ...rest]) as unknown as z.ZodType<
    OneOfKinds<Kinds, z.output<z.ZodObject<Extras>>>
  >
}

export const actionSchema = oneOf(ACTION_KINDS)

const hint = z
  .string()
  .min(1)
  .optional()
  .describe('Shown when the check fails and the learner asks for a hint.')
const label = z
  .string()
  .min(1)
  .optional()
  .describe('What the check list shows; a sensible default is generated.')

/** Checks over observable state, by kind. Each check may also carry `hint` and `label`. */
export const CHECK_KINDS = {
  jar: z
    .object({
      profile,
      cookie: cookieName,
      present: z
        .boolean()
        .default(true)
        .describe('Whether the cookie must be in the jar. Default true.'),
      httpOnly: z.boolean().optional(),
      secure: z.boolean().optional(),
      sameSite: z
        .enum(['Strict', 'Lax', 'None', 'unset'])
        .optional()
        .describe('`unset` means no SameSite attribute.'),
      persistent: z.boolean().optional().describe('true: has an expiry; false: a session cookie.'),
    })
    .strict()
    .describe("A profile's cookie jar has (or lacks) a cookie, with these attributes."),
  store: z
    .object({
      sessions: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe('Exactly this many stored sessions (expired ones still stored count).'),
      atLeast: z.number().int().min(0).optional().describe('At least this many stored sessions.'),
      withData: z
        .object({
          path: z
            .string()
            .min(1)
            .describe('A dot path into the session data, e.g. `user` or `cart.items`.'),
          equals: z
            .unknown()
            .optional()
            .describe(
              'The value it must equal (JSON comparison); omit to require only that it exists.',
            ),
        })
        .strict()
        .optional()
        .describe('Some stored session has data at this path.'),
      withoutData: z
        .string()
        .min(1)
        .optional()
        .describe('No stored session has data at this dot path.'),
    })
    .strict()
    .describe('What the session store holds.'),
  response: z
    .object({
      profile: profile
        .optional()
        .describe('Whose last response; default: the last response of any profile.'),
      path: sitePath.optional().describe('Only responses to this path count.'),
      status: z.number().int().min(100).max(599).optional(),
      setCookie: z
        .enum(['present', 'absent'])
        .optional()
        .describe('Whether the response carried a Set-Cookie for the session cookie.'),
      header: z
        .object({
          name: z.string().min(1),
          equals: z.string().optional(),
          includes: z.string().optional(),
          present: z.boolean().optional(),
        })
        .strict()
        .optional()
        .describe('A response header and what it must say.'),
      bodyIncludes: z.string().optional().describe('Text the response body must contain.'),
    })
    .strict()
    .describe('The last response (of a profile, to a path) looks like this.'),
  explanation: z
    .object({
      code: z
        .string()
        .min(1)
        .describe('An explanation code (see mocks/server/explain/explanation-catalogue.ts).'),
      profile: profile
        .optional()
        .describe("Look at this profile's last request; default: the last request."),
      path: sitePath
        .optional()
        .describe('Only requests to this path count, e.g. the POST /login before its redirect.'),
      present: z.boolean().default(true),
    })
    .strict()
    .describe('express-session took this decision on the last request.'),
  sessionId: z
    .object({
      profile,
      changed: z
        .boolean()
        .describe(
          "Whether the session id in the profile's cookie must differ from the one it had when the step began.",
        ),
    })
    .strict()
    .describe("The session id in a profile's cookie changed, or stayed, during this step."),
  console: z
    .object({ includes: z.string().min(1) })
    .strict()
    .describe('The server console printed a line containing this text.'),
  page: z
    .object({ profile, includes: z.string().min(1) })
    .strict()
    .describe("The page shown in the profile's browser contains this text."),
} as const

export type CheckKind = keyof typeof CHECK_KINDS

export const CHECK_EXTRAS = { hint, label } as const

export const checkSchema = oneOf(CHECK_KINDS, CHECK_EXTRAS)

export const stepSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and dashes')
      .describe('A short id, unique in the lesson; used in deep links.'),
    title: z.string().min(1).describe("The step's title."),
    instructions: z.string().min(1).describe('What the learner does, in Markdown.'),
    do: z
      .array(actionSchema)
      .default([])
      .describe('What "do it for me" performs; also the reference walkthrough lint-replay runs.'),
    checks: z
      .array(checkSchema)
      .min(1, 'a step needs at least one check')
      .describe('Checks over observable state; the step is done when all pass.'),
  })
  .strict()

export const lessonFrontmatterSchema = z
  .object({
    title: z.string().min(1).describe('The lesson title.'),
    summary: z.string().min(1).describe('One sentence for the lesson list.'),
    editable: z
      .union([
        z.boolean(),
        z
          .object({
            from: z
              .string()
              .min(1)
              .describe('Text on the line just before the editable lines, e.g. `// ▼ edit below`.'),
            to: z
              .string()
              .min(1)
              .describe('Text on the line just after the editable lines, e.g. `// ▲`.'),
          })
          .strict(),
      ])
      .default(true)
      .describe(
        'What of server.js the learner may edit and run: `true` (all of it, the default), `false` (none: it is shown read-only), or `{ from, to }`: only the lines between the line holding `from` and the next line holding `to` (marker comments in server.js). Code edits of the steps must stay inside.',
      ),
    instances: z
      .number()
      .int()
      .min(1)
      .max(3)
      .default(1)
      .describe(
        'How many copies of server.js run behind a round-robin load balancer (sharing the clock and the simulated Redis). Default 1.',
      ),
    steps: z
      .array(stepSchema)
      .min(1, 'a lesson needs at least one step')
      .describe('The ordered steps.'),
  })
  .strict()

export type LessonAction = z.infer<typeof actionSchema>
export type LessonCheck = z.infer<typeof checkSchema>
export type LessonStep = z.infer<typeof stepSchema>
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>
