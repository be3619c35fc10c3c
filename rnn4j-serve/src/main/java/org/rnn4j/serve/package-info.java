/**
 * A trained model behind an HTTP endpoint: {@link org.rnn4j.serve.ModelServer} serves any task
 * family's model as JSON over HTTP with the JDK's HTTP server, through the family's thread-safe
 * inference class; {@link org.rnn4j.serve.MicroBatcher} lets concurrent requests share batches;
 * {@link org.rnn4j.serve.ServeConfig} holds the address, batching and limits. Metrics are
 * Micrometer's, in the Prometheus format. A playground page is served at {@code /}.
 *
 * <p>Belongs here: HTTP, JSON requests and responses, batching across requests, limits. Does not
 * belong here: inference itself (the families' inference classes in rnn4j-core), the command
 * line ({@code rnn4j serve} in rnn4j-cli).
 */
package org.rnn4j.serve;
