/**
 * Compares two V8 heap snapshots of one process by constructor: object count, self size and
 * retained size (dominator tree, weak edges ignored, as DevTools does), largest growth first.
 *
 *   node --max-old-space-size=6000 -r @swc-node/register test/bench/load/heap-diff.ts \
 *     early.heapsnapshot late.heapsnapshot [--top 30] [--retainers Constructor]
 *
 * The snapshots come from `LOAD_HEAP_SNAPSHOTS=300,1140 npm run bench:load` (see load.bench.ts).
 * --retainers prints, in the later snapshot, which constructors hold the given one (by edge).
 */
import { readFileSync } from 'node:fs';

interface RawSnapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
    node_count: number;
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface ConstructorStats {
  count: number;
  selfSize: number;
  retainedSize: number;
}

interface Heap {
  nodeCount: number;
  /** Constructor-like label of each node: the class name for objects, "(type)" for the rest. */
  label: string[];
  selfSize: Float64Array;
  /** CSR of strong edges: targets of node i are to[firstEdge[i] .. firstEdge[i + 1]). */
  firstEdge: Uint32Array;
  to: Uint32Array;
}

function readHeap(path: string): Heap {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as RawSnapshot;
  const { meta } = raw.snapshot;
  const nodeFields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map(
    (f) => meta.node_fields.indexOf(f),
  );
  const [edgeTypeAt, toAt] = ['type', 'to_node'].map((f) => meta.edge_fields.indexOf(f));
  const weak = edgeTypes.indexOf('weak');
  const nodeCount = raw.nodes.length / nodeFields;
  const label = new Array<string>(nodeCount);
  const selfSize = new Float64Array(nodeCount);
  const firstEdge = new Uint32Array(nodeCount + 1);
  const to: number[] = [];
  let edge = 0;
  for (let n = 0; n < nodeCount; n++) {
    const base = n * nodeFields;
    const type = nodeTypes[raw.nodes[base + typeAt]];
    const name = raw.strings[raw.nodes[base + nameAt]];
    label[n] = type === 'object' || type === 'native' ? name : `(${type})`;
    selfSize[n] = raw.nodes[base + sizeAt];
    firstEdge[n] = to.length;
    for (let e = 0; e < raw.nodes[base + edgeCountAt]; e++, edge += edgeFields) {
      if (raw.edges[edge + edgeTypeAt] === weak) continue;
      to.push(raw.edges[edge + toAt] / nodeFields);
    }
  }
  firstEdge[nodeCount] = to.length;
  return { nodeCount, label, selfSize, firstEdge, to: Uint32Array.from(to) };
}

/**
 * Immediate dominators from node 0 (the synthetic root), Cooper–Harvey–Kennedy: iterate over
 * reverse postorder intersecting the predecessors' dominators until nothing changes.
 */
function dominators(heap: Heap): { idom: Int32Array; postorder: Uint32Array } {
  const { nodeCount, firstEdge, to } = heap;
  const order = new Int32Array(nodeCount).fill(-1); // postorder index
  const postorder = new Uint32Array(nodeCount);
  let visited = 0;
  const stack = new Uint32Array(nodeCount);
  const cursor = new Uint32Array(nodeCount);
  const seen = new Uint8Array(nodeCount);
  let top = 0;
  stack[top++] = 0;
  seen[0] = 1;
  cursor[0] = firstEdge[0];
  while (top > 0) {
    const n = stack[top - 1];
    if (cursor[n] < firstEdge[n + 1]) {
      const m = to[cursor[n]++];
      if (!seen[m]) {
        seen[m] = 1;
        cursor[m] = firstEdge[m];
        stack[top++] = m;
      }
    } else {
      top--;
      order[n] = visited;
      postorder[visited++] = n;
    }
  }
  // Predecessors (reachable ones only), CSR.
  const predCount = new Uint32Array(nodeCount + 1);
  for (let n = 0; n < nodeCount; n++) {
    if (order[n] < 0) continue;
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e++) predCount[to[e] + 1]++;
  }
  for (let n = 0; n < nodeCount; n++) predCount[n + 1] += predCount[n];
  const pred = new Uint32Array(predCount[nodeCount]);
  const fill = predCount.slice(0, nodeCount);
  for (let n = 0; n < nodeCount; n++) {
    if (order[n] < 0) continue;
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e++) pred[fill[to[e]]++] = n;
  }
  const idom = new Int32Array(nodeCount).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while (order[a] < order[b]) a = idom[a];
      while (order[b] < order[a]) b = idom[b];
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let i = visited - 2; i >= 0; i--) {
      const n = postorder[i];
      let dom = -1;
      for (let p = predCount[n]; p < predCount[n + 1]; p++) {
        const q = pred[p];
        if (idom[q] < 0) continue;
        dom = dom < 0 ? q : intersect(q, dom);
      }
      if (dom >= 0 && idom[n] !== dom) {
        idom[n] = dom;
        changed = true;
      }
    }
  }
  return { idom, postorder: postorder.subarray(0, visited) };
}

/** Count, self size and retained size per constructor (retained: of the outermost instances only). */
export function statsByConstructor(heap: Heap): Map<string, ConstructorStats> {
  const { idom, postorder } = dominators(heap);
  const retained = Float64Array.from(heap.selfSize);
  for (const n of postorder) if (n !== 0) retained[idom[n]] += retained[n];
  const stats = new Map<string, ConstructorStats>();
  for (const n of postorder) {
    const label = heap.label[n];
    const s = stats.get(label) ?? { count: 0, selfSize: 0, retainedSize: 0 };
    s.count++;
    s.selfSize += heap.selfSize[n];
    // An instance dominated by another of its kind is already inside that one's retained size.
    let d = idom[n];
    while (d !== 0 && heap.label[d] !== label) d = idom[d];
    if (d === 0) s.retainedSize += retained[n];
    stats.set(label, s);
  }
  return stats;
}

/** Which constructors hold instances of `label` by a strong edge, by count of such edges. */
function retainersOf(heap: Heap, label: string): [string, number][] {
  const holders = new Map<string, number>();
  for (let n = 0; n < heap.nodeCount; n++) {
    for (let e = heap.firstEdge[n]; e < heap.firstEdge[n + 1]; e++) {
      if (heap.label[heap.to[e]] !== label) continue;
      holders.set(heap.label[n], (holders.get(heap.label[n]) ?? 0) + 1);
    }
  }
  return [...holders].sort((a, b) => b[1] - a[1]).slice(0, 15);
}

function main(): void {
  const [earlyPath, latePath] = process.argv.slice(2).filter((a) => a.endsWith('.heapsnapshot'));
  const option = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i < 0 ? undefined : process.argv[i + 1];
  };
  const top = Number(option('top') ?? 30);
  const lateHeap = readHeap(latePath);
  const late = statsByConstructor(lateHeap);
  const early = statsByConstructor(readHeap(earlyPath));
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(2);
  const total = (s: Map<string, ConstructorStats>) =>
    [...s.values()].reduce((sum, c) => sum + c.selfSize, 0);
  console.log(
    `heap: ${mb(total(early))} MB → ${mb(total(late))} MB (self sizes of reachable nodes)`,
  );
  const rows = [...new Set([...early.keys(), ...late.keys()])].map((label) => {
    const a = early.get(label) ?? { count: 0, selfSize: 0, retainedSize: 0 };
    const b = late.get(label) ?? { count: 0, selfSize: 0, retainedSize: 0 };
    return {
      label,
      a,
      b,
      grew: b.retainedSize - a.retainedSize,
      grewSelf: b.selfSize - a.selfSize,
    };
  });
  for (const [title, key] of [
    ['retained size', 'grew'],
    ['self size', 'grewSelf'],
  ] as const) {
    console.log(`\nlargest growth by ${title}:`);
    console.log(
      `${'constructor'.padEnd(48)} ${'count'.padStart(17)} ${'self MB'.padStart(17)} ${'retained MB'.padStart(19)}`,
    );
    for (const r of [...rows].sort((x, y) => y[key] - x[key]).slice(0, top)) {
      console.log(
        `${r.label.slice(0, 48).padEnd(48)} ${`${r.a.count}→${r.b.count}`.padStart(17)} ${`${mb(r.a.selfSize)}→${mb(r.b.selfSize)}`.padStart(17)} ${`${mb(r.a.retainedSize)}→${mb(r.b.retainedSize)}`.padStart(19)}`,
      );
    }
  }
  const held = option('retainers');
  if (held) {
    console.log(`\nholders of ${held} in the later snapshot (strong edges):`);
    for (const [label, n] of retainersOf(lateHeap, held))
      console.log(`  ${String(n).padStart(8)}  ${label}`);
  }
}

if (require.main === module) main();
