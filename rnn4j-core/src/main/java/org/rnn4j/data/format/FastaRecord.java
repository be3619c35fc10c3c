package org.rnn4j.data.format;

/**
 * One FASTA record.
 *
 * @param id the first word of the header line, after '&gt;'
 * @param description the rest of the header line (may be empty)
 * @param sequence the residues, upper-cased, line breaks removed
 */
public record FastaRecord(String id, String description, String sequence) {}
