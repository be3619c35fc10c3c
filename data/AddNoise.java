import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Makes the recordings of a folder made by data/make-digits more like real ones, seeded: each
 * recording, in transcripts.tsv order, gets 0 to 0.4 s more silence at its start and at its end
 * (real recordings start and stop with a pause), then stays clean or gets white Gaussian noise
 * at 30, 20 or 10 dB SNR (a quarter each) over its whole length. Its line in transcripts.tsv
 * gains a fifth column, "clean" or the SNR in dB.
 *
 * <pre>
 * σ² = P_signal / 10^(SNR/10),  P_signal the mean square of the samples
 * </pre>
 *
 * Run with the JDK's source launcher: java data/AddNoise.java FOLDER SEED
 */
public final class AddNoise {
  private static final int[] SNR_DB = {0, 30, 20, 10}; // 0: clean

  public static void main(String[] args) throws IOException, UnsupportedAudioFileException {
    if (args.length != 2) {
      System.err.println("usage: java data/AddNoise.java FOLDER SEED");
      System.exit(2);
    }
    Path folder = Path.of(args[0]);
    SplittableRandom rng = new SplittableRandom(Long.parseLong(args[1]));
    Path list = folder.resolve("transcripts.tsv");
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      int snr = SNR_DB[rng.nextInt(SNR_DB.length)];
      double before = 0.4 * rng.nextDouble();
      double after = 0.4 * rng.nextDouble();
      long seed = rng.nextLong();
      rewrite(folder.resolve(line.split("\t")[0]), before, after, snr,
          new SplittableRandom(seed));
      out.add(line + "\t" + (snr > 0 ? Integer.toString(snr) : "clean"));
    }
    Path tmp = folder.resolve("transcripts.tsv.tmp");
    Files.write(tmp, out, StandardCharsets.UTF_8);
    Files.move(tmp, list, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Rewrites a 16-bit little-endian PCM mono WAV file with silence added at both ends and noise
   * at the given SNR (0: none), the signal's power measured before padding.
   */
  private static void rewrite(Path wav, double before, double after, int snrDb,
      SplittableRandom rng) throws IOException, UnsupportedAudioFileException {
    AudioFormat format;
    byte[] bytes;
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      format = in.getFormat();
      bytes = in.readAllBytes();
    }
    if (format.getSampleSizeInBits() != 16 || format.isBigEndian() || format.getChannels() != 1
        || format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
      throw new IOException(wav + ": expected 16-bit little-endian mono PCM, got " + format);
    }
    int speech = bytes.length / 2;
    double power = 0;
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < speech; i++) {
      double x = in.getShort(2 * i);
      power += x * x;
    }
    power /= Math.max(1, speech);
    int lead = (int) (before * format.getSampleRate());
    int n = lead + speech + (int) (after * format.getSampleRate());
    byte[] padded = new byte[2 * n];
    System.arraycopy(bytes, 0, padded, 2 * lead, bytes.length);
    bytes = padded;
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    double sigma = snrDb == 0 ? 0 : Math.sqrt(power / Math.pow(10, snrDb / 10.0));
    for (int i = 0; i < n; i++) {
      double y = b.getShort(2 * i) + sigma * gaussian(rng);
      b.putShort(2 * i, (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE,
          Math.round(y))));
    }
    Path tmp = wav.resolveSibling(wav.getFileName() + ".tmp");
    try (AudioInputStream noisy = new AudioInputStream(new ByteArrayInputStream(bytes), format,
        n)) {
      AudioSystem.write(noisy, AudioFileFormat.Type.WAVE, tmp.toFile());
    }
    Files.move(tmp, wav, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A standard normal draw (Box–Muller), from the seeded generator alone. */
  private static double gaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
