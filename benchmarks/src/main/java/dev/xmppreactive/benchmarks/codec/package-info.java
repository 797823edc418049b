/**
 * JMH benchmarks of the stream codec against Smack 4.4.8 and Aalto's bare scan, on one deterministic
 * corpus ({@link dev.xmppreactive.benchmarks.codec.StanzaCorpus}). See BENCHMARKS.md at the
 * repository's root for how to run them and what each one measures.
 */
package dev.xmppreactive.benchmarks.codec;
