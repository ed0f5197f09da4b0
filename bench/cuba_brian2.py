#!/usr/bin/env python3
"""Brian2's CUBA network (Brette et al. 2007; Brian2's examples/CUBA.py), timed.

The reference for bench/cuba.ts: the same network, run by Brian2 on the same
machine. A dev-only benchmark: Brian2 comes from Debian's `python3-brian`
(`apt-get install -y python3-brian`; use Debian's /usr/bin/python3), not npm.

    python3 bench/cuba_brian2.py runtime [DURATION_S [SEEDS]]     # default runtime target (Cython)
    python3 bench/cuba_brian2.py standalone [DURATION_S [SEED]]   # C++ standalone, one thread

SEEDS is a comma list (default 1): the runtime target times the first seed
and also runs the others for their firing rates (rates vary a few per cent
between random networks). Prints one JSON object on its last line:
    {"target", "brian2", "durationS", "seeds", "runWallS", "runCpuS", "compileS",
     "rateHz" (mean over seeds), "rates", "spikes", "synapses"}
runWallS/runCpuS time only the simulation (no code generation, no compilation):
  runtime:    the second of two identical runs (store/restore) of the first
              seed, so Cython's compilation and Brian2's code-object caching
              are paid by the first; compileS = first run minus second.
  standalone: the binary's own measurement of network.run (std::clock, CPU time
              of its one thread) as runCpuS, and the binary's wall time
              (including loading arrays and writing results) as runWallS;
              compileS = code generation + `make`.
"""
import json
import sys
import tempfile
import time

TARGETS = ('runtime', 'standalone')


def model(b2):
    """The CUBA network exactly as Brian2's example builds it."""
    ms, mV = b2.ms, b2.mV
    taum, taue, taui = 20 * ms, 5 * ms, 10 * ms
    Vt, Vr, El = -50 * mV, -60 * mV, -49 * mV
    eqs = '''
    dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
    dge/dt = -ge/taue : volt
    dgi/dt = -gi/taui : volt
    '''
    P = b2.NeuronGroup(4000, eqs, threshold='v>Vt', reset='v = Vr', refractory=5 * ms,
                       method='exact', namespace={'taum': taum, 'taue': taue, 'taui': taui,
                                                  'Vt': Vt, 'Vr': Vr, 'El': El})
    P.v = 'Vr + rand() * (Vt - Vr)'
    P.ge = 0 * mV
    P.gi = 0 * mV
    we = (60 * 0.27 / 10) * mV  # excitatory synaptic weight (voltage)
    wi = (-20 * 4.5 / 10) * mV  # inhibitory synaptic weight
    Ce = b2.Synapses(P, P, on_pre='ge += we', namespace={'we': we})
    Ci = b2.Synapses(P, P, on_pre='gi += wi', namespace={'wi': wi})
    Ce.connect('i<3200', p=0.02)
    Ci.connect('i>=3200', p=0.02)
    mon = b2.SpikeMonitor(P)
    return P, Ce, Ci, mon


def run_runtime(b2, duration_s, seeds):
    b2.prefs.codegen.target = 'cython'
    result, rates = {}, []
    for k, seed in enumerate(seeds):
        b2.start_scope()
        b2.seed(seed)
        P, Ce, Ci, mon = model(b2)
        net = b2.Network(P, Ce, Ci, mon)
        if k == 0:
            net.store()
            w0 = time.perf_counter()
            net.run(duration_s * b2.second)
            first_wall = time.perf_counter() - w0
            net.restore()
            w0, c0 = time.perf_counter(), time.process_time()
            net.run(duration_s * b2.second)
            wall, cpu = time.perf_counter() - w0, time.process_time() - c0
            result = {'runWallS': wall, 'runCpuS': cpu, 'compileS': max(0.0, first_wall - wall),
                      'spikes': int(mon.num_spikes), 'synapses': int(len(Ce) + len(Ci))}
        else:
            net.run(duration_s * b2.second)
        rates.append(int(mon.num_spikes) / 4000 / duration_s)
    result['rates'] = rates
    return result


def run_standalone(b2, duration_s, seeds):
    directory = tempfile.mkdtemp(prefix='neuroworm-cuba-brian2-')
    b2.set_device('cpp_standalone', directory=directory, build_on_run=False)
    b2.prefs.devices.cpp_standalone.openmp_threads = 0  # one thread
    b2.seed(seeds[0])
    P, Ce, Ci, mon = model(b2)
    b2.run(duration_s * b2.second)
    t0 = time.perf_counter()
    b2.device.build(directory=directory, compile=True, run=False, with_output=False)
    compile_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    b2.device.run(directory=directory, with_output=False, run_args=[])
    binary_wall = time.perf_counter() - t0
    spikes = int(mon.num_spikes)
    return {'runWallS': binary_wall, 'runCpuS': float(b2.device._last_run_time), 'compileS': compile_s,
            'spikes': spikes, 'synapses': int(len(Ce) + len(Ci)), 'rates': [spikes / 4000 / duration_s],
            'directory': directory}


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        print(f'usage: {sys.argv[0]} {"|".join(TARGETS)} [DURATION_S [SEEDS]]', file=sys.stderr)
        return 2
    target = sys.argv[1]
    duration_s = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    seeds = [int(x) for x in sys.argv[3].split(',')] if len(sys.argv) > 3 else [1]
    try:
        import brian2 as b2
    except ImportError:
        print(json.dumps({'target': target, 'error': 'brian2 is not installed (apt-get install -y python3-brian)'}))
        return 3
    b2.prefs.logging.console_log_level = 'WARNING'
    run = run_runtime if target == 'runtime' else run_standalone
    result = run(b2, duration_s, seeds if target == 'runtime' else seeds[:1])
    result.update({'target': target, 'brian2': b2.__version__, 'durationS': duration_s,
                   'seeds': seeds if target == 'runtime' else seeds[:1],
                   'rateHz': sum(result['rates']) / len(result['rates'])})
    print(json.dumps(result))
    return 0


if __name__ == '__main__':
    sys.exit(main())
