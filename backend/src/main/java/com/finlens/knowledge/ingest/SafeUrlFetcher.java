package com.finlens.knowledge.ingest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches a user-supplied URL without letting it reach our own network (SSRF). For every hop (the URL and each of
 * at most {@code maxRedirects} redirects) the host is resolved, every address it resolves to must be public, and
 * the connection goes to the checked address (so a second DNS answer cannot swap in a private one). The body is
 * streamed and abandoned as soon as it passes the size limit; a timer bounds the whole fetch; only text, Markdown,
 * HTML and PDF content types are read.
 */
public final class SafeUrlFetcher {

    /** The knowledge_documents.source_url column: a longer URL would fail the insert, so it is refused first. */
    public static final int MAX_URL_CHARS = 2048;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final Vertx vertx;
    private final WorkerExecutor worker;
    private final FetchConfig config;
    private final HttpClient client;

    public SafeUrlFetcher(Vertx vertx, WorkerExecutor worker, FetchConfig config) {
        this.vertx = vertx;
        this.worker = worker;
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis())
                .setTrustAll(false)
                .setVerifyHost(true)
                .setMaxRedirects(0));
    }

    /** Checks a URL up front (syntax, scheme, resolved addresses) so a request can be refused before a job starts. */
    public Future<Void> check(String url) {
        return parse(url).compose(this::resolve).mapEmpty();
    }

    public Future<FetchedResource> fetch(String url) {
        Promise<FetchedResource> result = Promise.promise();
        long timer = vertx.setTimer(config.timeout().toMillis(), t -> result.tryFail(new FetchRejectedException(
                "fetching took longer than " + config.timeout().toSeconds() + " s")));
        parse(url).compose(uri -> hop(uri, 0, result.future()))
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    if (ar.succeeded()) {
                        result.tryComplete(ar.result());
                    } else {
                        result.tryFail(ar.cause());
                    }
                });
        return result.future();
    }

    private record Target(URI uri, InetAddress address) {
    }

    private Future<FetchedResource> hop(URI uri, int redirects, Future<FetchedResource> overall) {
        return resolve(uri).compose(target -> {
            boolean https = uri.getScheme().equals("https");
            int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.GET)
                    .setServer(SocketAddress.inetSocketAddress(port, target.address().getHostAddress()))
                    .setHost(uri.getHost())
                    .setPort(port)
                    .setSsl(https)
                    .setURI(pathAndQuery(uri))
                    .setFollowRedirects(false)
                    .setIdleTimeout(config.timeout().toMillis())
                    .putHeader("User-Agent", "FinlensBot/1.0 (+https://finlens.app)")
                    .putHeader("Accept", "text/html, text/plain, text/markdown, application/pdf;q=0.9");
            AtomicBoolean answered = new AtomicBoolean();
            return client.request(options).compose(request -> {
                // The time limit cancels a request still waiting for its answer.
                overall.onFailure(e -> {
                    if (!answered.get()) {
                        request.reset();
                    }
                });
                return request.send();
            }).compose(response -> {
                answered.set(true);
                if (REDIRECTS.contains(response.statusCode())) {
                    return followRedirect(uri, response, redirects, overall);
                }
                if (response.statusCode() != 200) {
                    abandon(response);
                    return Future.failedFuture(new FetchRejectedException(
                            "the page answered HTTP " + response.statusCode()));
                }
                return readBody(uri, response, overall);
            }, e -> Future.failedFuture(e instanceof FetchRejectedException ? e
                    : new FetchRejectedException("could not connect to " + uri.getHost())));
        });
    }

    private Future<FetchedResource> followRedirect(URI from, HttpClientResponse response, int redirects,
                                                   Future<FetchedResource> overall) {
        String location = response.getHeader("Location");
        if (location == null) {
            return Future.failedFuture(new FetchRejectedException("redirect without a Location header"));
        }
        if (redirects >= config.maxRedirects()) {
            return Future.failedFuture(new FetchRejectedException("more than " + config.maxRedirects() + " redirects"));
        }
        URI next;
        try {
            next = from.resolve(new URI(location.trim()));
        } catch (URISyntaxException e) {
            return Future.failedFuture(new FetchRejectedException("redirect to an invalid URL"));
        }
        // Drain the (normally empty) redirect body so the connection can be reused; the overall timer bounds it.
        response.handler(ignored -> { });
        return response.end().compose(v -> parse(next.toString())).compose(uri -> hop(uri, redirects + 1, overall));
    }

    private Future<FetchedResource> readBody(URI uri, HttpClientResponse response, Future<FetchedResource> overall) {
        SourceFormat format = SourceFormat.ofMediaType(response.getHeader("Content-Type"))
                .or(() -> SourceFormat.ofFileName(uri.getPath()).filter(f -> response.getHeader("Content-Type") == null))
                .orElse(null);
        if (format == null) {
            abandon(response);
            return Future.failedFuture(new FetchRejectedException("unsupported content type "
                    + response.getHeader("Content-Type") + "; expected HTML, text, Markdown or PDF"));
        }
        String declared = response.getHeader("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > config.maxBytes()) {
            abandon(response);
            return Future.failedFuture(tooLarge());
        }
        Promise<FetchedResource> body = Promise.promise();
        Buffer buffer = Buffer.buffer();
        response.handler(chunk -> {
            if (buffer.length() + chunk.length() > config.maxBytes()) {
                body.tryFail(tooLarge());
                abandon(response);
                return;
            }
            buffer.appendBuffer(chunk);
        });
        response.exceptionHandler(e -> body.tryFail(new FetchRejectedException("the download broke off")));
        response.endHandler(v -> body.tryComplete(new FetchedResource(uri.toString(), format, buffer.getBytes())));
        overall.onFailure(e -> {
            if (body.tryFail(e)) {
                abandon(response);
            }
        });
        return body.future();
    }

    /** Stops reading a response we refuse; the reset closes the connection, which is expected, not an error. */
    private static void abandon(HttpClientResponse response) {
        response.exceptionHandler(ignored -> { });
        response.request().reset();
    }

    private FetchRejectedException tooLarge() {
        return new FetchRejectedException("the page is larger than " + config.maxBytes() / 1024 + " KB");
    }

    private static Future<URI> parse(String url) {
        if (url.trim().length() > MAX_URL_CHARS) {
            return Future.failedFuture(new FetchRejectedException("the URL is longer than " + MAX_URL_CHARS
                    + " characters"));
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Future.failedFuture(new FetchRejectedException("only http and https URLs can be fetched"));
            }
            if (uri.getHost() == null || uri.getUserInfo() != null) {
                return Future.failedFuture(new FetchRejectedException("the URL needs a host and no user name"));
            }
            return Future.succeededFuture(uri);
        } catch (URISyntaxException e) {
            return Future.failedFuture(new FetchRejectedException("not a valid URL"));
        }
    }

    private Future<Target> resolve(URI uri) {
        String host = uri.getHost();
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        boolean allowedPrivate = config.allowedPrivateTargets().contains(host + ":" + port);
        return worker.executeBlocking(() -> {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(literal);
            } catch (UnknownHostException e) {
                throw new FetchRejectedException("the host " + host + " does not resolve");
            }
            for (InetAddress address : addresses) {
                if (!allowedPrivate && !AddressPolicy.isPublic(address)) {
                    // The address a name resolved to is internal knowledge: never tell the caller what it was.
                    throw new FetchRejectedException("the host " + host
                            + " is or resolves to a private or reserved address, which is not fetched");
                }
            }
            return new Target(uri, addresses[0]);
        }, false);
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    public Future<Void> close() {
        return client.close();
    }
}
