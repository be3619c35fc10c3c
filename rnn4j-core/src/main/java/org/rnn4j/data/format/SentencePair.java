package org.rnn4j.data.format;

/**
 * A sentence and its translation.
 *
 * @param source the source sentence
 * @param target the target sentence
 */
public record SentencePair(String source, String target) {}
