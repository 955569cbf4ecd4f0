// The boundary rule: shared/ runs in the browser and in Node alike, so it imports no Node
// builtin, no UI library and nothing outside the repository; the client and the server never
// import each other (they meet only in shared/).
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));
const UI_PACKAGES = new Set(['react', 'react-dom', 'react-konva', 'konva']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') out.push(...sourceFiles(path));
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(path);
    }
  }
  return out;
}

/** Every module specifier a file imports or re-exports, statically or dynamically. */
function specifiers(source: string, file: string): string[] {
  // readImportFiles and detectJavaScriptImports: also `import(...)` and `require(...)`.
  const found = ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
  if (found.length === 0 && /\bfrom\s+['"]/.test(source)) throw new Error(`no imports parsed from ${file}`);
  return found;
}

/** The package a bare specifier names: `@scope/name` or the first path segment. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

/** The repository-relative path a relative specifier points to ('..'-prefixed when outside). */
function target(file: string, specifier: string): string {
  return relative(ROOT, resolve(ROOT, dirname(file), specifier))
    .split(sep)
    .join('/');
}

function isOutside(path: string): boolean {
  return path === '..' || path.startsWith('../');
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

/** Why one import breaks the rule for the folder `file` is in, or null. `file` is repository-relative. */
function importProblem(file: string, specifier: string): string | null {
  const area = file.split('/')[0];
  if (area === 'shared') {
    if (specifier.startsWith('node:')) return `${file} imports the Node builtin ${specifier}`;
    if (specifier.startsWith('/') || /^[a-z]+:/i.test(specifier)) {
      return `${file} imports ${specifier}, outside the repository`;
    }
    if (isRelative(specifier)) {
      const to = target(file, specifier);
      if (isOutside(to)) return `${file} imports ${specifier}, outside the repository`;
      if (to.startsWith('client/') || to.startsWith('server/')) return `${file} imports ${to} from shared/`;
      return null;
    }
    const pkg = packageOf(specifier);
    if (NODE_BUILTINS.has(pkg)) return `${file} imports the Node builtin ${specifier}`;
    if (UI_PACKAGES.has(pkg)) return `${file} imports the UI library ${specifier}`;
    return null;
  }
  if ((area === 'client' || area === 'server') && isRelative(specifier)) {
    const other = area === 'client' ? 'server' : 'client';
    const to = target(file, specifier);
    if (to === other || to.startsWith(`${other}/`)) return `${file} imports ${to}: ${area} must not import ${other}`;
  }
  return null;
}

function problemsIn(file: string, source: string): string[] {
  return specifiers(source, file)
    .map((s) => importProblem(file, s))
    .filter((p): p is string => p !== null);
}

function scan(dir: string): { files: string[]; problems: string[] } {
  const files = sourceFiles(dir).map((f) => f.split(sep).join('/'));
  const problems = files.flatMap((file) => problemsIn(file, readFileSync(join(ROOT, file), 'utf8')));
  return { files, problems };
}

describe('the boundary rule', () => {
  it('keeps every file under shared/ free of Node builtins, UI libraries and imports from outside', () => {
    const { files, problems } = scan('shared');
    expect(files).toContain('shared/model/cards.ts');
    expect(files.length).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it('keeps the client from importing the server and the server from importing the client', () => {
    const client = scan('client');
    const server = scan('server');
    expect(client.files.length).toBeGreaterThan(0);
    expect(server.files.length).toBeGreaterThan(0);
    expect([...client.problems, ...server.problems]).toEqual([]);
  });
});

describe('the boundary checker', () => {
  it('catches Node builtins in shared/, with or without the node: prefix, in any import form', () => {
    const file = 'shared/model/example.ts';
    for (const source of [
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
      "import { createHash } from 'crypto';",
      "import * as http from 'http';",
      "export { promises } from 'fs';",
      "import { readFile } from 'fs/promises';",
      "import 'node:process';",
      "const os = await import('os');",
      "const fs = require('fs');",
      "import type { Socket } from 'net';",
      "import {\n  Worker,\n} from 'worker_threads';",
    ]) {
      expect(problemsIn(file, source), source).toHaveLength(1);
    }
  });

  it('catches react and konva in shared/', () => {
    for (const source of [
      "import { useState } from 'react';",
      "import { jsx } from 'react/jsx-runtime';",
      "import { createRoot } from 'react-dom/client';",
      "import Konva from 'konva';",
      "import { Stage } from 'react-konva';",
    ]) {
      expect(problemsIn('shared/plan/example.tsx', source), source).toHaveLength(1);
    }
  });

  it('catches relative imports that leave the repository or reach into client/ or server/', () => {
    expect(problemsIn('shared/model/a.ts', "import x from '../../../elsewhere/x.ts';")).toEqual([
      'shared/model/a.ts imports ../../../elsewhere/x.ts, outside the repository',
    ]);
    expect(problemsIn('shared/model/a.ts', "import x from '/usr/lib/x.js';")).toHaveLength(1);
    expect(problemsIn('shared/model/a.ts', "import { Room } from '../../server/rooms/room.ts';")).toHaveLength(1);
    expect(problemsIn('shared/model/a.ts', "import { x } from '../../client/app/x.ts';")).toHaveLength(1);
  });

  it('allows shared/ its own files and ordinary packages such as yjs', () => {
    const source = [
      "import * as Y from 'yjs';",
      "import { encoding } from 'lib0';",
      "import { newId } from './ids.ts';",
      "import type { Plan } from '../plan/planTypes.ts';",
    ].join('\n');
    expect(problemsIn('shared/model/a.ts', source)).toEqual([]);
  });

  it('catches client importing server and server importing client, and allows both to import shared/', () => {
    expect(problemsIn('client/app/a.ts', "import { Room } from '../../server/rooms/room.ts';")).toEqual([
      'client/app/a.ts imports server/rooms/room.ts: client must not import server',
    ]);
    expect(problemsIn('server/a.ts', "import { LOCAL_ORIGIN } from '../client/sync/origin.ts';")).toEqual([
      'server/a.ts imports client/sync/origin.ts: server must not import client',
    ]);
    expect(problemsIn('client/app/a.ts', "import { addCard } from '../../shared/model/index.ts';")).toEqual([]);
    expect(problemsIn('server/a.ts', "import { readFile } from 'node:fs/promises';")).toEqual([]);
  });
});
