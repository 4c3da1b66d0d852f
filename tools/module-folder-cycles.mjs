/**
 * Fails when the business-area folders import each other in a circle (src/modules/a → b → a),
 * which dependency-cruiser's `no-circular` does not see: it finds cycles between files only, and
 * its folder-scoped rules count each sub-folder (dto/, admin/) as a folder of its own, so a cycle
 * that passes through one is missed. Here every file under src/modules/<area>/ counts as that
 * area; any other file stays itself. Run by `npm run lint` on dependency-cruiser's JSON output:
 *
 *   depcruise src --config .dependency-cruiser.cjs --output-type json | node tools/module-folder-cycles.mjs
 */
import { readFileSync } from 'node:fs';

const AREA = /^src\/modules\/[^/]+/;

/** The node a file belongs to: its area folder, or the file itself. */
const nodeOf = (path) => AREA.exec(path)?.[0] ?? path;

/** Area-level edges (a node to the nodes it imports), self-imports left out. */
function collapse(modules) {
  const edges = new Map();
  for (const module of modules) {
    const from = nodeOf(module.source);
    if (!edges.has(from)) edges.set(from, new Set());
    for (const dependency of module.dependencies) {
      if (dependency.coreModule || dependency.couldNotResolve) continue;
      if (!dependency.resolved.startsWith('src/')) continue;
      const to = nodeOf(dependency.resolved);
      if (to !== from) edges.get(from).add(to);
    }
  }
  return edges;
}

/** Tarjan's strongly connected components: each one of two or more nodes is a cycle. */
function cycles(edges) {
  let index = 0;
  const indices = new Map();
  const lowLinks = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    indices.set(node, index);
    lowLinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowLinks.set(node, Math.min(lowLinks.get(node), lowLinks.get(next)));
      } else if (onStack.has(next)) {
        lowLinks.set(node, Math.min(lowLinks.get(node), indices.get(next)));
      }
    }
    if (lowLinks.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...edges.keys()].sort()) if (!indices.has(node)) visit(node);
  return found;
}

/** The files behind each area-level edge inside a cycle, so the reader knows what to move. */
function witnesses(modules, component) {
  const members = new Set(component);
  const lines = [];
  for (const module of modules) {
    const from = nodeOf(module.source);
    if (!members.has(from)) continue;
    for (const dependency of module.dependencies) {
      const to = nodeOf(dependency.resolved);
      if (to !== from && members.has(to))
        lines.push(`    ${module.source} → ${dependency.resolved}`);
    }
  }
  return lines;
}

const input = readFileSync(process.argv[2] ?? 0, 'utf8');
const { modules } = JSON.parse(input);
if (!Array.isArray(modules) || modules.length === 0) {
  console.error('module-folder-cycles: no modules in the input (did depcruise fail?)');
  process.exit(2);
}
const found = cycles(collapse(modules));
if (found.length === 0) {
  console.log(`✔ no cycles between module folders (${modules.length} files)`);
} else {
  for (const component of found) {
    console.error(`✘ module folders import each other in a circle: ${component.join(' ↔ ')}`);
    console.error(witnesses(modules, component).join('\n'));
  }
  console.error(
    '\n模块目录之间不得循环依赖 / module folders must import each other in one direction only',
  );
  process.exit(1);
}
