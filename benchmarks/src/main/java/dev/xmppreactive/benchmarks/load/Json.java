package dev.xmppreactive.benchmarks.load;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the load programs (tasks to workers, results back, results files). */
final class Json {
  static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  static final JsonMapper COMPACT = JsonMapper.builder().build();

  private Json() {
  }
}
