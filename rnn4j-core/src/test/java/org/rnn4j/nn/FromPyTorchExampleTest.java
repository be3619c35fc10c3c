package org.rnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.io.ModelFile;
import org.rnn4j.io.Safetensors;
import org.rnn4j.loss.CrossEntropy;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.nn.recurrent.RecurrentConfig;
import org.rnn4j.optim.Adam;
import org.rnn4j.optim.GradientClipping;
import org.rnn4j.task.classify.ClassPrediction;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierConfig;
import org.rnn4j.task.classify.ClassifierData;
import org.rnn4j.task.classify.ClassifierInput;
import org.rnn4j.task.classify.ClassifierObjective;
import org.rnn4j.task.classify.Pooling;
import org.rnn4j.task.classify.TextClassifier;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.WordTokenizer;
import org.rnn4j.train.EarlyStopping;
import org.rnn4j.train.TrainingRecipe;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * The hand-written model and training loop of docs/from-pytorch.md, as it is printed there: a
 * PyTorch-style module (Embedding → LSTM → Linear), Adam, gradient clipping, saving and loading
 * the weights, inference without a graph.
 */
class FromPyTorchExampleTest {
  @TempDir Path dir;

  /** class Net(nn.Module) with embedding, rnn and fc, as on the page. */
  static final class Net extends CompositeModule {
    final Embedding embedding;
    final Recurrent rnn;
    final Linear fc;

    Net(int vocabulary, int classes, RandomGenerator rng) {
      embedding = register("embedding", new Embedding(vocabulary, 16, rng));
      rnn = register("rnn", new Recurrent(
          RecurrentConfig.builder(CellKind.LSTM, 16, 32).layers(1).build(), rng));
      fc = register("fc", new Linear(32, classes, rng));
    }

    /** ids (B, T) padded, lengths (B) → logits (B, C) from each sequence's last real state. */
    Tensor forward(int[] ids, int b, int t, int[] lengths) {
      Tensor x = embedding.forward(ids, b, t);                 // (B, T, E)
      Tensor h = rnn.forward(x, lengths).state().h();          // (L·D, B, H)
      return fc.forward(h.reshape(b, 32));                     // (B, C)
    }
  }

  @Test
  void theLoopOnThePageTrainsSavesAndLoads() throws Exception {
    // toy data: class 1 when the sequence holds token 3; B = 4, T = 5, lengths differ
    int[] ids = {3, 4, 5, 0, 0, 4, 5, 6, 4, 0, 6, 3, 0, 0, 0, 5, 5, 4, 6, 5};
    int[] lengths = {3, 4, 2, 5};
    int[] labels = {1, 0, 1, 0};

    Net net = new Net(8, 2, new SplittableRandom(1));
    Adam adam = Adam.of(net.parameters(), 1e-2);
    float first = 0;
    float last = 0;
    for (int step = 0; step < 30; step++) {
      net.train(new SplittableRandom(step));  // model.train(): dropout masks from this generator
      adam.zeroGrad();                                               // optimizer.zero_grad()
      Tensor loss = CrossEntropy.loss(net.forward(ids, 4, 5, lengths), labels,
          CrossEntropy.Options.DEFAULT);                             // F.cross_entropy
      loss.backward();                                               // loss.backward()
      GradientClipping.clipByGlobalNorm(net.parameters().values(), 1.0); // clip_grad_norm_
      adam.step();                                                   // optimizer.step()
      if (step == 0) {
        first = loss.item();
      }
      last = loss.item();
    }
    assertTrue(last < first, "loss " + first + " → " + last);

    Path file = dir.resolve("net.safetensors");                       // torch.save(state_dict)
    ModelFile.write(file, net.parameters(),
        new ObjectMapper().createObjectNode().put("task", "toy"), Optional.empty(),
        ModelFile.Provenance.now(1, ""));
    Net again = new Net(8, 2, new SplittableRandom(99));              // load_state_dict
    ModelFile.copyInto(again.parameters(), Safetensors.read(file).tensors(), file);

    net.eval();                                                       // model.eval()
    again.eval();
    try (NoGrad scope = NoGrad.enter()) {                             // with torch.no_grad():
      float[] p = net.forward(ids, 4, 5, lengths).softmax().data();   // (B, C)
      assertArrayEquals(p, again.forward(ids, 4, 5, lengths).softmax().data());
    }
  }

  @Test
  void theFitExampleOnThePageTrainsAClassifierAndLoadsItForUse() throws Exception {
    List<String> texts = List.of("a good film", "a bad film", "good acting", "bad acting",
        "very good", "very bad", "good story", "dull and bad");
    int[] labels = {1, 0, 1, 0, 1, 0, 1, 0};   // ids into List.of("neg", "pos")

    TextCodec codec = TextCodec.fit(WordTokenizer.standard(), texts);   // the vocabulary
    Classifier model = new Classifier(ClassifierConfig.of(
            ClassifierInput.tokens(codec.vocabulary().size(), 16),       // Embedding(V, 16)
            RecurrentSpec.of(CellKind.LSTM, 32).withBidirectional(true), // Bidirectional(LSTM(32))
            List.of("neg", "pos"))                                       // Dense(2)
        .withPooling(Pooling.MEAN), new SplittableRandom(1));
    var batches = ClassifierData.batches(texts, labels, codec, 4);       // batch_size=4
    TrainingRecipe.of(20, 1)                                              // epochs=20, seed 1
        .withLearningRate(1e-2)                                           // Adam(1e-2)
        .withClipNorm(1.0)                                                // clipnorm=1.0
        .withEarlyStopping(EarlyStopping.onLoss(3))                       // EarlyStopping
        .fit(new ClassifierObjective(model), batches, Optional.of(batches));  // model.fit

    Path file = dir.resolve("sentiment.safetensors");                     // model.save
    ModelFile.write(file, model.parameters(), model.config().toJson(),
        Optional.of(codec.toJson()), ModelFile.Provenance.now(1, ""));
    TextClassifier classifier = TextClassifier.load(file);                // load_model
    ClassPrediction p = classifier.predict("a good story");              // model.predict
    assertTrue(p.probabilities().length == 2 && List.of("neg", "pos").contains(p.label()));
  }
}
