/**
 * The manifest's git commit, read from .git without spawning git, agrees with what `git rev-parse
 * HEAD` and `git status --porcelain --untracked-files=no` say, in the states a checkout goes through.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readGitCommit } from '../src/io/git';
import { tmpDir } from './helpers/tmp';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** What git itself says, in the form the manifest records. */
function gitSays(cwd: string): string {
  const head = git(cwd, 'rev-parse', 'HEAD');
  return git(cwd, 'status', '--porcelain', '--untracked-files=no') ? `${head}-dirty` : head;
}

function repo(): string {
  const dir = tmpDir('git');
  git(dir, 'init', '-q');
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src', 'a.ts'), 'export const a = 1;\n');
  fs.writeFileSync(path.join(dir, 'run.sh'), '#!/bin/sh\n');
  fs.symlinkSync('src/a.ts', path.join(dir, 'link'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'one');
  return dir;
}

describe('readGitCommit', () => {
  it('agrees with git through edits, staging, commits, deletions and mode changes', () => {
    const dir = repo();
    const states: string[] = [];
    const check = (what: string) => {
      const mine = readGitCommit(dir);
      assert.equal(mine, gitSays(dir), what);
      states.push(mine!.endsWith('-dirty') ? 'dirty' : 'clean');
    };
    check('fresh commit');
    fs.writeFileSync(path.join(dir, 'src', 'a.ts'), 'export const a = 2;\n');
    check('edited, same size');
    git(dir, 'add', 'src/a.ts');
    check('staged');
    git(dir, 'commit', '-qm', 'two');
    check('committed');
    fs.writeFileSync(path.join(dir, 'untracked.txt'), 'x');
    check('untracked file only');
    fs.chmodSync(path.join(dir, 'run.sh'), 0o755);
    check('mode change');
    git(dir, 'commit', '-qam', 'three');
    check('committed');
    fs.rmSync(path.join(dir, 'link'));
    check('deleted symlink');
    git(dir, 'checkout', '-q', '--', 'link');
    check('restored');
    fs.writeFileSync(path.join(dir, 'src', 'a.ts'), 'export const a = 3;\n');
    git(dir, 'add', 'src/a.ts');
    fs.writeFileSync(path.join(dir, 'src', 'a.ts'), 'export const a = 3;\n');
    git(dir, 'stash', '-q');
    check('after stash');
    assert.deepEqual(states, ['clean', 'dirty', 'dirty', 'clean', 'clean', 'dirty', 'clean', 'dirty', 'clean', 'clean']);
  });

  it('reads packed refs and packed objects, detached heads and index version 4', () => {
    const dir = repo();
    git(dir, 'gc', '-q', '--aggressive');
    assert.ok(!fs.existsSync(path.join(dir, '.git', 'refs', 'heads', 'main')), 'the branch is now in packed-refs');
    assert.equal(readGitCommit(dir), gitSays(dir));
    git(dir, 'update-index', '--index-version', '4');
    assert.equal(readGitCommit(dir), gitSays(dir));
    git(dir, 'checkout', '-q', '--detach');
    fs.appendFileSync(path.join(dir, 'src', 'a.ts'), '// more\n');
    assert.equal(readGitCommit(dir), gitSays(dir));
    assert.match(readGitCommit(dir)!, /^[0-9a-f]{40}-dirty$/);
  });

  it('follows a worktree\'s .git file to its own HEAD and index', () => {
    const dir = repo();
    const wt = path.join(tmpDir('git-wt'), 'wt');
    git(dir, 'worktree', 'add', '-q', '-b', 'side', wt);
    fs.writeFileSync(path.join(wt, 'src', 'b.ts'), 'export const b = 1;\n');
    git(wt, 'add', 'src/b.ts');
    git(wt, 'commit', '-qm', 'side');
    assert.equal(readGitCommit(wt), gitSays(wt));
    assert.notEqual(readGitCommit(wt), readGitCommit(dir));
    fs.writeFileSync(path.join(wt, 'src', 'b.ts'), 'export const b = 22;\n');
    assert.equal(readGitCommit(wt), gitSays(wt));
    assert.equal(readGitCommit(dir), gitSays(dir), 'the main checkout stays clean');
  });

  it('is undefined outside a checkout', () => {
    assert.equal(readGitCommit(tmpDir('not-git')), undefined);
  });
});
