package com.finlens.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.finlens.testing.SharedApp;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every route the real router holds is documented: JSON endpoints in {@code /api/v1/openapi.json}, everything
 * else in the page list below. A route added without either fails here, and so does a documented operation that
 * no route serves.
 */
class RouteInventoryTest {

    /**
     * The routes outside the JSON API, with the default (development sign-in) configuration. /metrics is not one:
     * it lives on the separate management listener (HealthDocsMetricsTest).
     */
    static final Set<String> PAGES = Set.of(
            "GET /", "GET /sign-in", "POST /auth/logout", "POST /auth/dev",
            "GET /auth/extension/start", "POST /auth/extension/dev", "POST /auth/extension/token",
            "POST /auth/extension/revoke",
            "GET /account", "POST /account/sessions/{}/revoke", "POST /account/devices/{}/revoke",
            "GET /account/export", "POST /account/delete",
            "GET /chat", "GET /chat/{}", "POST /chat/ask", "GET /history", "POST /history/{}/rename",
            "GET /history/{}/delete", "POST /history/{}/delete",
            "GET /companies", "GET /companies/{}",
            "GET /knowledge",
            "GET /watchlist", "POST /watchlist/add", "POST /watchlist/{}/remove", "POST /watchlist/read",
            "GET /health/live", "GET /health/ready", "GET /api/docs",
            "GET /static/*", "HEAD /static/*");

    @Test
    @DisplayName("Every route outside /api/v1 is on the page list, and every page on the list is a route")
    void pagesAreListed() {
        Set<String> pages = new TreeSet<>();
        for (String route : routes()) {
            if (!route.contains(" /api/v1/")) {
                pages.add(route);
            }
        }
        assertThat(pages).containsExactlyInAnyOrderElementsOf(PAGES);
    }

    @Test
    @DisplayName("The /api/v1 routes of the router and the operations of the OpenAPI document are the same set")
    void apiRoutesAreDocumented() {
        Set<String> served = new TreeSet<>();
        for (String route : routes()) {
            if (route.contains(" /api/v1/")) {
                served.add(route.replace(" /api/v1/", " /"));
            }
        }
        Set<String> documented = new TreeSet<>();
        for (String operation : SharedApp.get().documentedOperations()) {
            documented.add(operation.replace(" /api/v1/", " /").replaceAll("\\{[^}]+}", "{}"));
        }
        assertThat(served).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    @DisplayName("The router tests every /api/v1 endpoint before any page route (besides liveness, which answers first)")
    void apiRoutesComeBeforePages() {
        List<String> all = routes();
        int lastApi = -1;
        int firstPage = all.size();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).contains(" /api/v1/")) {
                lastApi = i;
            } else if (!all.get(i).equals("GET /health/live")) {
                firstPage = Math.min(firstPage, i);
            }
        }
        assertThat(lastApi).isGreaterThan(0).isLessThan(firstPage);
    }

    /** The router's routes with path parameters written "{}", so ":id" and "{id}" compare equal. */
    static List<String> routes() {
        return SharedApp.get().app().routes().stream().map(r -> r.replaceAll(":[A-Za-z]+", "{}")).toList();
    }
}
