package com.finlens.platform.db;

import com.finlens.platform.config.Env;

/**
 * Database: an external MySQL 8 / MariaDB when {@code FINLENS_DB_URL} is set, otherwise an embedded MariaDB
 * whose files live under the data directory.
 */
public record DbConfig(String url, String user, String password, int embeddedPort, int poolSize) {

    public static DbConfig from(Env env) {
        String url = env.raw("FINLENS_DB_URL");
        if (url != null && !(url.startsWith("jdbc:mysql://") || url.startsWith("jdbc:mariadb://"))) {
            env.problem("FINLENS_DB_URL must start with jdbc:mysql:// or jdbc:mariadb:// (was '" + url + "')");
            url = null;
        }
        String user = env.string("FINLENS_DB_USER", url == null ? "root" : null);
        if (url != null && user == null) {
            env.problem("FINLENS_DB_USER is required when FINLENS_DB_URL is set");
        }
        String password = env.secret("FINLENS_DB_PASSWORD");
        int embeddedPort = env.integer("FINLENS_EMBEDDED_DB_PORT", 0, 0, 65535);
        int poolSize = env.integer("FINLENS_DB_POOL_SIZE", 10, 1, 200);
        return new DbConfig(url, user, password == null ? "" : password, embeddedPort, poolSize);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    @Override
    public String toString() {
        return "DbConfig[url=" + url + ", user=" + user + ", password=***, embeddedPort=" + embeddedPort + "]";
    }
}
