package org.rnn4j.task;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The values a user gave for {@link TaskOption}s, by name, read through the option so that its
 * default applies. Every error names the option as the command line spells it ({@code --hidden})
 * with the expected and the actual value. Immutable.
 */
public final class TaskOptions {
  private static final TaskOptions NONE = new TaskOptions(Map.of());
  private final Map<String, String> given; // name without dashes → value; "true" for a flag

  private TaskOptions(Map<String, String> given) {
    this.given = Map.copyOf(given);
  }

  /**
   * @param given option name (without dashes) → the value as typed; {@code "true"} for a flag
   * @return the options
   */
  public static TaskOptions of(Map<String, String> given) {
    return new TaskOptions(given);
  }

  /** No option given: every option has its default. */
  public static TaskOptions none() {
    return NONE;
  }

  /** This plus one more value, replacing a value given for the same option. */
  public TaskOptions with(TaskOption option, String value) {
    java.util.HashMap<String, String> m = new java.util.HashMap<>(given);
    m.put(option.name(), value);
    return new TaskOptions(m);
  }

  /** The value given, else the option's default. */
  public Optional<String> get(TaskOption option) {
    return Optional.ofNullable(given.get(option.name())).or(option::defaultValue);
  }

  /** Whether the user gave this option. */
  public boolean isGiven(TaskOption option) {
    return given.containsKey(option.name());
  }

  /**
   * @throws TaskOptionException if the option has no value and no default
   */
  public String string(TaskOption option) {
    return get(option).orElseThrow(() -> new TaskOptionException(
        option.flagName() + " is required: " + option.description()));
  }

  /** Whether a flag was given. */
  public boolean flag(TaskOption option) {
    return get(option).map(Boolean::parseBoolean).orElse(false);
  }

  /**
   * @param min the smallest value allowed
   * @throws TaskOptionException if the value is not an integer of at least {@code min}
   */
  public int integer(TaskOption option, int min) {
    int n = parse(option, Integer::parseInt, "an integer");
    if (n < min) {
      throw new TaskOptionException(option.flagName() + " must be at least " + min
          + ", got " + n);
    }
    return n;
  }

  /**
   * An integer option, empty only when it is neither given nor has a default: an option with a
   * default gives the default when not given ({@link #isGiven} tells the two apart).
   */
  public Optional<Integer> optionalInteger(TaskOption option, int min) {
    return get(option).isPresent() ? Optional.of(integer(option, min)) : Optional.empty();
  }

  /**
   * A probability, parsed as a float (as {@code Float.parseFloat} reads it, so "0.3" is the float
   * nearest 0.3).
   *
   * @throws TaskOptionException if the value is not a number in [0, 1)
   */
  public float probability(TaskOption option) {
    float p = parse(option, Float::parseFloat, "a number");
    if (!(p >= 0f && p < 1f)) {
      throw new TaskOptionException(option.flagName() + " must lie in [0, 1), got "
          + string(option));
    }
    return p;
  }

  /** The value parsed, or an error naming the option, what it must be and what it was. */
  private <T> T parse(TaskOption option, java.util.function.Function<String, T> parser,
      String kind) {
    String v = string(option);
    try {
      return parser.apply(v.trim());
    } catch (NumberFormatException e) {
      throw new TaskOptionException(option.flagName() + " must be " + kind + ", got " + v);
    }
  }

  /**
   * A value among an enum's constants, matched without regard to case.
   *
   * @throws TaskOptionException listing the choices when the value is none of them
   */
  public <E extends Enum<E>> E choice(TaskOption option, Class<E> type) {
    String v = string(option);
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v.trim())) {
        return e;
      }
    }
    throw new TaskOptionException(option.flagName() + " must be one of "
        + choices(type) + ", got " + v);
  }

  private static <E extends Enum<E>> String choices(Class<E> type) {
    StringBuilder s = new StringBuilder();
    E[] all = type.getEnumConstants();
    for (int i = 0; i < all.length; i++) {
      s.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ")
          .append(all[i].name().toLowerCase(Locale.ROOT));
    }
    return s.toString();
  }
}
