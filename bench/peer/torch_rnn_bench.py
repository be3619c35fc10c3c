#!/usr/bin/env python3
"""PyTorch-on-CPU peer benchmark of rnn4j.

Times with PyTorch the same configurations that `bin/rnn4j bench` times, so that
bench/compare can run both sides alternately on one machine and quote ratios.

Usage:  .venv-peer/bin/python bench/peer/torch_rnn_bench.py --config C1 --threads 1 --flush-denormal
Configs: C1 C2 C3 C4 C5 (described in docs/benchmarks.md), gemm (F.linear on the
shapes of `bin/rnn4j bench gemm`), sgemm (fp32 matmul peaks), info (versions).
Prints one JSON line per measurement on stdout, with the field and metric names
that `bin/rnn4j bench` prints.

Threading: --threads N sets torch.set_num_threads(N) AND the BLAS pool size
(OPENBLAS_NUM_THREADS / OMP_NUM_THREADS set before torch/numpy load, plus
threadpoolctl if present), because torch 1.13 does not resize OpenBLAS's own
pthread pool.  Timing: warm-up steps, then >= --steps timed steps (more while
under --min-time), median step time reported with min/max.
"""
import argparse, json, os, sys, time, statistics

ap = argparse.ArgumentParser()
ap.add_argument('--config', required=True,
                choices=['C1', 'C2', 'C3', 'C4', 'C5', 'gemm', 'sgemm', 'info'])
ap.add_argument('--threads', type=int, required=True)
ap.add_argument('--warmup', type=int, default=2)
ap.add_argument('--steps', type=int, default=5, help='minimum timed steps')
ap.add_argument('--min-time', type=float, default=1.5,
                help='keep timing steps until this many seconds (capped by --max-steps)')
ap.add_argument('--max-steps', type=int, default=200)
ap.add_argument('--gen-chars', type=int, default=2000)
ap.add_argument('--gen-runs', type=int, default=3)
ap.add_argument('--tag', default='')
ap.add_argument('--seed', type=int, default=0)
ap.add_argument('--blas-threads', type=int, default=None,
                help='OpenBLAS pool size if different from --threads')
ap.add_argument('--flush-denormal', action='store_true',
                help='torch.set_flush_denormal(True) (FTZ/DAZ): C2\'s BPTT gradients '
                     'underflow to subnormals and run ~14x slower without it')
args = ap.parse_args()

# Must happen before numpy/torch load their thread pools.
BLAS_THREADS = args.threads if args.blas_threads is None else args.blas_threads
os.environ['OPENBLAS_NUM_THREADS'] = str(BLAS_THREADS)
os.environ['OMP_NUM_THREADS'] = str(args.threads)

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(args.threads)
torch.manual_seed(args.seed)
_ftz = torch.set_flush_denormal(True) if args.flush_denormal else False
_tpl = None
try:
    from threadpoolctl import threadpool_limits, threadpool_info
    _tpl = threadpool_limits(limits=BLAS_THREADS, user_api='blas')
except Exception:  # threadpoolctl optional
    threadpool_info = None


def blas_info():
    if threadpool_info is None:
        return {}
    for d in threadpool_info():
        if d.get('user_api') == 'blas':
            return {'blas': d.get('internal_api'), 'blas_version': d.get('version'),
                    'blas_core': d.get('architecture'), 'blas_threads': d.get('num_threads')}
    return {}


BASE = {
    'peer': 'pytorch-cpu', 'torch': torch.__version__, 'numpy': np.__version__,
    'threads': args.threads, 'torch_threads': torch.get_num_threads(), 'tag': args.tag,
    'flush_denormal': bool(_ftz),
    'env_OMP_WAIT_POLICY': os.environ.get('OMP_WAIT_POLICY'),
    'env_OPENBLAS_CORETYPE': os.environ.get('OPENBLAS_CORETYPE'),
    'env_OPENBLAS_L2_SIZE': os.environ.get('OPENBLAS_L2_SIZE'),
}
BASE.update(blas_info())


def _cpu_snapshot():
    """(machine busy ticks, steal ticks, this process's ticks, wall time)."""
    try:
        f = open('/proc/stat').readline().split()[1:]
        v = [int(x) for x in f]
        idle = v[3] + v[4]
        steal = v[7] if len(v) > 7 else 0
        busy = sum(v[:8]) - idle - steal
        st = open('/proc/self/stat').read().rsplit(')', 1)[1].split()
        own = int(st[11]) + int(st[12])  # utime + stime, all threads
        return busy, steal, own, time.perf_counter()
    except Exception:
        return None


_HZ = os.sysconf('SC_CLK_TCK')
_mon = {'start': None}


def mon_start():
    _mon['start'] = _cpu_snapshot()


def mon_stop():
    a, b = _mon['start'], _cpu_snapshot()
    if not a or not b:
        return {}
    wall = b[3] - a[3]
    return {'foreign_cpu_load': round(((b[0] - a[0]) - (b[2] - a[2])) / _HZ / wall, 2),
            'own_cpu_load': round((b[2] - a[2]) / _HZ / wall, 2),
            'steal_load': round((b[1] - a[1]) / _HZ / wall, 2),
            'loadavg1': os.getloadavg()[0]}


def emit(**kw):
    rec = dict(BASE)
    rec.update(kw)
    print(json.dumps(rec), flush=True)


def time_steps(fn, warmup=None, min_steps=None):
    warmup = args.warmup if warmup is None else warmup
    min_steps = args.steps if min_steps is None else min_steps
    for _ in range(warmup):
        fn()
    times = []
    mon_start()
    t_begin = time.perf_counter()
    while len(times) < min_steps or (time.perf_counter() - t_begin < args.min_time
                                     and len(times) < args.max_steps):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def emit_rate(config, metric, unit, per_step, times, **extra):
    med = statistics.median(times)
    extra.update(mon_stop())
    emit(config=config, metric=metric, unit=unit, value=per_step / med,
         value_best=per_step / min(times),
         step_ms_median=med * 1e3, step_ms_min=min(times) * 1e3,
         step_ms_max=max(times) * 1e3, n_steps=len(times), **extra)


# ---------------------------------------------------------------- models
class CharLM(nn.Module):  # C1 / C4
    def __init__(self, vocab=65, emb=64, hidden=512, layers=2):
        super().__init__()
        self.emb = nn.Embedding(vocab, emb)
        self.lstm = nn.LSTM(emb, hidden, num_layers=layers, batch_first=True)
        self.fc = nn.Linear(hidden, vocab)

    def forward(self, x, state=None):
        h, state = self.lstm(self.emb(x), state)
        return self.fc(h), state


class SentimentGRU(nn.Module):  # C2
    def __init__(self, vocab=20000, emb=128, hidden=256, classes=2):
        super().__init__()
        self.emb = nn.Embedding(vocab, emb)
        self.gru = nn.GRU(emb, hidden, num_layers=1, batch_first=True)
        self.fc = nn.Linear(hidden, classes)

    def forward(self, x):
        _, h_n = self.gru(self.emb(x))
        return self.fc(h_n[-1])  # many-to-one: last hidden state


class VanillaRNNReg(nn.Module):  # C3
    def __init__(self, inp=32, hidden=128):
        super().__init__()
        self.rnn = nn.RNN(inp, hidden, nonlinearity='tanh', batch_first=True)
        self.fc = nn.Linear(hidden, 1)

    def forward(self, x):
        h, _ = self.rnn(x)
        return self.fc(h)  # many-to-many


# C1 LSTM(64,512)+LSTM(512,512)+Linear(512,65): forward flops per token
C1_FWD_FLOPS = 8 * 512 * (64 + 512) + 8 * 512 * (512 + 512) + 2 * 512 * 65
C2_FWD_FLOPS = 6 * 256 * (128 + 256)  # GRU gates matmuls, per token
C3_FWD_FLOPS = 2 * 128 * (32 + 128) + 2 * 128


def run_c1():
    V, B, T = 65, 32, 100
    m = CharLM()
    opt = torch.optim.Adam(m.parameters(), lr=2e-3)
    x = torch.randint(0, V, (B, T))
    y = torch.randint(0, V, (B, T))

    def train_step():
        opt.zero_grad(set_to_none=True)
        logits, _ = m(x)
        loss = F.cross_entropy(logits.reshape(-1, V), y.reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(m.parameters(), 5.0)
        opt.step()

    t = time_steps(train_step)
    tok = B * T
    med = statistics.median(t)
    emit_rate('C1', 'train_tokens_per_s', 'tokens/s', tok, t, batch=B, seq=T,
              approx_gflops=3 * C1_FWD_FLOPS * tok / med / 1e9)

    def infer_step():
        with torch.no_grad():
            m(x)
    t = time_steps(infer_step)
    med = statistics.median(t)
    emit_rate('C1', 'infer_tokens_per_s', 'tokens/s', tok, t, batch=B, seq=T,
              approx_gflops=C1_FWD_FLOPS * tok / med / 1e9)


def run_c2():
    V, B, T = 20000, 64, 200
    m = SentimentGRU()
    opt = torch.optim.Adam(m.parameters())  # default lr 1e-3
    x = torch.randint(0, V, (B, T))
    y = torch.randint(0, 2, (B,))

    def train_step():
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(m(x), y)
        loss.backward()
        opt.step()

    t = time_steps(train_step)
    med = statistics.median(t)
    emit_rate('C2', 'train_seqs_per_s', 'sequences/s', B, t, batch=B, seq=T,
              tokens_per_s=B * T / med, approx_gflops=3 * C2_FWD_FLOPS * B * T / med / 1e9)

    def infer_step():
        with torch.no_grad():
            m(x)
    t = time_steps(infer_step)
    med = statistics.median(t)
    emit_rate('C2', 'infer_seqs_per_s', 'sequences/s', B, t, batch=B, seq=T,
              tokens_per_s=B * T / med, approx_gflops=C2_FWD_FLOPS * B * T / med / 1e9)


def run_c3():
    B, T = 64, 50
    m = VanillaRNNReg()
    opt = torch.optim.SGD(m.parameters(), lr=0.01)
    x = torch.randn(B, T, 32)
    y = torch.randn(B, T, 1)

    def train_step():
        opt.zero_grad(set_to_none=True)
        loss = F.mse_loss(m(x), y)
        loss.backward()
        opt.step()

    t = time_steps(train_step, warmup=max(args.warmup, 10))
    med = statistics.median(t)
    emit_rate('C3', 'train_seqs_per_s', 'sequences/s', B, t, batch=B, seq=T,
              tokens_per_s=B * T / med)

    def infer_step():
        with torch.no_grad():
            m(x)
    t = time_steps(infer_step, warmup=max(args.warmup, 10))
    med = statistics.median(t)
    emit_rate('C3', 'infer_seqs_per_s', 'sequences/s', B, t, batch=B, seq=T,
              tokens_per_s=B * T / med)


def run_c4():
    m = CharLM().eval()
    temperature = 1.0

    def generate(n):
        out = []
        idx = torch.zeros((1, 1), dtype=torch.long)
        state = None
        with torch.no_grad():
            for _ in range(n):
                logits, state = m(idx, state)  # hidden state carried
                probs = torch.softmax(logits[0, -1] / temperature, dim=-1)
                idx = torch.multinomial(probs, 1).view(1, 1)
                out.append(idx.item())
        return out

    generate(200)  # warm-up
    times = []
    mon_start()
    for _ in range(args.gen_runs):
        t0 = time.perf_counter()
        s = generate(args.gen_chars)
        times.append(time.perf_counter() - t0)
        assert len(s) == args.gen_chars
    emit_rate('C4', 'gen_chars_per_s', 'chars/s', args.gen_chars, times, batch=1,
              chars_per_run=args.gen_chars, runs=args.gen_runs,
              us_per_char_median=statistics.median(times) / args.gen_chars * 1e6)


def run_c5():
    I = H = 1024
    B, T = 64, 50
    lstm = nn.LSTM(I, H, num_layers=1)  # (T, B, I) layout
    opt = torch.optim.SGD(lstm.parameters(), lr=1e-4)
    # requires_grad on the input so backward also computes dX (stacked-layer case),
    # which is what the "3x forward flops" convention assumes.
    x = torch.randn(T, B, I, requires_grad=True)
    fwd_flops_tok = 8 * H * (I + H)
    tok = B * T

    def train_step():
        opt.zero_grad(set_to_none=True)
        x.grad = None
        out, _ = lstm(x)
        out.sum().backward()
        opt.step()

    t = time_steps(train_step)
    med = statistics.median(t)
    emit_rate('C5', 'train_tokens_per_s', 'tokens/s', tok, t, batch=B, seq=T,
              gflops=3 * fwd_flops_tok * tok / med / 1e9,
              flops_note='3*8*H*(I+H) per token (fwd+bwd incl. dX)')

    def fwd_step():
        with torch.no_grad():
            lstm(x)
    t = time_steps(fwd_step)
    med = statistics.median(t)
    emit_rate('C5', 'fwd_tokens_per_s', 'tokens/s', tok, t, batch=B, seq=T,
              gflops=fwd_flops_tok * tok / med / 1e9, flops_note='8*H*(I+H) per token')


def time_calls(fn, warmup_seconds):
    """Times fn in blocks of calls lasting >= ~30 ms each, after warming up for about
    warmup_seconds (at least one block); returns (seconds per call of each block, calls per block)."""
    fn()
    t0 = time.perf_counter(); fn(); one = time.perf_counter() - t0
    reps = max(1, int(0.03 / max(one, 1e-7)))

    def block():
        for _ in range(reps):
            fn()
    t0 = time.perf_counter(); block(); one_block = time.perf_counter() - t0
    warm = max(1, int(warmup_seconds / max(one_block, 1e-7)))
    return [x / reps for x in time_steps(block, warmup=warm, min_steps=7)], reps


def run_sgemm():
    shapes = [(2048, 2048, 2048), (64, 512, 2048), (3200, 64, 2048)]
    for (M, K, N) in shapes:
        flops = 2.0 * M * N * K
        # numpy: C = A @ B
        a = np.random.rand(M, K).astype(np.float32)
        b = np.random.rand(K, N).astype(np.float32)
        c = np.empty((M, N), np.float32)
        ta, tb = torch.from_numpy(a.copy()), torch.from_numpy(b.copy())
        tc = torch.empty(M, N)
        w = torch.randn(N, K)  # nn.Linear / LSTM weight layout: x @ W^T
        variants = [
            ('numpy_matmul', lambda: np.matmul(a, b, out=c)),
            ('torch_mm', lambda: torch.mm(ta, tb, out=tc)),
            ('torch_linear_xWt', lambda: F.linear(ta, w)),
        ]
        for name, fn in variants:
            times, reps = time_calls(fn, warmup_seconds=0)
            med = statistics.median(times)
            emit(config='sgemm', metric=name, unit='GFLOP/s', M=M, K=K, N=N, **mon_stop(),
                 value=flops / med / 1e9, gflops_best=flops / min(times) / 1e9,
                 gflops_worst=flops / max(times) / 1e9, calls_per_timing=reps,
                 n_timings=len(times))


# The shapes (M, K, N) of `bin/rnn4j bench gemm` (GemmThroughput.SHAPES): recurrent steps,
# input projections, one large square.
GEMM_SHAPES = [(32, 512, 2048), (64, 256, 1024), (64, 1024, 4096), (1, 512, 2048),
               (3200, 64, 2048), (2048, 2048, 2048)]


def run_gemm():
    """C(M, N) = F.linear(A, W) = A(M, K) . W(N, K)^T, the product rnn4j's gemm bench times."""
    for (M, K, N) in GEMM_SHAPES:
        flops = 2.0 * M * N * K
        a = torch.randn(M, K)
        w = torch.randn(N, K)  # nn.Linear / LSTM weight layout

        def fn():
            F.linear(a, w)
        # warm up for about 0.5 s, as rnn4j's gemm bench does
        times, reps = time_calls(fn, warmup_seconds=0.5)
        med = statistics.median(times)
        emit(config='gemm', metric='gflops', unit='GFLOP/s', M=M, K=K, N=N, **mon_stop(),
             value=flops / med / 1e9, gflops=flops / med / 1e9,
             gflops_best=flops / min(times) / 1e9, gflops_worst=flops / max(times) / 1e9,
             op='torch.nn.functional.linear', calls_per_timing=reps, n_timings=len(times))


def run_info():
    info = {'torch_config': torch.__config__.show(),
            'parallel_info': torch.__config__.parallel_info(),
            'mkldnn_available': torch.backends.mkldnn.is_available(),
            'openmp_available': torch.backends.openmp.is_available()}
    try:
        info['threadpool_info'] = threadpool_info() if threadpool_info else None
    except Exception as e:
        info['threadpool_info'] = repr(e)
    emit(config='info', **info)


{'C1': run_c1, 'C2': run_c2, 'C3': run_c3, 'C4': run_c4, 'C5': run_c5,
 'gemm': run_gemm, 'sgemm': run_sgemm, 'info': run_info}[args.config]()
