"""Every rnn4j task family rebuilt in torch.nn gives rnn4j's outputs.

The model files, inputs and rnn4j's outputs are committed under
rnn4j-core/src/test/resources/fixtures/torch (inputs.json, expected.json; TorchExportFixturesTest
keeps expected.json current). Run with a Python that has torch, safetensors and numpy:

    python -m unittest discover -s tools/tests

Without them every test is skipped, saying what is missing.
"""
import json
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(ROOT, "rnn4j-core", "src", "test", "resources", "fixtures", "torch")
sys.path.insert(0, os.path.dirname(HERE))

try:
    import numpy as np
    import safetensors  # noqa: F401
    import torch
    import rnn4j_to_torch as rt
    MISSING = None
except ImportError as e:  # pragma: no cover - depends on the Python running the tests
    MISSING = (f"PyTorch parity tests skipped: {e} (python {sys.executable} needs "
               "torch, safetensors and numpy: pip install torch safetensors numpy)")
    print(MISSING, file=sys.stderr)

TOLERANCE = 1e-5


def fixture(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
        return json.load(f)


@unittest.skipIf(MISSING is not None, MISSING)
class FamiliesMatchRnn4j(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        torch.set_num_threads(1)
        cls.inputs = fixture("inputs.json")
        cls.expected = fixture("expected.json")

    def models(self, family):
        """(model, rnn4j's outputs, the inputs) for each model file of a family."""
        for case, out in zip(self.inputs[family], self.expected[family]):
            self.assertEqual(case["model"], out["model"])
            model, _ = rt.load(os.path.join(FIXTURES, case["model"]))
            self.assertEqual(model.config["task"], family)
            yield model, out["outputs"], case

    def close(self, actual, expected, what):
        actual = np.asarray(actual, dtype=np.float64)
        expected = np.asarray(expected, dtype=np.float64)
        self.assertEqual(actual.shape, expected.shape, what)
        worst = float(np.max(np.abs(actual - expected))) if actual.size else 0.0
        self.assertLessEqual(worst, TOLERANCE, f"{what}: off by {worst:.3g}")

    def test_language_model_log_probabilities_and_scores(self):
        for model, expected, case in self.models("lm"):
            scores = model.score(case["texts"])
            for e, (ll, n, ppl) in zip(expected, scores):
                what = f"{e['text']!r} in {case['model']}"
                ids, log_probs = model.log_probs(e["text"])
                self.assertEqual(ids, e["ids"], what)
                self.close(log_probs, e["log_probs"], f"log softmax of {what}")
                self.close(ll, e["log_likelihood"], f"log-likelihood of {what}")
                self.assertEqual(n, e["tokens"])
                self.assertLessEqual(abs(ppl - e["perplexity"]), TOLERANCE * e["perplexity"])

    def test_classifier_probabilities(self):
        for model, expected, case in self.models("classify"):
            self.assertEqual(model.labels, expected["labels"])
            for e, (label, p) in zip(expected["results"], model.predict(case["texts"])):
                what = f"{e['text']!r} in {case['model']}"
                self.assertEqual(model.codec.encode(e["text"]), e["ids"], what)
                self.close(p, e["probabilities"], f"probabilities of {what}")
                self.assertEqual(label, e["label"], what)

    def test_tagger_scores_and_tags(self):
        for model, expected, case in self.models("tag"):
            self.assertEqual(model.tags, expected["tags"])
            for e in expected["results"]:
                what = f"{e['sentence']!r} in {case['model']}"
                tokens, scores = model.scores(e["sentence"])
                self.assertEqual(tokens, e["tokens"], what)
                self.assertEqual(model.word_ids(tokens), e["ids"], what)
                if tokens:
                    self.close(scores, e["scores"], f"tag scores of {what}")
                self.assertEqual(model.tag(e["sentence"])[1], e["tags"], what)

    def test_seq2seq_greedy_translations_and_attention(self):
        for model, expected, case in self.models("seq2seq"):
            got = model.translate(case["sources"])
            for e, t in zip(expected["greedy"], got):
                what = f"{e['source']!r} in {case['model']}"
                self.assertEqual(model.codecs[0].encode(e["source"]), e["source_ids"], what)
                self.assertEqual(t["ids"], e["ids"], what)
                self.assertEqual(t["text"], e["text"], what)
                if e["ids"]:
                    self.close(t["attention"], e["attention"], f"attention for {what}")

    def test_seq2seq_beam_search_hypotheses_and_scores(self):
        for model, expected, case in self.models("seq2seq"):
            source_codec, target_codec = model.codecs
            for run in expected["beam"]:
                settings = run["settings"]
                for e in run["results"]:
                    what = f"{e['source']!r} with {settings} in {case['model']}"
                    translated = model.translate([e["source"]], settings["beam_width"],
                                                 settings["length_penalty"],
                                                 settings.get("max_length"))[0]
                    ids = source_codec.encode(e["source"])
                    if not ids:
                        self.assertEqual(translated["text"], "", what)
                        continue
                    limit = settings.get("max_length", 2 * len(ids) + 10)
                    hyps, attention = model.beam_search(ids, settings["beam_width"], limit,
                                                        settings["length_penalty"],
                                                        settings["best"])
                    self.assertEqual([h[0] for h in hyps], [h["ids"] for h in e["hypotheses"]],
                                     what)
                    for h, x in zip(hyps, e["hypotheses"]):
                        self.assertEqual(target_codec.decode(h[0]), x["text"])
                        self.assertEqual(h[3], x["finished"], what)
                        self.close(h[1], x["log_probability"], f"log p of {x['text']!r}, {what}")
                        self.close(h[2], x["score"], f"score of {x['text']!r}, {what}")
                    if e["hypotheses"][0]["ids"]:
                        self.close(attention, e["attention"], f"attention of the best, {what}")
                    self.assertEqual(translated["text"], e["hypotheses"][0]["text"], what)

    def test_forecasts_from_raw_histories(self):
        for model, expected, case in self.models("forecast"):
            for h, e in zip(case["histories"], expected):
                what = f"{h['steps']} steps after {len(h['values'])} in {case['model']}"
                got = model.forecast(h["values"], h["steps"])
                self.assertEqual(len(h["values"]), e["history_length"])
                # forecasts are in the series' units: 1e-5 relative to their size
                scale = max(1.0, float(np.max(np.abs(e["forecast"]))))
                self.close(got / scale, np.asarray(e["forecast"]) / scale, what)

    def test_padded_batches_give_each_row_its_own_result(self):
        def padded(rows):
            t = max(len(r) for r in rows)
            return torch.tensor([r + [0] * (t - len(r)) for r in rows]), [len(r) for r in rows]

        with torch.no_grad():
            for model, expected, case in self.models("classify"):
                rows = [model.codec.encode(t) or [1] for t in case["texts"]]
                ids, lengths = padded(rows)
                p = torch.softmax(model(ids, lengths), dim=1).numpy()
                self.close(p, [e["probabilities"] for e in expected["results"]], case["model"])
            for model, expected, case in self.models("tag"):
                results = [e for e in expected["results"] if e["ids"]]
                ids, lengths = padded([e["ids"] for e in results])
                scores = model(ids, lengths).numpy()
                for row, e in enumerate(results):
                    self.close(scores[row, :len(e["ids"])], e["scores"], case["model"])
            for model, expected, case in self.models("seq2seq"):
                results = [e for e in expected["greedy"] if e["ids"]]
                ids, lengths = padded([e["source_ids"] for e in results])
                keys, projected, mask, state = model.encode(ids, lengths)
                bos = torch.full((len(results),), rt.Codec.BOS)
                _, _, _, alpha = model.step(bos, state, torch.zeros(len(results), keys.shape[2]),
                                            keys, projected, mask)
                for row, e in enumerate(results):
                    self.close(alpha[row, :lengths[row]].numpy(), e["attention"][0],
                               f"first attention row of {e['source']!r}, {case['model']}")
                    self.assertEqual(float(alpha[row, lengths[row]:].abs().sum()), 0.0)

    def test_a_model_file_written_back_from_torch_rebuilds_the_same_model(self):
        model, metadata = rt.load(os.path.join(FIXTURES, self.inputs["seq2seq"][0]["model"]))
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "copy.safetensors")
            rt.save(model, path, metadata)
            again, meta_again = rt.load(path)
        self.assertEqual(meta_again, metadata)
        for name, tensor in model.state_dict().items():
            self.assertTrue(torch.equal(tensor, again.state_dict()[name]), name)
        sources = self.inputs["seq2seq"][0]["sources"]
        self.assertEqual([t["text"] for t in again.translate(sources, 3, 0.5)],
                         [t["text"] for t in model.translate(sources, 3, 0.5)])

    def test_the_tokenizers_split_as_rnn4j_does(self):
        for case in self.expected["tokenize"]:
            codec = rt.Codec({"tokens": ["<pad>", "<unk>", "<bos>", "<eos>"],
                              "tokenizer": case["tokenizer"]})
            for text, tokens in zip(self.inputs["tokenize"]["texts"], case["tokens"]):
                self.assertEqual(codec.tokenize(text), tokens, f"{text!r}, {case['tokenizer']}")

    def test_a_file_that_is_not_an_rnn4j_model_is_rejected(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "plain.safetensors")
            from safetensors.torch import save_file
            save_file({"w": torch.zeros(2)}, path, metadata={"format": "pt"})
            with self.assertRaisesRegex(ValueError, "not an rnn4j model file"):
                rt.load(path)


if __name__ == "__main__":
    unittest.main()
