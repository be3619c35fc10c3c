/**
 * The audio front end of speech models: WAV files read into a mono {@link
 * org.rnn4j.speech.audio.Waveform} ({@link org.rnn4j.speech.audio.WavReader}), band-limited
 * resampling ({@link org.rnn4j.speech.audio.Resampler}), log-mel energies and MFCCs ({@link
 * org.rnn4j.speech.audio.FeatureExtractor} with a {@link org.rnn4j.speech.audio.FeatureConfig};
 * its mel filters in {@link org.rnn4j.speech.audio.MelFilterbank}), per-utterance normalisation
 * and SpecAugment-style masking for training, and CMU Sphinx's feature files ({@link
 * org.rnn4j.speech.audio.SphinxFeatureFile}). The features match librosa's on committed
 * recordings (see the tests).
 */
package org.rnn4j.speech.audio;
