package org.rnn4j.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * One POST operation of the API: its path (e.g. {@code /v1/classify}) and what it makes of a
 * request body.
 *
 * @param path the path, starting with {@code /v1/}
 * @param handler the request's JSON object → the response's; throws {@link ApiException}
 */
public record Route(String path, Function<JsonRequest, ObjectNode> handler) {}
