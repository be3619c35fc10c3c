"""Tests of bench/jdk-ab's ordering and table on fabricated benchmark lines.

Run: python3 -m unittest discover -s bench
"""
import importlib.machinery
import importlib.util
import tempfile
import unittest
from pathlib import Path

_PATH = Path(__file__).resolve().parent / 'jdk-ab'
_LOADER = importlib.machinery.SourceFileLoader('bench_jdk_ab', str(_PATH))
_SPEC = importlib.util.spec_from_loader('bench_jdk_ab', _LOADER)
jdk_ab = importlib.util.module_from_spec(_SPEC)
_LOADER.exec_module(jdk_ab)


def line(jdk, rnd, config, metric, threads, value, **extra):
    return {'jdk': jdk, 'round': rnd, 'config': config, 'metric': metric, 'threads': threads,
            'value': value, **extra}


class JdkAbTest(unittest.TestCase):
    def test_rounds_alternate_which_jdk_runs_first(self):
        self.assertEqual(['a', 'b'], jdk_ab.order(['a', 'b'], 1))
        self.assertEqual(['b', 'a'], jdk_ab.order(['a', 'b'], 2))
        self.assertEqual(['a', 'b'], jdk_ab.order(['a', 'b'], 3))

    def test_the_table_compares_medians_per_metric_threads_and_shape(self):
        records = [
            line(17, 1, 'C1', 'infer_tokens_per_s', 2, 28000.0),
            line(17, 2, 'C1', 'infer_tokens_per_s', 2, 30000.0),
            line(17, 3, 'C1', 'infer_tokens_per_s', 2, 10000.0),
            line(25, 1, 'C1', 'infer_tokens_per_s', 2, 31000.0),
            line(25, 2, 'C1', 'infer_tokens_per_s', 2, 29000.0),
            line(25, 3, 'C1', 'infer_tokens_per_s', 2, 30000.0),
            line(17, 1, 'gemm', 'gflops', 1, 100.0, M=32, K=512, N=2048),
            line(25, 1, 'gemm', 'gflops', 1, 105.0, M=32, K=512, N=2048),
            line(17, 1, 'gemm', 'gflops', 1, 50.0, M=1, K=512, N=2048),
            line(25, 1, 'gemm', 'gflops', 1, 40.0, M=1, K=512, N=2048),
            line(25, 1, 'C5', 'train_tokens_per_s', 2, 3500.0),  # no JDK 17 figure: left out
        ]
        rows = jdk_ab.table(records, [17, 25]).splitlines()
        self.assertEqual('| config | metric | threads | shape | JDK 17 | JDK 25 | JDK 25 / JDK 17 |',
                         rows[0])
        self.assertEqual(5, len(rows), rows)
        self.assertEqual('| C1 | infer_tokens_per_s | 2 |  | 28,000 (28,000 / 30,000 / 10,000) '
                         '| 30,000 (31,000 / 29,000 / 30,000) | 1.071 |', rows[2])
        self.assertEqual('| gemm | gflops | 1 | 1×512×2048 | 50.0 (50.0) | 40.0 (40.0) | 0.800 |',
                         rows[3])
        self.assertEqual('| gemm | gflops | 1 | 32×512×2048 | 100.0 (100.0) | 105.0 (105.0) '
                         '| 1.050 |', rows[4])

    def test_the_feature_version_comes_from_the_release_file(self):
        with tempfile.TemporaryDirectory() as d:
            Path(d, 'release').write_text('IMPLEMENTOR="x"\nJAVA_VERSION="25.0.3"\n')
            self.assertEqual(25, jdk_ab.feature_version(d))
            Path(d, 'release').write_text('JAVA_VERSION="1.8.0_392"\n')
            self.assertEqual(8, jdk_ab.feature_version(d))
            Path(d, 'release').write_text('IMPLEMENTOR="x"\n')
            with self.assertRaises(SystemExit) as e:
                jdk_ab.feature_version(d)
            self.assertIn('no JAVA_VERSION', str(e.exception))
        with self.assertRaises(SystemExit) as e:
            jdk_ab.feature_version('/nonexistent-jdk')
        self.assertIn('is it a JDK?', str(e.exception))


if __name__ == '__main__':
    unittest.main()
