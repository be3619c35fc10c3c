/**
 * The ctc task family: speech recognizers trained with connectionist temporal classification.
 * Recordings and transcripts ({@link org.rnn4j.speech.ctc.SpeechCorpus}) become the steps of a
 * {@link org.rnn4j.speech.ctc.FrontEnd} and class ids; a {@link
 * org.rnn4j.speech.ctc.Recognizer} (recurrent layer, then per-step log-probabilities over the
 * blank and the symbols) trains on the CTC loss ({@link org.rnn4j.speech.ctc.CtcObjective});
 * a {@link org.rnn4j.speech.ctc.SpeechRecognizer} transcribes by best path or prefix beam search
 * and measures symbol error rates.
 */
package org.rnn4j.speech.ctc;
