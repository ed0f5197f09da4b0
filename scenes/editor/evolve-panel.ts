import type { CircuitDoc } from '../../src/circuits/types';
import type { EditorModel } from '../../src/editor';
import { crawlGoal, type EvolveGoal, type EvolveScope, type OptimiserKind, planEvolution, scenarioFileName } from '../../src/editor/evolve-plan';
import { circuitOf } from '../../src/evolve/adapters';
import { type EvolveResult, evolve, genomeDoc, type GenerationReport } from '../../src/evolve/engine';
import { ScenarioError } from '../../src/scenario/errors';
import { parseScenario } from '../../src/scenario/parse';
import type { Scenario } from '../../src/scenario/types';
import { h, parseNumber, place } from './dom';
import { poolSize, workerPool } from './evolve-pool';
import { FitnessChart } from './fitness-chart';

export type EvolvePhase = 'closed' | 'idle' | 'running' | 'stopped' | 'finished' | 'failed';

/** What the editor's test hook reads of the panel. */
export interface EvolvePanelState {
  phase: EvolvePhase;
  generation: number;
  generations: number;
  best: number[];
  median: number[];
  bestEver: number | null;
  problems: string[];
  message: string;
  adoptable: boolean;
  freeValues: number;
  workers: number;
}

export interface EvolvePanelHost {
  model: EditorModel;
  /** The Test it checks (reflexes.ts). */
  reflexes(): Scenario[];
  /** Run this circuit in the live-worm panel (the best so far), or null for the edited circuit again. */
  showWorm(doc: CircuitDoc | null): void;
  status(text: string): void;
}

/** A document's network, positions and view aside: what Adopt must find unchanged since Evolve was pressed. */
const network = (d: CircuitDoc): string => JSON.stringify({ ...d, editor: undefined, neurons: d.neurons.map(({ position: _p, ...n }) => n) });

/**
 * The editor's Evolve panel (issue 17 §3): what may change (the selection, or
 * every weight of its classes), the goal (the Test it checks, one of them,
 * crawl forward, or a scenario file), optimiser and budget; Evolve runs the
 * engine with a pool of Web Workers while a live chart shows best and median
 * fitness and the live worm runs the best circuit so far. Stop keeps the best,
 * Adopt puts it in the circuit as one undo step, Cancel drops it (the circuit
 * is never touched until Adopt). The spec it builds is src/editor/evolve-plan.ts.
 */
export class EvolvePanel {
  readonly el: HTMLDivElement;
  private readonly chart = new FitnessChart();
  private readonly scope: HTMLSelectElement;
  private readonly params: HTMLInputElement;
  private readonly goal: HTMLSelectElement;
  private readonly optimiser: HTMLSelectElement;
  private readonly generations: HTMLInputElement;
  private readonly population: HTMLInputElement;
  private readonly seed: HTMLInputElement;
  private readonly seeds: HTMLInputElement;
  private readonly fileInput: HTMLInputElement;
  private readonly progress: HTMLDivElement;
  private readonly errors: HTMLDivElement;
  private readonly buttons: Record<'evolve' | 'stop' | 'adopt' | 'cancel', HTMLButtonElement>;
  private phase: EvolvePhase = 'closed';
  private log: GenerationReport[] = [];
  private problems: string[] = [];
  private message = '';
  private freeValues = 0;
  private budget = 0;
  private control: AbortController | null = null;
  private best: { doc: CircuitDoc; fitness: number } | null = null;
  private startNetwork = '';
  private scenarioGoal: EvolveGoal | null = null;
  private readonly workers = poolSize();

  constructor(private readonly host: EvolvePanelHost) {
    const sel = (label: string, testid: string, options: Array<[string, string]>): HTMLSelectElement =>
      h('select', { 'aria-label': label, 'data-testid': testid }, ...options.map(([v, t]) => h('option', { value: v, text: t })));
    const num = (label: string, testid: string, value: string, title: string): HTMLInputElement =>
      h('input', { type: 'number', class: 'num', 'aria-label': label, 'data-testid': testid, value, title, min: 1 });
    this.scope = sel('What may change', 'evolve-scope', [
      ['selection', 'Weights of the selection'],
      ['class', 'All weights of their classes'],
    ]);
    this.params = h('input', { type: 'checkbox', 'data-testid': 'evolve-params', 'aria-label': 'Also the selected neurons’ parameters' });
    this.goal = sel('Goal', 'evolve-goal', []);
    this.optimiser = sel('Optimiser', 'evolve-optimiser', [
      ['cmaes', 'CMA-ES (values)'],
      ['neat', 'NEAT (wiring may change)'],
    ]);
    this.generations = num('Generations', 'evolve-generations', '20', 'Generations at most (it stops early when every check passes)');
    this.population = num('Population', 'evolve-population', '', 'Genomes per generation; empty = the optimiser’s default');
    this.population.placeholder = 'auto';
    this.seed = num('Seed', 'evolve-seed', '1', 'The run’s seed: the same seed and selection give the same run');
    this.seeds = num('Worm seeds', 'evolve-seeds', '1', 'Each genome runs each scenario with this many worms (seeds 1, 2, …)');
    this.fileInput = h('input', { type: 'file', accept: '.yaml,.yml,.json', style: 'display:none', 'data-testid': 'evolve-scenario-file' });
    this.fileInput.addEventListener('change', () => void this.readScenario());
    this.goal.addEventListener('change', () => {
      if (this.goal.value === 'file') this.fileInput.click();
    });
    const btn = (text: string, title: string, on: () => void, cls = ''): HTMLButtonElement =>
      h('button', { text, title, class: cls || undefined, 'data-testid': `evolve-${text.toLowerCase()}`, onclick: () => on() });
    this.buttons = {
      evolve: btn('Evolve', 'Start evolving (Web Workers; the editor keeps running)', () => void this.start(), 'primary'),
      stop: btn('Stop', 'End the run now, keeping the best circuit so far', () => this.control?.abort('stop')),
      adopt: btn('Adopt', 'Put the best circuit in the editor (one undo step)', () => this.adopt()),
      cancel: btn('Cancel', 'Drop the run: the circuit stays exactly as it was', () => this.cancel()),
    };
    this.progress = h('div', { class: 'nwe-muted', 'data-testid': 'evolve-progress', role: 'status' });
    this.errors = h('div', { class: 'nwe-err', 'data-testid': 'evolve-errors' });
    const row = (label: string, input: HTMLElement, help = ''): HTMLDivElement =>
      h('div', { class: 'nwe-row' }, h('label', { text: label }), input, help ? h('div', { class: 'help', text: help }) : null);
    this.el = h(
      'div',
      { class: 'nwe-panel', 'data-testid': 'evolve-panel', style: 'display:none' },
      h(
        'div',
        { style: 'display:flex;justify-content:space-between;align-items:center' },
        h('div', { class: 'nwe-h', text: 'Evolve' }),
        h('button', { text: '×', title: 'Close (E)', 'aria-label': 'Close the Evolve panel', onclick: () => this.close() }),
      ),
      h('div', { class: 'nwe-dim', text: 'Select synapses or neurons, pick a goal, press Evolve. The best worm so far crawls below.' }),
      row(
        'Change',
        this.scope,
        'Selected synapses, and every synapse into or out of a selected neuron: each its own weight, or one per pair of classes (AVB → DB1…DB8 as one).',
      ),
      h(
        'label',
        {
          style: 'display:flex;gap:6px;align-items:center;margin:2px 0 6px',
          title: 'Membrane time constant (¼–4×) and tonic drive of the selected neurons, where their model has them',
        },
        this.params,
        'Also the selected neurons’ time constant and drive',
      ),
      row('Goal', this.goal),
      row('Optimiser', this.optimiser),
      h(
        'div',
        { style: 'display:grid;grid-template-columns:auto auto;gap:4px 8px;align-items:center;margin:5px 0' },
        ...(
          [
            ['Generations', this.generations],
            ['Population', this.population],
            ['Seed', this.seed],
            ['Worm seeds', this.seeds],
          ] as const
        ).flatMap(([t, el]) => [h('label', { text: t, style: 'font-weight:600' }), el]),
      ),
      h('div', { class: 'nwe-bar', style: 'margin:6px 0' }, ...Object.values(this.buttons)),
      this.fileInput,
      this.errors,
      this.progress,
      this.chart.el,
    );
    this.fillGoals();
    this.render();
  }

  /** Where the panel goes (the inspector's place); it stays hidden while closed. */
  setRect(x: number, y: number, w: number, hgt: number): void {
    place(this.el, x, y, w, hgt);
    if (!this.isOpen()) this.el.style.display = 'none';
  }

  isOpen(): boolean {
    return this.phase !== 'closed';
  }

  get running(): boolean {
    return this.phase === 'running';
  }

  toggle(): void {
    if (this.isOpen()) this.close();
    else this.open();
  }

  open(): void {
    if (this.phase === 'closed') this.phase = 'idle';
    this.el.style.display = '';
    this.render();
  }

  /** Close: a run still going is cancelled (nothing adopted, the circuit untouched). */
  close(): void {
    if (this.phase === 'running' || this.best) this.cancel();
    this.phase = 'closed';
    this.el.style.display = 'none';
  }

  state(): EvolvePanelState {
    return {
      phase: this.phase,
      generation: this.log.length,
      generations: this.budget,
      best: this.log.map((g) => g.best),
      median: this.log.map((g) => g.median),
      bestEver: this.best?.fitness ?? null,
      problems: [...this.problems],
      message: this.message,
      adoptable: this.adoptable(),
      freeValues: this.freeValues,
      workers: this.workers,
    };
  }

  dispose(): void {
    this.control?.abort('cancel');
    this.el.remove();
  }

  private fillGoals(): void {
    const reflexes = this.host.reflexes();
    const opts: Array<[string, string]> = [
      ['reflexes', `Test it: all ${reflexes.length} checks`],
      ...reflexes.map((s, i): [string, string] => [`reflex:${i}`, `Test it: ${s.name}`]),
      ['crawl', 'Crawl forward'],
      ['file', this.scenarioGoal ? `Scenario: ${this.scenarioGoal.name}` : 'Scenario file…'],
    ];
    const keep = this.goal.value;
    this.goal.replaceChildren(...opts.map(([v, t]) => h('option', { value: v, text: t })));
    if (keep) this.goal.value = keep;
  }

  private async readScenario(): Promise<void> {
    const f = this.fileInput.files?.[0];
    this.fileInput.value = '';
    if (!f) return;
    try {
      const s = parseScenario(await f.text(), f.name);
      this.scenarioGoal = { name: f.name, scenarios: [{ file: f.name, scenario: s }] };
      this.problems = [];
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      this.scenarioGoal = null;
      this.problems = [`the scenario file ${f.name} has problems:\n${e.message}`];
    }
    this.fillGoals();
    this.goal.value = 'file';
    this.render();
  }

  private chosenGoal(): EvolveGoal | string {
    const v = this.goal.value;
    const reflexes = this.host.reflexes();
    const named = (list: Scenario[], name: string): EvolveGoal => ({ name, scenarios: list.map((s) => ({ file: scenarioFileName(s.name), scenario: s })) });
    if (v === 'reflexes') return named(reflexes, 'Test it checks');
    if (v.startsWith('reflex:')) {
      const s = reflexes[Number(v.slice(7))];
      return named([s], s.name);
    }
    if (v === 'crawl') return crawlGoal();
    return this.scenarioGoal ?? 'no scenario file is open: pick "Scenario file…" again and choose a .scenario.yaml file';
  }

  private async start(): Promise<void> {
    if (this.running) return;
    const bad: string[] = [];
    const int = (el: HTMLInputElement, what: string, lo: number, hi: number, empty?: number): number => {
      if (el.value.trim() === '' && empty !== undefined) return empty;
      const v = parseNumber(el.value);
      if (!Number.isInteger(v) || v < lo || v > hi) bad.push(`${what} must be a whole number from ${lo} to ${hi} (it is "${el.value}")`);
      return v;
    };
    const generations = int(this.generations, 'Generations', 1, 10_000);
    const population = int(this.population, 'Population', 2, 1000, 0);
    const seed = int(this.seed, 'Seed', 0, 0xffffffff);
    const k = int(this.seeds, 'Worm seeds', 1, 10);
    const goal = this.chosenGoal();
    if (typeof goal === 'string') bad.push(goal);
    if (bad.length > 0 || typeof goal === 'string') return this.refuse(bad);
    const m = this.host.model;
    const plan = planEvolution({
      circuit: m.circuit(),
      circuitFile: m.fileName,
      selection: m.selection,
      scope: this.scope.value as EvolveScope,
      neuronParams: this.params.checked,
      goal,
      optimiser: this.optimiser.value as OptimiserKind,
      generations,
      ...(population > 0 && { population }),
      seed,
      seeds: Array.from({ length: k }, (_, i) => i + 1),
    });
    if (!plan.ok) return this.refuse(plan.problems);
    this.problems = [];
    this.log = [];
    this.best = null;
    this.budget = generations;
    this.freeValues = plan.problem.context.phenotype.genes.length;
    this.startNetwork = network(m.doc);
    this.phase = 'running';
    this.message = `Evolving ${this.freeValues} value${this.freeValues === 1 ? '' : 's'}${plan.spec.topology ? ' and the wiring' : ''} for "${goal.name}" on ${this.workers} worker${this.workers === 1 ? '' : 's'}…`;
    this.host.status(this.message);
    this.render();
    const control = new AbortController();
    this.control = control;
    const evaluator = workerPool(this.workers);
    let result: EvolveResult | null = null;
    try {
      result = await evolve(plan.problem, {
        evaluator,
        signal: control.signal,
        onRun: (done, total) => this.runProgress(done, total),
        onGeneration: (report, state) => {
          if (control.signal.aborted) return;
          this.log.push(report);
          if (state.best && (!this.best || state.best.fitness > this.best.fitness)) {
            this.best = { doc: genomeDoc(plan.problem, state.best.genome), fitness: state.best.fitness };
            this.host.showWorm(this.best.doc);
          }
          this.render();
        },
      });
    } catch (e) {
      this.phase = 'failed';
      this.message = `Evolution failed: ${(e as Error).message}`;
    } finally {
      await evaluator.close();
      if (this.control === control) this.control = null;
    }
    if (result && this.phase === 'running') this.finish(result);
    this.host.status(this.message);
    this.render();
  }

  private finish(r: EvolveResult): void {
    if (r.status === 'cancelled') return;
    if (r.best) this.best = { doc: r.best.doc, fitness: r.best.fitness };
    this.phase = r.status === 'stopped' ? 'stopped' : 'finished';
    const why =
      r.status === 'stopped' ? 'Stopped' : r.status === 'target' ? 'Every check passes' : r.status === 'budget' ? 'Budget used' : `Converged (${r.reason})`;
    this.message = this.best
      ? `${why} after ${this.log.length} generation${this.log.length === 1 ? '' : 's'}: best fitness ${this.best.fitness.toFixed(3)}. Adopt puts it in the circuit (Ctrl+Z undoes), Cancel drops it.`
      : `${why} before a generation finished: nothing to adopt.`;
  }

  private runProgress(done: number, total: number): void {
    const g = this.log.length + 1;
    this.progress.textContent = `Generation ${g} of ${this.budget}: run ${done} of ${total}${this.best ? ` · best so far ${this.best.fitness.toFixed(3)}` : ''}`;
  }

  private refuse(problems: string[]): void {
    this.problems = problems;
    this.message = 'Could not evolve: see the panel';
    this.host.status(`Could not evolve: ${problems[0] ?? ''}`);
    this.render();
  }

  private adoptable(): boolean {
    return this.best !== null && (this.phase === 'stopped' || this.phase === 'finished');
  }

  private adopt(): void {
    if (!this.best || !this.adoptable()) return;
    const m = this.host.model;
    if (network(m.doc) !== this.startNetwork) {
      this.problems = ['the circuit was edited since Evolve was pressed: the evolved circuit would undo those edits. Press Evolve again (or Cancel).'];
      this.render();
      return;
    }
    // The positions the neurons have now (the player may have moved them during the run).
    const at = new Map(m.doc.neurons.map((n) => [n.id, n.position]));
    const doc: CircuitDoc = {
      ...this.best.doc,
      ...(m.doc.editor && { editor: m.doc.editor }),
      neurons: this.best.doc.neurons.map((n) => {
        const p = at.get(n.id) ?? n.position;
        return p ? { ...n, position: p } : n;
      }),
    };
    circuitOf(doc); // an evolved circuit is valid by construction; this throws if not, before the model is touched
    const r = m.replaceDoc(doc, `Adopt evolved circuit (fitness ${this.best.fitness.toFixed(3)})`);
    if (!r.ok) {
      this.problems = [`the evolved circuit was refused: ${r.message}`];
      this.render();
      return;
    }
    this.best = null;
    this.phase = 'idle';
    this.message = 'Adopted: the evolved circuit is in the editor (Ctrl+Z undoes it)';
    this.host.status(this.message);
    this.host.showWorm(null);
    this.render();
  }

  private cancel(): void {
    if (this.control) this.control.abort('cancel');
    this.control = null;
    this.best = null;
    this.phase = this.phase === 'closed' ? 'closed' : 'idle';
    this.message = 'Cancelled: the circuit is as it was';
    this.host.status(this.message);
    this.host.showWorm(null);
    this.render();
  }

  private render(): void {
    const running = this.phase === 'running';
    this.buttons.evolve.disabled = running;
    this.buttons.stop.disabled = !running;
    this.buttons.adopt.disabled = !this.adoptable();
    this.buttons.cancel.disabled = !running && !this.best;
    for (const el of [this.scope, this.params, this.goal, this.optimiser, this.generations, this.population, this.seed, this.seeds]) el.disabled = running;
    this.errors.textContent = this.problems.map((p) => `✗ ${p}`).join('\n');
    const last = this.log.at(-1);
    this.progress.textContent = last
      ? `Generation ${last.generation} of ${this.budget} · best ${last.best.toFixed(3)} · median ${last.median.toFixed(3)} · best ever ${last.bestEver.toFixed(3)}${this.phase === 'running' ? '' : ` — ${this.message}`}`
      : this.message;
    this.el.dataset.phase = this.phase;
    this.chart.draw(
      this.log.map((g) => g.best),
      this.log.map((g) => g.median),
    );
  }
}
