package org.rnn4j.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.rnn4j.train.Optimization;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An enum's constants as the command line spells them, in lower case: picocli's converter
 * (which names the valid values when given another) and its completion candidates (which help
 * lists as {@code ${COMPLETION-CANDIDATES}} and shell completion offers).
 *
 * @param <E> the enum
 */
abstract class LowerCaseChoice<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
  private final Class<E> type;

  LowerCaseChoice(Class<E> type) {
    this.type = type;
  }

  @Override
  public E convert(String value) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value.trim())) {
        return e;
      }
    }
    throw new TypeConversionException("expected one of " + String.join(", ", names())
        + ", got '" + value + "'");
  }

  @Override
  public Iterator<String> iterator() {
    return names().iterator();
  }

  private List<String> names() {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
  }

  /** adam, adamw, sgd, rmsprop. */
  static final class Optimizers extends LowerCaseChoice<Optimization.Kind> {
    Optimizers() {
      super(Optimization.Kind.class);
    }
  }

  /** constant, cosine, step, plateau. */
  static final class Schedules extends LowerCaseChoice<Optimization.Schedule> {
    Schedules() {
      super(Optimization.Schedule.class);
    }
  }
}
