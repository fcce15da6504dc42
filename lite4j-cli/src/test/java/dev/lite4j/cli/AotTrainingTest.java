package dev.lite4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The launcher's AOT training workload runs (a failing one would leave ./lite4j without its cache). */
class AotTrainingTest {
  @Test
  void trainingWorkloadRuns() throws Exception {
    assertEquals(0, AotTraining.train());
  }
}
