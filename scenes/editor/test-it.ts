import type { CircuitDoc, Circuit } from '../../src/circuits/types';
import { h } from './dom';

export interface TestRequest {
  runId: number;
  doc: CircuitDoc;
}

export type TestMessage =
  | { runId: number; type: 'start'; index: number; name: string; total: number }
  | { runId: number; type: 'result'; index: number; name: string; pass: boolean; wallMs: number; detail: string }
  | { runId: number; type: 'error'; message: string }
  | { runId: number; type: 'done' };

export interface TestResult {
  name: string;
  state: 'waiting' | 'running' | 'pass' | 'fail';
  detail: string;
  wallMs: number;
}

/**
 * "Test it": runs the reflex scenarios (reflexes.ts) on the current circuit in
 * a Web Worker, so the editor and the live worm keep running, and shows a
 * pass/fail list that fills in as each scenario finishes.
 */
export class TestRunner {
  private worker: Worker | null = null;
  private runId = 0;
  private list: TestResult[] = [];
  private box: HTMLDivElement | null = null;
  private table: HTMLTableElement | null = null;
  private summary: HTMLDivElement | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly circuit: () => Circuit,
    private readonly status: (text: string) => void,
  ) {}

  results(): TestResult[] {
    return this.list.map((r) => ({ ...r }));
  }

  run(): void {
    this.worker?.terminate();
    this.worker = new Worker(new URL('./test-it.worker.ts', import.meta.url), { type: 'module' });
    const runId = ++this.runId;
    this.list = [];
    this.show();
    this.worker.onmessage = (e: MessageEvent<TestMessage>) => this.onMessage(e.data, runId);
    this.worker.onerror = (e) => {
      this.fail(`the test worker failed: ${e.message}`);
    };
    const req: TestRequest = { runId, doc: this.circuit().doc };
    this.worker.postMessage(req);
    this.status('Testing the circuit against the reflex scenarios…');
  }

  private onMessage(m: TestMessage, runId: number): void {
    if (m.runId !== runId) return;
    if (m.type === 'start') {
      while (this.list.length < m.total) this.list.push({ name: '', state: 'waiting', detail: '', wallMs: 0 });
      this.list[m.index] = { name: m.name, state: 'running', detail: '', wallMs: 0 };
    } else if (m.type === 'result') {
      this.list[m.index] = { name: m.name, state: m.pass ? 'pass' : 'fail', detail: m.detail, wallMs: m.wallMs };
    } else if (m.type === 'error') {
      this.fail(m.message);
      return;
    } else {
      const passed = this.list.filter((r) => r.state === 'pass').length;
      this.status(`Test it: ${passed} of ${this.list.length} reflexes pass`);
      this.worker?.terminate();
      this.worker = null;
    }
    this.render(m.type === 'done');
  }

  private fail(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.summary) this.summary.textContent = `Could not test: ${message}`;
    this.status(`Could not test: ${message}`);
  }

  private show(): void {
    this.box?.remove();
    this.table = h('table', { class: 'nwe-results', 'data-testid': 'test-results' });
    this.summary = h('div', { class: 'nwe-muted', text: 'Running…' });
    const close = h('button', { text: 'Close', onclick: () => this.close() });
    this.box = h(
      'div',
      { class: 'nwe-modal', role: 'dialog' },
      h(
        'div',
        {},
        h('div', { class: 'nwe-h', text: 'Test it: reflexes of this circuit' }),
        h('div', { class: 'nwe-dim', text: 'Each check runs the current circuit on a fresh worm (seed 1) and judges its behaviour from its body.' }),
        this.table,
        this.summary,
        close,
      ),
    );
    this.root.append(this.box);
  }

  isOpen(): boolean {
    return this.box !== null;
  }

  close(): void {
    this.worker?.terminate();
    this.worker = null;
    this.box?.remove();
    this.box = null;
  }

  private render(done: boolean): void {
    if (!this.table || !this.summary) return;
    this.table.replaceChildren(
      ...this.list.map((r) =>
        h(
          'tr',
          { 'data-state': r.state },
          h('td', {
            class: r.state === 'pass' ? 'nwe-ok' : r.state === 'fail' ? 'nwe-err' : 'nwe-dim',
            text: r.state === 'pass' ? '✓ pass' : r.state === 'fail' ? '✗ fail' : r.state === 'running' ? '… running' : '· waiting',
          }),
          h('td', {}, h('b', { text: r.name }), h('div', { class: 'nwe-dim', style: 'white-space:pre-wrap;font-size:11.5px', text: r.detail })),
        ),
      ),
    );
    const passed = this.list.filter((r) => r.state === 'pass').length;
    this.summary.textContent = done ? `${passed} of ${this.list.length} reflexes pass.` : 'Running…';
  }

  dispose(): void {
    this.close();
  }
}
