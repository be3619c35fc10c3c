package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsTest {

  @Test
  void scalarCanBeChosenByName() {
    assertSame(Backends.SCALAR, Backends.select("scalar"));
    assertSame(Backends.SCALAR, Backends.select("SCALAR"));
  }

  @Test
  void unknownChoiceIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Backends.select("gpu"));
    assertTrue(e.getMessage().contains(Backends.PROPERTY), e.getMessage());
  }

  /** Runs {@link FallbackMain} in a JVM without the Vector API: scalar kernels, one log line. */
  @Test
  void withoutTheVectorModuleRunsScalarAndSaysHowToEnableIt()
      throws IOException, InterruptedException {
    String output = ChildJvm.output(List.of(), FallbackMain.class, 60);
    assertTrue(output.contains("backend=scalar"), output);
    assertTrue(output.contains("result=ok"), output);
    assertTrue(output.contains("--add-modules jdk.incubator.vector"), output);
    assertEquals(1, output.split("Vector API not enabled", -1).length - 1, output);
  }

  /** Entry point of the child JVM in the fallback test. */
  static final class FallbackMain {
    private FallbackMain() {}

    public static void main(String[] args) {
      float[] a = {1, 2, 3, 4}; // (2, 2)
      float[] c = new float[4]; // (2, 2)
      Gemm.multiply(c, 0, a, 0, a, 0, GemmShape.of(2, 2, 2), false);
      PackedMatrix b = Gemm.pack(a, 0, 2, 2, true);
      float[] c2 = new float[4];
      Gemm.multiply(c2, 0, a, 0, false, 2, b, false);
      float[] t = new float[4];
      Activations.tanh(t, 0, a, 0, 4);
      boolean ok = c[0] == 7 && c[3] == 22 && c2[0] == 5 && c2[3] == 25
          && t[0] == (float) Math.tanh(1);
      System.out.println("backend=" + Gemm.backend() + " result=" + (ok ? "ok" : "wrong"));
    }
  }
}
