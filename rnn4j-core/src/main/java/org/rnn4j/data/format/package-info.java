/**
 * Readers (and, for MIDI, a writer) of real data formats: text lines, labelled JSON arrays and
 * JSON lines, CSV/TSV with chosen columns (RFC 4180 quoting, through Apache Commons CSV), CoNLL-2003 columns,
 * the OpenNLP name-finder format, FASTA, parallel TSV, MIDI note events and time-series CSV.
 *
 * <p>Every reader reads UTF-8 strictly (except MIDI, which is binary) and fails on the first bad
 * record with a {@link org.rnn4j.data.DataFormatException} that names the file, the line or
 * record, what it expected and what it found.
 *
 * <p>Belongs here: file formats, each to plain records. Does not belong here: tokenization,
 * vocabularies, batching, or any one dataset's quirks (module {@code rnn4j-datasets}).
 */
package org.rnn4j.data.format;
