#!/usr/bin/env python3
"""Brian2's CUBA network (Brette et al. 2007; Brian2's examples/CUBA.py), timed.

The reference for bench/cuba.ts, on the SAME network: bench/cuba.ts writes
each seed's network (initial V per neuron, the excitatory count, and every
synapse's source and target, as the engine built them) to a JSON file, and
this script gives Brian2 exactly those (`connect(i=..., j=...)`, `P.v = ...`)
instead of drawing its own. A dev-only benchmark: Brian2 comes from Debian's
`python3-brian` (`apt-get install -y python3-brian`; use Debian's
/usr/bin/python3), not npm.

    python3 bench/cuba_brian2.py runtime    DURATION_S REPEATS NET.json[,NET2.json...]
    python3 bench/cuba_brian2.py standalone DURATION_S REPEATS NET.json
    python3 bench/cuba_brian2.py serve      DURATION_S 0 NET.json[,NET2.json...]

`serve` is the runtime target one run at a time, so bench/cuba.ts can
interleave Brian2's runs with its own round by round: after the warm-up run
(and one run of each other file for its rate) it prints the JSON object with
no timed runs, then answers each `run` line on stdin with one timed run's
{"cpuS", "wallS"} on a line of its own, until `quit` or the end of stdin.
`standalone` with REPEATS 0 only builds the two binaries (and runs the
patched one once for its spikes): the caller times them itself by running
`main` / `main_clocked` in `directory` and reading results/last_run_info.txt.

Timing, the same way on both sides: CPU time of the process over the
simulated run only (no network building, no code generation, no compilation).
  runtime (Cython): time.process_time around net.run, after a first run that
      pays Cython's compilation and Brian2's caching; REPEATS runs with
      store/restore, every one timed. The other files run once for their rates.
  standalone (C++, one thread): the binary's own std::clock() around
      Network::run. Brian2's template also calls std::clock() inside the loop on
      every time step (for maximum_run_time, which is unset here): ~10 % of the
      run on these VMs. The script times the binary as generated ("clocked")
      and with that per-step call removed (the clock read once after the loop;
      "patched"), alternating the two binaries REPEATS times each.
Prints one JSON object on its last line:
    {"target", "brian2", "durationS", "runCpuS": [...], "clockedCpuS": [...] (standalone),
     "compileS", "rateHz" (mean over files), "rates", "spikes", "synapses", "patched"}
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

TARGETS = ('runtime', 'standalone', 'serve')


def load(path):
    with open(path) as f:
        net = json.load(f)
    for key in ('neurons', 'excitatory', 'v0', 'from', 'to'):
        if key not in net:
            raise ValueError(f'{path}: no "{key}" (write it with bench/cuba.ts)')
    return net


def model(b2, net):
    """The CUBA network as Brian2's example builds it, with the given V0 and synapses."""
    import numpy as np
    ms, mV = b2.ms, b2.mV
    taum, taue, taui = 20 * ms, 5 * ms, 10 * ms
    Vt, Vr, El = -50 * mV, -60 * mV, -49 * mV
    eqs = '''
    dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
    dge/dt = -ge/taue : volt
    dgi/dt = -gi/taui : volt
    '''
    n, n_exc = net['neurons'], net['excitatory']
    P = b2.NeuronGroup(n, eqs, threshold='v>Vt', reset='v = Vr', refractory=5 * ms,
                       method='exact', namespace={'taum': taum, 'taue': taue, 'taui': taui,
                                                  'Vt': Vt, 'Vr': Vr, 'El': El})
    P.v = np.asarray(net['v0']) * mV
    P.ge = 0 * mV
    P.gi = 0 * mV
    we = (60 * 0.27 / 10) * mV  # excitatory synaptic weight (voltage)
    wi = (-20 * 4.5 / 10) * mV  # inhibitory synaptic weight
    pre, post = np.asarray(net['from'], dtype=np.int32), np.asarray(net['to'], dtype=np.int32)
    exc = pre < n_exc
    Ce = b2.Synapses(P, P, on_pre='ge += we', namespace={'we': we})
    Ci = b2.Synapses(P, P, on_pre='gi += wi', namespace={'wi': wi})
    Ce.connect(i=pre[exc], j=post[exc])
    Ci.connect(i=pre[~exc], j=post[~exc])
    mon = b2.SpikeMonitor(P)
    return P, Ce, Ci, mon


def runtime_nets(b2, duration_s, nets):
    """The runtime target's networks, each built and run once for its rate. Returns the first one
    (stored before its run, so restore() starts it again), the wall time of that first run
    (compilation included), its spike and synapse counts, and the rates."""
    b2.prefs.codegen.target = 'cython'
    rates, first = [], {}
    for k, net_file in enumerate(nets):
        b2.start_scope()
        net_data = load(net_file)
        P, Ce, Ci, mon = model(b2, net_data)
        net = b2.Network(P, Ce, Ci, mon)
        if k == 0:
            net.store()
        w0 = time.perf_counter()
        net.run(duration_s * b2.second)
        if k == 0:
            first = {'net': net, 'wallS': time.perf_counter() - w0, 'spikes': int(mon.num_spikes),
                     'synapses': int(len(Ce) + len(Ci))}
        rates.append(int(mon.num_spikes) / net_data['neurons'] / duration_s)
    return first, rates


def serve_runtime(b2, duration_s, nets):
    """The runtime target, one timed run per `run` line on stdin (see the module doc)."""
    first, rates = runtime_nets(b2, duration_s, nets)
    result = {'runCpuS': [], 'compileS': None, 'spikes': first['spikes'], 'synapses': first['synapses'], 'rates': rates}
    return result, first['net']


def serve_loop(b2, net, duration_s):
    for line in sys.stdin:
        command = line.strip()
        if command == 'quit':
            break
        if command != 'run':
            print(json.dumps({'error': f'unknown command {command!r} (run, quit)'}), flush=True)
            continue
        net.restore()
        w0, c0 = time.perf_counter(), time.process_time()
        net.run(duration_s * b2.second)
        print(json.dumps({'cpuS': time.process_time() - c0, 'wallS': time.perf_counter() - w0}), flush=True)


def run_runtime(b2, duration_s, repeats, nets):
    first, rates = runtime_nets(b2, duration_s, nets)
    cpu, wall = [], []
    for _ in range(repeats):
        first['net'].restore()
        w0, c0 = time.perf_counter(), time.process_time()
        first['net'].run(duration_s * b2.second)
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return {'runWallS': wall, 'runCpuS': cpu, 'compileS': max(0.0, first['wallS'] - min(wall)),
            'spikes': first['spikes'], 'synapses': first['synapses'], 'rates': rates}


# Brian2 2.5's network.cpp: the per-step clock read (kept only for maximum_run_time).
PER_STEP = re.compile(r'\n[ \t]*current = std::clock\(\);\n[ \t]*elapsed_realtime = \(double\)\(current - start\)/\(1 \* CLOCKS_PER_SEC\);')
AFTER_LOOP = '    if(!did_break_early) t = t_end;'


def binary_cpu(directory, binary):
    subprocess.run([binary], cwd=directory, check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(directory, 'results', 'last_run_info.txt')) as f:
        return float(f.read().split()[0])


def run_standalone(b2, duration_s, repeats, nets):
    from brian2.codegen.cpp_prefs import get_compiler_and_args
    directory = tempfile.mkdtemp(prefix='neuroworm-cuba-brian2-')
    b2.set_device('cpp_standalone', directory=directory, build_on_run=False)
    b2.prefs.devices.cpp_standalone.openmp_threads = 0  # one thread
    net_data = load(nets[0])
    P, Ce, Ci, mon = model(b2, net_data)
    b2.run(duration_s * b2.second)
    t0 = time.perf_counter()
    b2.device.build(directory=directory, compile=True, run=False, with_output=False)
    compile_s = time.perf_counter() - t0
    os.rename(os.path.join(directory, 'main'), os.path.join(directory, 'main_clocked'))
    source = os.path.join(directory, 'network.cpp')
    with open(source) as f:
        text = f.read()
    patched = bool(PER_STEP.search(text)) and AFTER_LOOP in text
    if patched:
        text = PER_STEP.sub('', text).replace(
            AFTER_LOOP, '    elapsed_realtime = (double)(std::clock() - start)/CLOCKS_PER_SEC;\n' + AFTER_LOOP)
        with open(source, 'w') as f:
            f.write(text)
    compiler, _ = get_compiler_and_args()
    b2.device.compile_source(directory, compiler, False, False)
    clocked, cpu = [], []
    for r in range(repeats):
        pair = [('clocked', './main_clocked'), ('patched', './main')]
        for name, binary in (pair if r % 2 == 0 else pair[::-1]):
            (clocked if name == 'clocked' else cpu).append(binary_cpu(directory, binary))
    t0 = time.perf_counter()
    b2.device.run(directory=directory, with_output=False, run_args=[])  # the patched binary, for its spikes
    binary_wall = time.perf_counter() - t0
    spikes = int(mon.num_spikes)
    return {'runWallS': [binary_wall], 'runCpuS': cpu, 'clockedCpuS': clocked, 'patched': patched,
            'compileS': compile_s, 'spikes': spikes, 'synapses': int(len(Ce) + len(Ci)),
            'rates': [spikes / net_data['neurons'] / duration_s], 'directory': directory}


def main():
    if len(sys.argv) < 5 or sys.argv[1] not in TARGETS:
        print(f'usage: {sys.argv[0]} {"|".join(TARGETS)} DURATION_S REPEATS NET.json[,NET.json...]', file=sys.stderr)
        return 2
    target = sys.argv[1]
    duration_s = float(sys.argv[2])
    repeats = int(sys.argv[3])
    nets = sys.argv[4].split(',')
    try:
        import brian2 as b2
    except ImportError:
        print(json.dumps({'target': target, 'error': 'brian2 is not installed (apt-get install -y python3-brian)'}))
        return 3
    b2.prefs.logging.console_log_level = 'WARNING'
    if target == 'serve':
        result, net = serve_runtime(b2, duration_s, nets)
        result.update({'target': 'runtime', 'brian2': b2.__version__, 'durationS': duration_s, 'nets': nets,
                       'rateHz': sum(result['rates']) / len(result['rates'])})
        print(json.dumps(result), flush=True)
        serve_loop(b2, net, duration_s)
        return 0
    run = run_runtime if target == 'runtime' else run_standalone
    result = run(b2, duration_s, repeats, nets if target == 'runtime' else nets[:1])
    result.update({'target': target, 'brian2': b2.__version__, 'durationS': duration_s,
                   'nets': nets if target == 'runtime' else nets[:1],
                   'rateHz': sum(result['rates']) / len(result['rates'])})
    print(json.dumps(result))
    return 0


if __name__ == '__main__':
    sys.exit(main())
