"""Tests of bench/serve-load's reading of wrk's report and its table.

Run: python3 -m unittest discover -s bench
"""
import importlib.machinery
import importlib.util
import unittest
from pathlib import Path

_PATH = Path(__file__).resolve().parent / 'serve-load'
_LOADER = importlib.machinery.SourceFileLoader('bench_serve_load', str(_PATH))
_SPEC = importlib.util.spec_from_loader('bench_serve_load', _LOADER)
serve_load = importlib.util.module_from_spec(_SPEC)
_LOADER.exec_module(serve_load)

WRK = """Running 15s test @ http://127.0.0.1:40123/v1/classify
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.31ms    3.20ms  80.11ms   91.00%
    Req/Sec     2.60k   210.00     3.01k    70.00%
  Latency Distribution
     50%   11.80ms
     75%   13.02ms
     90%  950.00us
     99%    1.25s
  77986 requests in 15.02s, 20.01MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 5
Requests/sec:   5192.15
Transfer/sec:      1.33MB
"""


class ParseWrkTest(unittest.TestCase):
    def test_reads_rate_percentiles_in_ms_and_errors(self):
        r = serve_load.parse_wrk(WRK)
        self.assertEqual(r['requests_per_s'], 5192.15)
        self.assertAlmostEqual(r['p50_ms'], 11.80)
        self.assertAlmostEqual(r['p90_ms'], 0.95)
        self.assertAlmostEqual(r['p99_ms'], 1250.0)
        self.assertEqual(r['requests'], 77986)
        self.assertEqual(r['non_2xx'], 5)
        self.assertEqual(r['socket_errors'], 3)

    def test_a_clean_run_has_no_errors(self):
        clean = WRK.replace('  Socket errors: connect 0, read 2, write 0, timeout 1\n', '')
        clean = clean.replace('  Non-2xx or 3xx responses: 5\n', '')
        r = serve_load.parse_wrk(clean)
        self.assertEqual((r['non_2xx'], r['socket_errors']), (0, 0))

    def test_table_has_a_row_per_setting_and_connections(self):
        r = serve_load.parse_wrk(WRK)
        r.update(setting='batching on', connections=64)
        text = serve_load.table([r], 'rnn4j serve')
        self.assertIn('| batching on | 64 | 5192 | 11.80 | 1250.00 | 8 |', text)


if __name__ == '__main__':
    unittest.main()
