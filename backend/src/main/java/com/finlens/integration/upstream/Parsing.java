package com.finlens.integration.upstream;

import io.vertx.core.Future;
import java.util.function.Function;

/**
 * Reading an answer with the adapter's parser. An answer the parser did not expect (a missing field, a string where
 * a list should be, a date that is no date) becomes a BAD_RESPONSE that names the endpoint: callers see one clear
 * kind of error, never a stray NullPointerException or ClassCastException from deep in a parse.
 */
public final class Parsing {

    private Parsing() {
    }

    public static <R, T> Future<T> read(String system, UpstreamRequest request, Future<R> answer,
                                        Function<R, T> parse) {
        return answer.map(value -> {
            try {
                return parse.apply(value);
            } catch (UpstreamException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new UpstreamException(system, UpstreamException.Kind.BAD_RESPONSE,
                        system + " sent an answer that could not be read for " + request.endpoint());
            }
        });
    }
}
