package org.rnn4j.cli;

import java.util.List;

/** Test data: 27 dinosaur names, the training file of the command-line tests that train an lm. */
final class TrainingNames {
  static final List<String> NAMES = List.of("aardonyx", "abelisaurus", "abrictosaurus",
      "acanthopholis", "achelousaurus", "achillobator", "acrocanthosaurus", "adamantisaurus",
      "adasaurus", "aegyptosaurus", "aeolosaurus", "afrovenator", "agilisaurus", "alamosaurus",
      "albertosaurus", "alectrosaurus", "allosaurus", "alvarezsaurus", "amargasaurus",
      "ampelosaurus", "anatotitan", "anchisaurus", "ankylosaurus", "apatosaurus", "aralosaurus",
      "archaeopteryx", "argentinosaurus");

  private TrainingNames() {}
}
